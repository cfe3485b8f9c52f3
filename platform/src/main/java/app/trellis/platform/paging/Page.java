package app.trellis.platform.paging;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

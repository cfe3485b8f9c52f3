package app.trellis.platform.paging;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** A short list that is answered whole: its only page (lists under one case or client, bounded by nature). */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(List.copyOf(items), null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

package app.trellis.platform.paging;

import app.trellis.platform.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ?limit=&cursor=} of a list request. Keyset pagination: the cursor holds the sort key of the
 * last item returned, so pages stay stable while rows are inserted, and no offset scan grows with depth.
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(effective, cursor == null || cursor.isBlank()
                ? Optional.empty() : Optional.of(Cursor.decode(cursor)));
    }

    /** Rows to fetch: one more than the limit tells whether another page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Cuts the over-fetched rows to the limit and derives the next cursor from the last item kept. */
    public <T> Page<T> toPage(List<T> fetched, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)).encode());
    }
}

package app.trellis.reporting.domain;

import java.util.List;

/**
 * What reporting's copy of one service's audit chain (of one tenant) shows: how many records it holds, the last
 * position, and every break found: positions missing, a record that does not follow the one before it (a hash
 * changed, or a record replaced), a record whose stored fields differ from what was published.
 */
public record ChainContinuity(String source, long records, long lastPosition, List<Break> breaks, boolean truncated) {

    public enum Kind { MISSING, BROKEN_LINK, ALTERED }

    /** A break at {@code position} (for missing records, the first of {@code count}). */
    public record Break(Kind kind, long position, long count) {
    }

    public ChainContinuity {
        breaks = List.copyOf(breaks);
    }

    public String service() {
        return EventSource.service(source);
    }

    public boolean intact() {
        return breaks.isEmpty();
    }
}

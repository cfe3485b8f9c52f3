package app.trellis.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedSubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MOST = Duration.ofSeconds(5);

    private final FeedReader warehouse = new FeedReader("north", "warehouse", Set.of("app.trellis.case.opened.v1",
            "app.trellis.case.closed.v1"), false, true);

    @Test
    void failuresWaitLongerEachTimeUpToTheMostAndTheLastAllowedOneAsksToPark() {
        FeedSubscription s = FeedSubscription.register(warehouse, Set.of(), "trellis-feed-warehouse", 0, NOW);
        assertFalse(s.failed("QueueDoesNotExistException", NOW, 5, FIRST, MOST));
        assertEquals(NOW.plusSeconds(1), s.nextAttemptAt());
        assertFalse(s.failed("QueueDoesNotExistException", NOW, 5, FIRST, MOST));
        assertEquals(NOW.plusSeconds(2), s.nextAttemptAt());
        assertFalse(s.failed("QueueDoesNotExistException", NOW, 5, FIRST, MOST));
        assertEquals(NOW.plusSeconds(4), s.nextAttemptAt());
        assertFalse(s.failed("QueueDoesNotExistException", NOW, 5, FIRST, MOST));
        assertEquals(NOW.plusSeconds(5), s.nextAttemptAt(), "never longer than the most");
        assertTrue(s.failed("QueueDoesNotExistException", NOW, 5, FIRST, MOST), "the fifth failure parks the batch");

        s.delivered(10, NOW.plusSeconds(9));
        assertEquals(10, s.deliveredThrough());
        assertEquals(0, s.attempts());
        assertNull(s.lastError());
        assertEquals(NOW.plusSeconds(9), s.nextAttemptAt());
    }

    @Test
    void aSubscriptionDeliversItsOwnTypesOrElseWhatItsSubscriberReceivesAndNeverLessDeidentified() {
        FeedSubscription narrow = FeedSubscription.register(warehouse, Set.of("app.trellis.case.closed.v1"), "q", 0, NOW);
        FeedReader reader = narrow.reader(warehouse);
        assertEquals(Set.of("app.trellis.case.closed.v1"), reader.types());
        assertTrue(reader.partner(), "a partner stays scoped by consent");

        FeedSubscription all = FeedSubscription.register(warehouse, Set.of(), "q", 0, NOW);
        assertEquals(warehouse.types(), all.reader(warehouse).types());
        FeedReader nowDeidentified = new FeedReader("north", "warehouse", Set.of(), true, false);
        assertTrue(all.reader(nowDeidentified).deidentified(), "configuration made stricter applies at once");
    }
}

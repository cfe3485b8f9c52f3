package app.trellis.reporting.api;

import app.trellis.reporting.domain.FeedSubscription;
import java.time.Instant;
import java.util.List;

/**
 * A subscription and where its delivery stands: the last feed position delivered (or parked), failed attempts at
 * the next batch, the last error (a kind of failure, never content), and how many entries were parked.
 */
public record SubscriptionResponse(String id, String queue, String deadLetterQueue, List<String> types,
                                   boolean deidentified, long deliveredThrough, int attempts, String lastError,
                                   Instant nextAttemptAt, long parked, Instant createdAt) {

    static SubscriptionResponse from(FeedSubscription s, long parked) {
        return new SubscriptionResponse(s.id(), s.queue(), s.queue() + "-dlq", s.types().stream().sorted().toList(),
                s.deidentified(), s.deliveredThrough(), s.attempts(), s.lastError(), s.nextAttemptAt(), parked,
                s.createdAt());
    }
}

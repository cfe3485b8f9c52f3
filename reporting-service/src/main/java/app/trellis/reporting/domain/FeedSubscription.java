package app.trellis.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A subscriber's registration for delivery of its feed into its own queue, and where delivery stands: the last
 * position handled, failed attempts at the next batch and when to try again. A batch that keeps failing is parked
 * after {@code maxAttempts} and the cursor moves past it, so a broken queue costs its owner that batch, not the feed.
 */
@Entity
@Table(name = "feed_subscription")
public class FeedSubscription {

    @Id
    private String id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(nullable = false, updatable = false)
    private String subscriber;
    @Column(nullable = false, updatable = false)
    private String types;
    @Column(nullable = false, updatable = false)
    private String queue;
    @Column(nullable = false, updatable = false)
    private boolean deidentified;
    @Column(name = "delivered_through", nullable = false)
    private long deliveredThrough;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected FeedSubscription() {
    }

    public static FeedSubscription register(FeedReader reader, Set<String> types, String queue, long after, Instant now) {
        FeedSubscription s = new FeedSubscription();
        s.id = UUID.randomUUID().toString();
        s.tenantId = reader.tenant();
        s.subscriber = reader.subscriber();
        s.types = String.join(",", types);
        s.queue = queue;
        s.deidentified = reader.deidentified();
        s.deliveredThrough = after;
        s.nextAttemptAt = now;
        s.createdAt = now;
        return s;
    }

    /** The reader this subscription delivers as: the subscriber, narrowed to the subscription's types. */
    public FeedReader reader(FeedReader subscriber) {
        Set<String> own = types();
        return new FeedReader(tenantId, this.subscriber, own.isEmpty() ? subscriber.types() : own,
                deidentified || subscriber.deidentified(), subscriber.partner());
    }

    /** Delivered through {@code position}. */
    public void delivered(long position, Instant now) {
        deliveredThrough = Math.max(deliveredThrough, position);
        attempts = 0;
        lastError = null;
        nextAttemptAt = now;
    }

    /**
     * One more failed attempt; true when it was the last allowed, and the batch is to be parked (the caller then
     * calls {@link #delivered} with the batch's last position). Otherwise the next attempt waits, doubling each time.
     */
    public boolean failed(String error, Instant now, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        attempts++;
        lastError = error;
        if (attempts >= maxAttempts) {
            return true;
        }
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(20, attempts - 1));
        nextAttemptAt = now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
        return false;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String subscriber() {
        return subscriber;
    }

    public Set<String> types() {
        return types.isEmpty() ? Set.of() : Arrays.stream(types.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    public String queue() {
        return queue;
    }

    public boolean deidentified() {
        return deidentified;
    }

    public long deliveredThrough() {
        return deliveredThrough;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

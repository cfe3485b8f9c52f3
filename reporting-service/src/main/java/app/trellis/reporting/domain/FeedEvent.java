package app.trellis.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One accepted event of the external feed; {@code payload} is the CloudEvents envelope as received.
 * {@code sequence} is its place in its tenant's feed (the subscribers' bookmark), given in commit order;
 * {@code clientId} is the client it is about, when known, which partner subscribers are scoped by.
 */
@Entity
@Table(name = "feed_event")
public class FeedEvent {

    @Id
    private long position;
    @Column(updatable = false)
    private Long sequence;
    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(nullable = false, updatable = false)
    private String type;
    @Column(nullable = false, updatable = false)
    private String subject;
    @Column(name = "client_id", updatable = false)
    private String clientId;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(nullable = false, updatable = false)
    private String payload;

    protected FeedEvent() {
    }

    public long sequence() {
        return sequence;
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public String clientId() {
        return clientId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String payload() {
        return payload;
    }
}

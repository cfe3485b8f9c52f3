package app.trellis.reporting.repository;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.reporting.domain.FeedSubscription;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FeedSubscriptionRepository implements PanacheRepositoryBase<FeedSubscription, String> {

    @Inject
    AgroalDataSource db;

    public List<FeedSubscription> of(String tenant, String subscriber) {
        return list("tenantId = ?1 and subscriber = ?2", Sort.by("createdAt").and("id"), tenant, subscriber);
    }

    public Optional<FeedSubscription> of(String tenant, String subscriber, String id) {
        return find("id = ?1 and tenantId = ?2 and subscriber = ?3", id, tenant, subscriber).firstResultOptional();
    }

    /** Subscriptions due now and not leased by anyone (this or another instance); not yet taken. */
    public List<String> due(Instant now, int limit) {
        return Jdbc.query(db, "subscriptions due", "SELECT id FROM feed_subscription WHERE next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT " + limit,
                rs -> rs.getString(1), now, now);
    }

    /** Takes the subscription for {@code lease} unless another delivery holds it; true when taken. */
    public boolean lease(String id, Instant now, Duration lease) {
        return Jdbc.update(db, "subscription lease", "UPDATE feed_subscription SET lease_until = ? WHERE id = ?"
                + " AND (lease_until IS NULL OR lease_until < ?)", now.plus(lease), id, now) == 1;
    }

    public void release(String id) {
        Jdbc.update(db, "subscription release", "UPDATE feed_subscription SET lease_until = NULL WHERE id = ?", id);
    }

    public void park(String subscriptionId, List<Long> positions, Instant now, String reason, boolean deadLettered) {
        for (long position : positions) {
            Jdbc.update(db, "park delivery", "INSERT IGNORE INTO feed_parked (subscription_id, position, parked_at, reason,"
                    + " dead_lettered) VALUES (?, ?, ?, ?, ?)", subscriptionId, position, now, reason, deadLettered);
        }
    }

    public long parked(String subscriptionId) {
        return Jdbc.query(db, "parked count", "SELECT COUNT(*) FROM feed_parked WHERE subscription_id = ?",
                rs -> rs.getLong(1), subscriptionId).get(0);
    }
}

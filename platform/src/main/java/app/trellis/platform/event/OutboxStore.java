package app.trellis.platform.event;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code outbox_event} table of the service's own schema. Plain JDBC on the service's data source,
 * so every statement joins the caller's JTA transaction. The SQL is portable between Aurora MySQL 3
 * and MariaDB (see shared/STACK.md): no {@code FOR UPDATE OF}, no row-alias upserts, no JSON type.
 */
@ApplicationScoped
public class OutboxStore {

    @Inject
    AgroalDataSource dataSource;

    /** A claimed row, ready to send. */
    public record Pending(String id, String type, String envelope, String traceParent, String requestId,
                          int attempts) {
    }

    /**
     * The next sequence number of an aggregate, in one round trip: the upsert sets LAST_INSERT_ID to the new
     * value, which the server returns with the statement's result as its generated key. The row lock
     * serialises writers of one aggregate.
     */
    public long nextSequence(String aggregateType, String aggregateId) {
        String upsert = "INSERT INTO outbox_sequence (aggregate_type, aggregate_id, last_sequence)"
                + " VALUES (?, ?, LAST_INSERT_ID(1))"
                + " ON DUPLICATE KEY UPDATE last_sequence = LAST_INSERT_ID(last_sequence + 1)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(upsert, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, aggregateType);
            ps.setString(2, aggregateId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                // An update reports two affected rows, and the driver then lists two keys: the first is ours.
                if (!keys.next()) {
                    throw new IllegalStateException("outbox sequence returned no value");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox sequence failed", e);
        }
    }

    private static final String INSERT = "INSERT INTO outbox_event (id, aggregate_type, aggregate_id,"
            + " sequence_no, ordered_delivery, tenant_id, type, envelope, trace_parent, request_id, created_at,"
            + " next_attempt_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    public void insert(CloudEvent event, String aggregateType, String aggregateId, boolean orderedDelivery,
                       String envelope, String traceParent, String requestId, Instant now) {
        Jdbc.update(dataSource, "outbox insert", INSERT,
                event.id(), aggregateType, aggregateId, event.sequenceNumber(), orderedDelivery, event.tenantid(),
                event.type(), envelope, traceParent, requestId, now, now);
    }

    /** The same row as a statement, for a writer that sends it together with others (the audit appender). */
    public static Jdbc.Statement insertStatement(CloudEvent event, String aggregateType, String aggregateId,
                                                 boolean orderedDelivery, String envelope, Instant now) {
        return new Jdbc.Statement(INSERT, java.util.Arrays.asList(event.id(), aggregateType, aggregateId,
                event.sequenceNumber(), orderedDelivery, event.tenantid(), event.type(), envelope, null, null, now, now));
    }

    /**
     * Locks up to {@code limit} due rows that no other relay holds. Only the oldest unsent event of each
     * aggregate is eligible, so a second relay cannot overtake the first within one aggregate (the
     * subquery is a plain consistent read: it sees a row another relay holds as still unsent). Events
     * written without ordered delivery skip that rule.
     */
    public List<Pending> claim(int limit, Instant now) {
        return Jdbc.query(dataSource, "outbox claim", "SELECT e.id, e.type, e.envelope, e.trace_parent, e.request_id,"
                        + " e.attempts FROM outbox_event e WHERE e.sent_at IS NULL AND e.next_attempt_at <= ?"
                        + " AND (e.ordered_delivery = FALSE OR NOT EXISTS (SELECT 1 FROM outbox_event p WHERE p.aggregate_type = e.aggregate_type"
                        + " AND p.aggregate_id = e.aggregate_id AND p.sent_at IS NULL AND p.sequence_no < e.sequence_no))"
                        + " ORDER BY e.created_at, e.sequence_no LIMIT " + limit + " FOR UPDATE SKIP LOCKED",
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)),
                now);
    }

    public void markSent(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        params.add(now);
        params.addAll(ids);
        Jdbc.update(dataSource, "outbox mark-sent", "UPDATE outbox_event SET sent_at = ?, last_error = NULL WHERE id IN ("
                + String.join(",", ids.stream().map(id -> "?").toList()) + ")", params.toArray());
    }

    public void markFailed(String id, int attempts, Instant nextAttempt, String error) {
        Jdbc.update(dataSource, "outbox mark-failed", "UPDATE outbox_event SET attempts = ?, next_attempt_at = ?,"
                + " last_error = ? WHERE id = ?", attempts, nextAttempt,
                error.length() > 500 ? error.substring(0, 500) : error, id);
    }

    /** Unsent rows and the creation time of the oldest, for the backlog metrics. */
    public record Backlog(long count, Optional<Instant> oldest) {
    }

    public Backlog backlog() {
        return Jdbc.query(dataSource, "outbox backlog",
                "SELECT COUNT(*), MIN(created_at) FROM outbox_event WHERE sent_at IS NULL",
                rs -> new Backlog(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
                .get(0);
    }

    public int pruneSent(Instant cutoff, int batch) {
        return Jdbc.update(dataSource, "outbox prune",
                "DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT " + batch, cutoff);
    }
}

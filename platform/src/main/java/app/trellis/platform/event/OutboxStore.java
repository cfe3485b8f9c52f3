package app.trellis.platform.event;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The next sequence number of an aggregate; the row lock serialises writers of one aggregate. */
    public long nextSequence(String aggregateType, String aggregateId) {
        String upsert = "INSERT INTO outbox_sequence (aggregate_type, aggregate_id, last_sequence)"
                + " VALUES (?, ?, LAST_INSERT_ID(1))"
                + " ON DUPLICATE KEY UPDATE last_sequence = LAST_INSERT_ID(last_sequence + 1)";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, aggregateType);
                ps.setString(2, aggregateId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT LAST_INSERT_ID()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox sequence failed", e);
        }
    }

    public void insert(CloudEvent event, String aggregateType, String aggregateId, String envelope, String traceParent,
                       String requestId, Instant now) {
        String sql = "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, sequence_no, tenant_id, type, envelope,"
                + " trace_parent, request_id, created_at, next_attempt_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, event.id());
            ps.setString(2, aggregateType);
            ps.setString(3, aggregateId);
            ps.setLong(4, event.sequenceNumber());
            ps.setString(5, event.tenantid());
            ps.setString(6, event.type());
            ps.setString(7, envelope);
            ps.setString(8, traceParent);
            ps.setString(9, requestId);
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setTimestamp(11, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox insert failed", e);
        }
    }

    /**
     * Locks up to {@code limit} due rows that no other relay holds. Only the oldest unsent event of each
     * aggregate is eligible, so a second relay cannot overtake the first within one aggregate (the
     * subquery is a plain consistent read: it sees a row another relay holds as still unsent).
     */
    public List<Pending> claim(int limit, Instant now) {
        String sql = "SELECT e.id, e.type, e.envelope, e.trace_parent, e.request_id, e.attempts FROM outbox_event e"
                + " WHERE e.sent_at IS NULL AND e.next_attempt_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM outbox_event p WHERE p.aggregate_type = e.aggregate_type"
                + " AND p.aggregate_id = e.aggregate_id AND p.sent_at IS NULL AND p.sequence_no < e.sequence_no)"
                + " ORDER BY e.created_at, e.sequence_no LIMIT " + limit + " FOR UPDATE SKIP LOCKED";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now));
            List<Pending> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox claim failed", e);
        }
    }

    public void markSent(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = "UPDATE outbox_event SET sent_at = ?, last_error = NULL WHERE id IN ("
                + String.join(",", ids.stream().map(id -> "?").toList()) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now));
            int i = 2;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox mark-sent failed", e);
        }
    }

    public void markFailed(String id, int attempts, Instant nextAttempt, String error) {
        String sql = "UPDATE outbox_event SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, attempts);
            ps.setTimestamp(2, Timestamp.from(nextAttempt));
            ps.setString(3, error.length() > 500 ? error.substring(0, 500) : error);
            ps.setString(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox mark-failed failed", e);
        }
    }

    /** Unsent rows and the creation time of the oldest, for the backlog metrics. */
    public record Backlog(long count, Optional<Instant> oldest) {
    }

    public Backlog backlog() {
        String sql = "SELECT COUNT(*), MIN(created_at) FROM outbox_event WHERE sent_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), Optional.ofNullable(oldest).map(Timestamp::toInstant));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox backlog failed", e);
        }
    }

    public int pruneSent(Instant cutoff, int batch) {
        String sql = "DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT " + batch;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox prune failed", e);
        }
    }
}

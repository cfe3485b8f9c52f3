package app.trellis.platform.event;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    /** A leased row, ready to send. */
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
     * Leases up to {@code limit} due rows that no other relay holds: locks them with
     * {@code FOR UPDATE SKIP LOCKED}, moves their {@code next_attempt_at} to {@code until} and stamps them
     * with {@code token}. Runs in the caller's (short) transaction; once it commits, other relays see the
     * rows as not due until the lease ends. Only the oldest unsent event of each aggregate is eligible, so
     * a second relay cannot overtake the first within one aggregate (a leased row is still unsent, so it
     * keeps blocking its successors until it is marked sent). Events written without ordered delivery skip
     * that rule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Pending> lease(int limit, Instant now, Instant until, String token) {
        readCommitted();
        List<Pending> rows = Jdbc.query(dataSource, "outbox claim", "SELECT e.id, e.type, e.envelope, e.trace_parent,"
                        + " e.request_id, e.attempts FROM outbox_event e WHERE e.sent_at IS NULL AND e.next_attempt_at <= ?"
                        + " AND (e.ordered_delivery = FALSE OR NOT EXISTS (SELECT 1 FROM outbox_event p WHERE p.aggregate_type = e.aggregate_type"
                        + " AND p.aggregate_id = e.aggregate_id AND p.sent_at IS NULL AND p.sequence_no < e.sequence_no))"
                        + " ORDER BY e.created_at, e.sequence_no LIMIT " + limit + " FOR UPDATE SKIP LOCKED",
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)),
                now);
        if (!rows.isEmpty()) {
            List<String> ids = rows.stream().map(Pending::id).toList();
            Jdbc.update(dataSource, "outbox lease", "UPDATE outbox_event SET next_attempt_at = ?, lease_token = ?"
                    + " WHERE id IN (" + placeholders(ids) + ")", params(ids, until, token));
        }
        return rows;
    }

    /**
     * Makes the caller's new transaction READ COMMITTED; it must come before the transaction's first
     * statement. Under REPEATABLE READ (the default) a locking read also locks the gaps of the range it
     * scans: the claim then blocks, and can deadlock with, the business transactions that insert new
     * outbox rows into that very range. READ COMMITTED locks only the rows themselves. (In AWS, binary
     * logging, if enabled, must then be ROW or MIXED, the defaults.)
     */
    public void readCommitted() {
        Jdbc.update(dataSource, "outbox isolation", "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    }

    /** Marks sent those of {@code ids} that still hold the lease {@code token}; returns how many. */
    public int markSent(Collection<String> ids, String token, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return Jdbc.update(dataSource, "outbox mark-sent", "UPDATE outbox_event SET sent_at = ?, last_error = NULL,"
                + " lease_token = NULL WHERE lease_token = ? AND id IN (" + placeholders(ids) + ")",
                params(ids, now, token));
    }

    /**
     * Schedules another attempt of those of {@code ids} that still hold the lease {@code token}, all of
     * which failed their {@code attempts}-th attempt with {@code error}.
     */
    public int markFailed(Collection<String> ids, String token, int attempts, Instant nextAttempt, String error) {
        if (ids.isEmpty()) {
            return 0;
        }
        return Jdbc.update(dataSource, "outbox mark-failed", "UPDATE outbox_event SET attempts = ?, next_attempt_at = ?,"
                + " last_error = ?, lease_token = NULL WHERE lease_token = ? AND id IN (" + placeholders(ids) + ")",
                params(ids, attempts, nextAttempt, error.length() > 500 ? error.substring(0, 500) : error, token));
    }

    /** Hands leased rows back before their lease ends, so that they are due again at {@code now}. */
    public int release(Collection<String> ids, String token, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return Jdbc.update(dataSource, "outbox release", "UPDATE outbox_event SET next_attempt_at = ?, lease_token = NULL"
                + " WHERE lease_token = ? AND sent_at IS NULL AND id IN (" + placeholders(ids) + ")",
                params(ids, now, token));
    }

    private static String placeholders(Collection<String> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }

    /** The leading parameters, then the ids (which fill the {@code IN} list at the end of each statement). */
    private static Object[] params(Collection<String> ids, Object... leading) {
        List<Object> params = new ArrayList<>(List.of(leading));
        params.addAll(ids);
        return params.toArray();
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

package app.trellis.platform.audit;

import app.trellis.platform.contracts.AuditRecordedV1;
import app.trellis.platform.contracts.AuditSealedV1;
import app.trellis.platform.crypto.AuditKeys;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One group commit of the audit chain, on the appender's connection: claims writes' pending intents, then per
 * tenant (in tenant order, so appenders of several instances cannot deadlock) takes the head's lock once, links
 * the records in memory and sends, in one round trip, the head's advance (conditional on the head this appender
 * last committed), the records as multi-row inserts and one {@link AuditSealedV1} outbox event per run; deletes
 * the chained intents; commits once. In the usual case a batch costs two round trips and one commit.
 */
@ApplicationScoped
class ChainSealer {

    private static final Logger LOG = Logger.getLogger(ChainSealer.class);
    static final String TAMPERED_INTENT = "AUDIT_INTENT_ALTERED";
    /** Rows per INSERT statement (15 parameters each). */
    private static final int ROWS_PER_INSERT = 100;
    /** Records per published event: about 450 bytes each, well inside SQS's 256 KB message limit. */
    private static final int RECORDS_PER_EVENT = 200;
    /** Attempts of one batch when another instance's appender moved the head or won a deadlock. */
    private static final int ATTEMPTS = 5;

    @Inject
    AuditKeys keys;
    @Inject
    OutboxWriter events;

    private final Set<String> knownHeads = ConcurrentHashMap.newKeySet();
    /**
     * The last head this appender sent, per tenant. It saves the locking read of the head: the batch's update
     * of the head is conditional on it, and when another instance moved the head meanwhile (or the batch that
     * sent it failed) the update matches no row, the batch rolls back and runs again from a locked read.
     */
    private final Map<String, Head> heads = new ConcurrentHashMap<>();
    private final ReentrantLock order = new ReentrantLock();

    /**
     * Seals {@code records} (already waiting requests' reads) and up to {@code intentLimit} pending intents, on
     * {@code c} (manual commit; the appender keeps it between batches). Returns how many intents it chained
     * (as many as the limit: more may be waiting).
     */
    int seal(Connection c, List<AuditChain.Unchained> records, int intentLimit) throws SQLException {
        createMissingHeads(c, records);
        for (int attempt = 1; ; attempt++) {
            try {
                return sealOnce(c, records, intentLimit);
            } catch (StaleHead stale) {
                rollbackQuietly(c);
                // The rollback also undid the heads this attempt sent for other tenants before the stale one.
                heads.clear();
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("the audit chain head kept moving under this appender");
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                heads.clear();
                // A deadlock victim (with another instance's batch) lost the whole transaction: run it again, after
                // a short random pause so that the two appenders do not meet in the same order again.
                if (attempt == ATTEMPTS || !deadlocked(e)) {
                    throw e;
                }
                pauseAfterDeadlock();
            }
        }
    }

    /**
     * Chaining and sending happen in turn across the appender's workers (the order lock); the commit does not:
     * InnoDB releases the head's row lock when the commit is made, before its log flush, so the next worker's
     * batch (whose head update waits on that lock) goes ahead while this one is flushed. The next batch links
     * to the head this one just sent; should this one fail instead, that head never matches and the next batch
     * starts again from a locking read.
     */
    private int sealOnce(Connection c, List<AuditChain.Unchained> records, int intentLimit) throws SQLException {
        List<AuditChain.Unchained> intents;
        order.lock();
        try {
            intents = intentLimit > 0 ? claimIntents(c, intentLimit) : List.of();
            Map<String, List<AuditChain.Unchained>> byTenant = new TreeMap<>();
            // Intents first: their writes committed before the reads now waiting were even received.
            for (List<AuditChain.Unchained> source : List.of(intents, records)) {
                source.forEach(r -> byTenant.computeIfAbsent(r.tenant(), t -> new ArrayList<>()).add(r));
            }
            for (Map.Entry<String, List<AuditChain.Unchained>> tenant : byTenant.entrySet()) {
                heads.put(tenant.getKey(), chain(c, tenant.getKey(), tenant.getValue()));
            }
            deleteIntents(c, intents);
        } finally {
            order.unlock();
        }
        c.commit();
        return intents.size();
    }

    private void createMissingHeads(Connection c, List<AuditChain.Unchained> records) throws SQLException {
        // In a transaction of its own: two first appends creating the same head inside their batches
        // would wait on each other's insert locks (see the in-transaction fallback in lockedHead).
        boolean created = false;
        for (AuditChain.Unchained record : records) {
            if (knownHeads.add(record.tenant())) {
                Jdbc.update(c, "audit head init", "INSERT IGNORE INTO audit_chain_head (tenant_id, last_position,"
                        + " last_hash) VALUES (?, 0, ?)", record.tenant(), AuditChain.GENESIS);
                created = true;
            }
        }
        if (created) {
            c.commit();
        }
    }

    private List<AuditChain.Unchained> claimIntents(Connection c, int limit) {
        return Jdbc.query(c, "audit intent claim", "SELECT id, tenant_id, actor, actor_name, action, resource_type,"
                        + " resource_id, client_id, request_id, purpose, occurred_at, key_id, mac FROM audit_intent"
                        + " ORDER BY occurred_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED",
                rs -> checked(new AuditChain.Unchained(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()), rs.getString(12),
                        rs.getString(13)));
    }

    /** An intent changed after its write committed is still chained, under an action that says so. */
    private AuditChain.Unchained checked(AuditChain.Unchained intent, String keyId, String mac) {
        if (keys.knows(keyId) && AuditChain.intentMac(keys, keyId, intent).equals(mac)) {
            return intent;
        }
        LOG.warn("An audit intent does not match its mac; chained as " + TAMPERED_INTENT);
        return new AuditChain.Unchained(intent.id(), intent.tenant(), intent.actor(), intent.actorName(),
                TAMPERED_INTENT, intent.resourceType(), intent.resourceId(), intent.clientId(), intent.requestId(),
                intent.purpose(), intent.occurredAt());
    }

    /**
     * Links the tenant's records after its head and sends, in one round trip: the conditional head update,
     * the records and the published run(s). Returns the new head.
     */
    private Head chain(Connection c, String tenant, List<AuditChain.Unchained> records) throws SQLException {
        Head head = heads.get(tenant);
        boolean cached = head != null;
        if (!cached) {
            head = lockedHead(c, tenant);
        }
        String keyId = keys.currentId();
        long position = head.position();
        String previous = head.hash();
        List<Linked> linked = new ArrayList<>(records.size());
        for (AuditChain.Unchained record : records) {
            AuditChain.Link link = record.at(++position, previous);
            String hash = AuditChain.hash(keys, keyId, link);
            linked.add(new Linked(link, hash));
            previous = hash;
        }
        List<Jdbc.Statement> statements = new ArrayList<>();
        statements.add(new Jdbc.Statement("UPDATE audit_chain_head SET last_position = ?, last_hash = ?, key_id = ?,"
                + " head_mac = ? WHERE tenant_id = ? AND last_position = ? AND last_hash = ?", java.util.Arrays.asList(
                position, previous, keyId, AuditChain.headMac(keys, keyId, tenant, position, previous), tenant,
                head.position(), head.hash())));
        for (int from = 0; from < linked.size(); from += ROWS_PER_INSERT) {
            statements.add(insertRecords(linked.subList(from, Math.min(linked.size(), from + ROWS_PER_INSERT)), keyId));
        }
        for (int from = 0; from < linked.size(); from += RECORDS_PER_EVENT) {
            statements.add(publish(tenant, linked.subList(from, Math.min(linked.size(), from + RECORDS_PER_EVENT))));
        }
        int headsUpdated;
        try {
            headsUpdated = executeAll(c, statements);
        } catch (SQLIntegrityConstraintViolationException | SQLTransactionRollbackException e) {
            if (!cached) {
                throw e;
            }
            // Another instance moved the head and wrote these positions: the head update matched nothing and the
            // inserts that follow it in the same round trip collided with that instance's records (or deadlocked
            // with its batch in flight). Not a failure of the records: they are linked again from a locked read.
            throw new StaleHead(tenant);
        }
        if (headsUpdated != 1) {
            // Another instance moved the head since this appender last saw it.
            throw new StaleHead(tenant);
        }
        return new Head(position, previous);
    }

    private Head lockedHead(Connection c, String tenant) {
        List<Head> head = Jdbc.query(c, "audit head lock", "SELECT last_position, last_hash FROM audit_chain_head"
                + " WHERE tenant_id = ? FOR UPDATE", rs -> new Head(rs.getLong(1), rs.getString(2)), tenant);
        if (!head.isEmpty()) {
            return head.get(0);
        }
        // Only a tenant first seen through a write's intent gets here; the insert's lock is the head lock.
        Jdbc.update(c, "audit head init", "INSERT INTO audit_chain_head (tenant_id, last_position, last_hash)"
                + " VALUES (?, 0, ?)", tenant, AuditChain.GENESIS);
        knownHeads.add(tenant);
        return new Head(0, AuditChain.GENESIS);
    }

    /** Sends the statements as one multi-statement round trip; returns the first one's update count. */
    private static int executeAll(Connection c, List<Jdbc.Statement> statements) throws SQLException {
        StringBuilder sql = new StringBuilder();
        statements.forEach(st -> sql.append(sql.isEmpty() ? "" : ";\n").append(st.sql()));
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int next = 1;
            for (Jdbc.Statement st : statements) {
                next = Jdbc.bind(ps, next, st.params());
            }
            ps.execute();
            int first = ps.getUpdateCount();
            while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                // Drain every result, so a failure in a later statement surfaces here.
            }
            return first;
        }
    }

    private static Jdbc.Statement insertRecords(List<Linked> rows, String keyId) {
        String values = String.join(",", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        List<Object> params = new ArrayList<>(rows.size() * 15);
        for (Linked row : rows) {
            AuditChain.Link l = row.link();
            params.addAll(java.util.Arrays.asList(l.id(), l.tenant(), l.position(), l.actor(), l.actorName(), l.action(),
                    l.resourceType(), l.resourceId(), l.clientId(), l.requestId(), l.purpose(), l.occurredAt(),
                    l.previousHash(), row.hash(), keyId));
        }
        return new Jdbc.Statement("INSERT INTO audit_record (id, tenant_id, position, actor, actor_name, action,"
                + " resource_type, resource_id, client_id, request_id, purpose, occurred_at, prev_hash, hash, key_id)"
                + " VALUES " + values, params);
    }

    private Jdbc.Statement publish(String tenant, List<Linked> run) {
        List<AuditRecordedV1> records = new ArrayList<>(run.size());
        for (Linked row : run) {
            AuditChain.Link l = row.link();
            records.add(new AuditRecordedV1(UUID.fromString(l.id()), l.position(), l.actor(), l.action(),
                    l.resourceType(), l.resourceId(), l.clientId(), l.requestId(), l.occurredAt(), l.previousHash(),
                    row.hash()));
        }
        long first = records.get(0).position();
        // Numbered by the run's first position: runs are relayed in parallel and reporting orders them.
        return events.numberedRow("audit", tenant, first, tenant, AuditSealedV1.TYPE,
                new AuditSealedV1(first, records.get(records.size() - 1).position(), records));
    }

    private static void deleteIntents(Connection c, List<AuditChain.Unchained> intents) {
        for (int from = 0; from < intents.size(); from += ROWS_PER_INSERT) {
            List<AuditChain.Unchained> chunk = intents.subList(from, Math.min(intents.size(), from + ROWS_PER_INSERT));
            Jdbc.update(c, "audit intent delete", "DELETE FROM audit_intent WHERE id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    chunk.stream().map(AuditChain.Unchained::id).toArray());
        }
    }

    private static void pauseAfterDeadlock() {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 20));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean deadlocked(Exception e) {
        return e instanceof SQLTransactionRollbackException
                || e instanceof Jdbc.DataAccessFailure f && f.sqlCause() instanceof SQLTransactionRollbackException;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is gone (the usual reason for getting here); the server rolls back for us.
        }
    }

    private record Head(long position, String hash) {
    }

    /** The head moved since this appender cached it. */
    private static final class StaleHead extends RuntimeException {
        final String tenant;

        StaleHead(String tenant) {
            super(null, null, false, false);
            this.tenant = tenant;
        }
    }

    private record Linked(AuditChain.Link link, String hash) {
    }
}

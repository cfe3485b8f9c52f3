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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One group commit of the audit chain, on the appender's connection: claims writes' pending intents, then per
 * tenant (in tenant order, so appenders of several instances cannot deadlock) locks the head once, links the
 * records in memory, inserts them with multi-row statements, advances and seals the head, and records one
 * {@link AuditSealedV1} outbox event per run of records; deletes the chained intents; commits once.
 */
@ApplicationScoped
class ChainSealer {

    private static final Logger LOG = Logger.getLogger(ChainSealer.class);
    static final String TAMPERED_INTENT = "AUDIT_INTENT_ALTERED";
    /** Rows per INSERT statement (14 parameters each). */
    private static final int ROWS_PER_INSERT = 100;
    /** Records per published event: about 450 bytes each, well inside SQS's 256 KB message limit. */
    private static final int RECORDS_PER_EVENT = 200;

    @Inject
    AuditKeys keys;
    @Inject
    OutboxWriter events;

    private final Set<String> knownHeads = ConcurrentHashMap.newKeySet();

    /**
     * Seals {@code records} (already waiting requests' reads) and up to {@code intentLimit} pending intents.
     * Returns true when the intent claim came back full, so more may be waiting.
     */
    boolean seal(Connection c, List<AuditChain.Unchained> records, int intentLimit) throws SQLException {
        createMissingHeads(c, records);
        c.setAutoCommit(false);
        try {
            List<AuditChain.Unchained> intents = intentLimit > 0 ? claimIntents(c, intentLimit) : List.of();
            Map<String, List<AuditChain.Unchained>> byTenant = new TreeMap<>();
            // Intents first: their writes committed before the reads now waiting were even received.
            for (List<AuditChain.Unchained> source : List.of(intents, records)) {
                source.forEach(r -> byTenant.computeIfAbsent(r.tenant(), t -> new ArrayList<>()).add(r));
            }
            for (Map.Entry<String, List<AuditChain.Unchained>> tenant : byTenant.entrySet()) {
                chain(c, tenant.getKey(), tenant.getValue());
            }
            deleteIntents(c, intents);
            c.commit();
            return intents.size() == intentLimit && intentLimit > 0;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            resetQuietly(c);
        }
    }

    private void createMissingHeads(Connection c, List<AuditChain.Unchained> records) {
        // Outside the batch's transaction: two first appends creating the same head inside their
        // transactions would wait on each other's insert locks (see the in-transaction fallback in lockHead).
        for (AuditChain.Unchained record : records) {
            if (knownHeads.add(record.tenant())) {
                Jdbc.update(c, "audit head init", "INSERT IGNORE INTO audit_chain_head (tenant_id, last_position,"
                        + " last_hash) VALUES (?, 0, ?)", record.tenant(), AuditChain.GENESIS);
            }
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

    private void chain(Connection c, String tenant, List<AuditChain.Unchained> records) throws SQLException {
        Head head = lockHead(c, tenant);
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
        for (int from = 0; from < linked.size(); from += ROWS_PER_INSERT) {
            insertRecords(c, linked.subList(from, Math.min(linked.size(), from + ROWS_PER_INSERT)), keyId);
        }
        Jdbc.update(c, "audit head advance", "UPDATE audit_chain_head SET last_position = ?, last_hash = ?,"
                        + " key_id = ?, head_mac = ? WHERE tenant_id = ?", position, previous, keyId,
                AuditChain.headMac(keys, keyId, tenant, position, previous), tenant);
        for (int from = 0; from < linked.size(); from += RECORDS_PER_EVENT) {
            publish(c, tenant, linked.subList(from, Math.min(linked.size(), from + RECORDS_PER_EVENT)));
        }
    }

    private Head lockHead(Connection c, String tenant) {
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

    private static void insertRecords(Connection c, List<Linked> rows, String keyId) throws SQLException {
        String values = String.join(",", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (id, tenant_id, position, actor,"
                + " actor_name, action, resource_type, resource_id, client_id, request_id, purpose, occurred_at,"
                + " prev_hash, hash, key_id) VALUES " + values)) {
            int i = 0;
            for (Linked row : rows) {
                AuditChain.Link l = row.link();
                ps.setString(++i, l.id());
                ps.setString(++i, l.tenant());
                ps.setLong(++i, l.position());
                ps.setString(++i, l.actor());
                ps.setString(++i, l.actorName());
                ps.setString(++i, l.action());
                ps.setString(++i, l.resourceType());
                ps.setString(++i, l.resourceId());
                ps.setString(++i, l.clientId());
                ps.setString(++i, l.requestId());
                ps.setString(++i, l.purpose());
                ps.setTimestamp(++i, Timestamp.from(l.occurredAt()));
                ps.setString(++i, l.previousHash());
                ps.setString(++i, row.hash());
                ps.setString(++i, keyId);
            }
            ps.executeUpdate();
        }
    }

    private void publish(Connection c, String tenant, List<Linked> run) {
        List<AuditRecordedV1> records = new ArrayList<>(run.size());
        for (Linked row : run) {
            AuditChain.Link l = row.link();
            records.add(new AuditRecordedV1(UUID.fromString(l.id()), l.position(), l.actor(), l.action(),
                    l.resourceType(), l.resourceId(), l.clientId(), l.requestId(), l.occurredAt(), l.previousHash(),
                    row.hash()));
        }
        long first = records.get(0).position();
        // Numbered by the run's first position: runs are relayed in parallel and reporting orders them.
        events.appendNumbered(c, "audit", tenant, first, tenant, AuditSealedV1.TYPE,
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is gone (the usual reason for getting here); the server rolls back for us.
        }
    }

    private static void resetQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection is discarded by the pool.
        }
    }

    private record Head(long position, String hash) {
    }

    private record Linked(AuditChain.Link link, String hash) {
    }
}

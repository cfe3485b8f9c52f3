package app.trellis.platform.audit;

import app.trellis.platform.crypto.AuditKeys;
import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Walks a tenant's audit chain and reports the first broken link: a record whose content no longer
 * matches its hash, whose previous hash does not match, a missing position, or a chain head that is
 * missing, edited or out of step with the records. Head and records are read in one consistent snapshot,
 * so appends running meanwhile are simply not seen (never reported as missing). Records are read in
 * pages, so the walk runs in constant memory.
 *
 * <p>What it cannot see alone: a database administrator who removes the newest records and puts back an
 * older, validly sealed head. Reporting's copy of the chain (published as it is sealed) shows that.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;

    @Inject
    AgroalDataSource db;
    @Inject
    AuditKeys keys;

    /** The result: {@code firstBrokenPosition} and {@code reason} are null when the chain is intact. */
    public record Report(boolean intact, long recordsChecked, Long firstBrokenPosition, String reason) {
    }

    /** Runs on a connection of its own, outside any caller transaction, in one repeatable-read snapshot. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Report verify(String tenant) {
        try (Connection c = db.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                return verify(c, tenant);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed", e);
        }
    }

    private Report verify(Connection c, String tenant) {
        // The head first: the snapshot starts here, and every record up to the head is in it.
        List<Head> heads = Jdbc.query(c, "audit head read", "SELECT last_position, last_hash, key_id, head_mac"
                + " FROM audit_chain_head WHERE tenant_id = ?", rs -> new Head(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), tenant);
        Head head = heads.isEmpty() ? null : heads.get(0);
        if (head != null && head.position() > 0 && !sealed(tenant, head)) {
            return broken(1, head.position(), "the chain head does not match its seal");
        }
        long expected = 1;
        String previous = AuditChain.GENESIS;
        while (true) {
            List<Stored> page = Jdbc.query(c, "audit verify", "SELECT position, id, actor, actor_name, action,"
                            + " resource_type, resource_id, client_id, request_id, purpose, occurred_at, prev_hash, hash,"
                            + " key_id FROM audit_record WHERE tenant_id = ? AND position >= ? ORDER BY position LIMIT " + PAGE,
                    rs -> new Stored(new AuditChain.Link(rs.getLong(1), tenant, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12)),
                            rs.getString(13), rs.getString(14)),
                    tenant, expected);
            for (Stored record : page) {
                AuditChain.Link link = record.link();
                if (link.position() != expected) {
                    return broken(expected, expected, "record missing");
                }
                if (!link.previousHash().equals(previous)) {
                    return broken(expected, link.position(), "does not follow the record before it");
                }
                if (!keys.knows(record.keyId()) || !AuditChain.hash(keys, record.keyId(), link).equals(record.hash())) {
                    return broken(expected, link.position(), "content does not match its hash");
                }
                previous = record.hash();
                expected++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long checked = expected - 1;
        if (head == null) {
            return checked == 0 ? new Report(true, 0, null, null)
                    : broken(checked + 1, checked + 1, "the chain head is missing");
        }
        if (head.position() > checked) {
            return broken(checked + 1, checked + 1, "records after this position are missing");
        }
        if (head.position() < checked || !head.hash().equals(previous)) {
            return broken(head.position() + 1, head.position() + 1, "the chain head does not end the chain");
        }
        return new Report(true, checked, null, null);
    }

    private boolean sealed(String tenant, Head head) {
        return head.keyId() != null && head.mac() != null && keys.knows(head.keyId())
                && AuditChain.headMac(keys, head.keyId(), tenant, head.position(), head.hash()).equals(head.mac());
    }

    private static Report broken(long expected, long position, String reason) {
        return new Report(false, expected - 1, position, reason);
    }

    private record Head(long position, String hash, String keyId, String mac) {
    }

    private record Stored(AuditChain.Link link, String hash, String keyId) {
    }
}

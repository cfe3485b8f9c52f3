package app.trellis.platform.audit;

import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Walks a tenant's audit chain and reports the first broken link: a record whose content no longer
 * matches its hash, whose previous hash does not match, or a missing position. Records are read in
 * pages, so the walk runs in constant memory.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;

    @Inject
    AgroalDataSource db;
    @Inject
    FieldCipher keys;

    /** The result: {@code firstBrokenPosition} and {@code reason} are null when the chain is intact. */
    public record Report(boolean intact, long recordsChecked, Long firstBrokenPosition, String reason) {
    }

    public Report verify(String tenant) {
        long expected = 1;
        String previous = AuditTrail.GENESIS;
        while (true) {
            List<Stored> page = Jdbc.query(db, "audit verify", "SELECT position, id, actor, actor_name, action,"
                            + " resource_type, resource_id, client_id, request_id, purpose, occurred_at, prev_hash, hash"
                            + " FROM audit_record WHERE tenant_id = ? AND position >= ? ORDER BY position LIMIT " + PAGE,
                    rs -> new Stored(new AuditChain.Link(rs.getLong(1), tenant, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12)),
                            rs.getString(13)),
                    tenant, expected);
            for (Stored record : page) {
                AuditChain.Link link = record.link();
                if (link.position() != expected) {
                    return broken(expected, expected, "record missing");
                }
                if (!link.previousHash().equals(previous)) {
                    return broken(expected, link.position(), "does not follow the record before it");
                }
                if (!AuditChain.hash(keys, link).equals(record.hash())) {
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
        List<Long> head = Jdbc.query(db, "audit head read", "SELECT last_position FROM audit_chain_head WHERE tenant_id = ?",
                rs -> rs.getLong(1), tenant);
        if (!head.isEmpty() && head.get(0) != checked) {
            return broken(checked + 1, checked + 1, "records after this position are missing");
        }
        return new Report(true, checked, null, null);
    }

    private static Report broken(long expected, long position, String reason) {
        return new Report(false, expected - 1, position, reason);
    }

    private record Stored(AuditChain.Link link, String hash) {
    }
}

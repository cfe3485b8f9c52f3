package app.trellis.platform.audit;

import app.trellis.platform.contracts.AuditRecordedV1;
import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.request.RequestIds;
import app.trellis.platform.security.Caller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Append-only, tamper-evident audit of PHI access. Each tenant's records form a chain: a record's hash is
 * an HMAC (key outside the database) over its content and the previous record's hash, and positions
 * have no gaps, so an altered, inserted or removed record breaks the chain ({@link AuditVerifier}).
 * Appends of one tenant take turns on the chain head row.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GENESIS = "GENESIS";

    @Inject
    AgroalDataSource db;
    @Inject
    FieldCipher keys;
    @Inject
    Caller caller;
    @Inject
    OutboxWriter events;
    @Inject
    Clock clock;

    /** A write: audited in the write's own transaction, so there is no change without its record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String recordWrite(AuditEntry entry) {
        return append(caller.tenant(), caller.subject(), caller.username(), entry);
    }

    /** A read: audited in a short transaction of its own, committed before the response is sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String recordRead(AuditEntry entry) {
        return append(caller.tenant(), caller.subject(), caller.username(), entry);
    }

    /**
     * Many reads at once (a page of search results): one record each, appended under a single hold of the
     * chain head, so a page of twenty costs one short transaction rather than twenty.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> recordReads(List<AuditEntry> entries) {
        return entries.isEmpty() ? List.of()
                : appendAll(caller.tenant(), caller.subject(), caller.username(), entries);
    }

    /** For callers outside a request (imports, consumers): the actor is named explicitly. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String recordAs(String tenant, String actor, String actorName, AuditEntry entry) {
        return append(tenant, actor, actorName, entry);
    }

    private String append(String tenant, String actor, String actorName, AuditEntry entry) {
        return appendAll(tenant, actor, actorName, List.of(entry)).get(0);
    }

    private List<String> appendAll(String tenant, String actor, String actorName, List<AuditEntry> entries) {
        ensureHead(tenant);
        var head = Jdbc.query(db, "audit head lock", "SELECT last_position, last_hash FROM audit_chain_head"
                + " WHERE tenant_id = ? FOR UPDATE", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, tenant).get(0);
        long position = (Long) head[0];
        String previous = (String) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String requestId = RequestIds.current();
        List<String> ids = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            position++;
            String id = UUID.randomUUID().toString();
            AuditChain.Link link = new AuditChain.Link(position, tenant, id, actor, actorName, entry.action(),
                    entry.resourceType(), entry.resourceId(), entry.clientId(), requestId, entry.purpose(), at, previous);
            String hash = AuditChain.hash(keys, link);
            Jdbc.update(db, "audit insert", "INSERT INTO audit_record (id, tenant_id, position, actor, actor_name,"
                            + " action, resource_type, resource_id, client_id, request_id, purpose, occurred_at, prev_hash,"
                            + " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, tenant, position, actor, actorName, entry.action(), entry.resourceType(), entry.resourceId(),
                    entry.clientId(), requestId, entry.purpose(), at, previous, hash);
            // Numbered by chain position: a busy tenant's trail is relayed in parallel, and the published hashes
            // anchor the chain outside this database (a truncated tail no longer matches what reporting holds).
            events.appendNumbered("audit", tenant, position, tenant, AuditRecordedV1.TYPE, new AuditRecordedV1(
                    UUID.fromString(id), position, actor, entry.action(), entry.resourceType(), entry.resourceId(),
                    entry.clientId(), requestId, at, previous, hash));
            previous = hash;
            ids.add(id);
        }
        Jdbc.update(db, "audit head advance", "UPDATE audit_chain_head SET last_position = ?, last_hash = ?"
                + " WHERE tenant_id = ?", position, previous, tenant);
        return ids;
    }

    /**
     * Creates the tenant's chain head once, in a transaction of its own: creating it inside the append
     * would make concurrent first appends hold shared locks that they then both try to upgrade (deadlock).
     */
    private void ensureHead(String tenant) {
        boolean exists = !Jdbc.query(db, "audit head check", "SELECT 1 FROM audit_chain_head WHERE tenant_id = ?",
                rs -> 1, tenant).isEmpty();
        if (!exists) {
            QuarkusTransaction.requiringNew().run(() -> Jdbc.update(db, "audit head init",
                    "INSERT IGNORE INTO audit_chain_head (tenant_id, last_position, last_hash) VALUES (?, 0, ?)",
                    tenant, GENESIS));
        }
    }
}

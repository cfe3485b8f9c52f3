package app.trellis.platform.audit;

import app.trellis.platform.crypto.AuditKeys;
import app.trellis.platform.jdbc.AfterCommit;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.request.RequestIds;
import app.trellis.platform.security.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Append-only, tamper-evident audit of PHI access. Each tenant's records form a chain: a record's hash is
 * an HMAC (audit key outside the database) over its content and the previous record's hash, and positions
 * have no gaps, so an altered, inserted or removed record breaks the chain ({@link AuditVerifier}).
 *
 * <p>Two ways in, both without a per-tenant lock on the request's path:
 * <ul>
 * <li>a write records an <em>intent</em> in its own transaction (no change without its record, and a
 * rolled-back write leaves none); the {@link AuditAppender} chains it right after the commit;</li>
 * <li>a read hands its record to the appender and returns only once it is durable: no PHI leaves the
 * service before its record (503 otherwise).</li>
 * </ul>
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GENESIS = AuditChain.GENESIS;
    /** Marks a transaction that already wakes the appender when it commits (once is enough). */
    private static final Object WAKES_APPENDER = new Object();

    @Inject
    AgroalDataSource db;
    @Inject
    AuditKeys keys;
    @Inject
    AuditAppender appender;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A write: its intent commits with the write's own transaction, so there is no change without its record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String recordWrite(AuditEntry entry) {
        return intent(unchained(caller.tenant(), caller.subject(), caller.username(), entry));
    }

    /** For callers outside a request (imports, consumers): the actor is named explicitly. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String recordAs(String tenant, String actor, String actorName, AuditEntry entry) {
        return intent(unchained(tenant, actor, actorName, entry));
    }

    /**
     * A read: durable when this returns (group-committed with other requests' records). Call it after
     * loading and before returning the data; it needs no transaction and holds no lock of the caller's.
     */
    public String recordRead(AuditEntry entry) {
        return recordReads(List.of(entry)).get(0);
    }

    /** Many reads at once (a page of search results): one record each, sealed together. */
    public List<String> recordReads(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        String tenant = caller.tenant();
        String actor = caller.subject();
        String actorName = caller.username();
        List<AuditChain.Unchained> records = new ArrayList<>(entries.size());
        entries.forEach(e -> records.add(unchained(tenant, actor, actorName, e)));
        appender.appendAndWait(records);
        return records.stream().map(AuditChain.Unchained::id).toList();
    }

    private AuditChain.Unchained unchained(String tenant, String actor, String actorName, AuditEntry entry) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new AuditChain.Unchained(UUID.randomUUID().toString(), tenant, actor, actorName, entry.action(),
                entry.resourceType(), entry.resourceId(), entry.clientId(), RequestIds.current(), entry.purpose(), at);
    }

    private String intent(AuditChain.Unchained e) {
        String keyId = keys.currentId();
        Jdbc.update(db, "audit intent", "INSERT INTO audit_intent (id, tenant_id, actor, actor_name, action,"
                        + " resource_type, resource_id, client_id, request_id, purpose, occurred_at, key_id, mac)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.tenant(), e.actor(), e.actorName(),
                e.action(), e.resourceType(), e.resourceId(), e.clientId(), e.requestId(), e.purpose(), e.occurredAt(),
                keyId, AuditChain.intentMac(keys, keyId, e));
        AfterCommit.runOnce(transactions, WAKES_APPENDER, appender::wake);
        return e.id();
    }
}

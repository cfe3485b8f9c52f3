package app.trellis.reporting.repository;

import app.trellis.platform.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The consolidated audit trail (insert and read only; see 002-audit-trail.sql). */
@ApplicationScoped
public class AuditTrailRepository {

    @Inject
    EntityManager em;

    /** One published audit record; its chain position must be free (a clash fails the event). */
    public void append(CloudEvent event, long position, String recordId, String previousHash, String hash,
                       Instant occurredAt, String envelope, Instant now) {
        em.createNativeQuery("INSERT INTO audit_trail (source, tenant_id, position, record_id, previous_hash, hash,"
                        + " occurred_at, received_at, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, event.source()).setParameter(2, event.tenantid()).setParameter(3, position)
                .setParameter(4, recordId).setParameter(5, previousHash).setParameter(6, hash)
                .setParameter(7, occurredAt).setParameter(8, now).setParameter(9, envelope).executeUpdate();
    }
}

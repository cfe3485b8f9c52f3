package app.trellis.reporting.repository;

import app.trellis.platform.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;

/** The consolidated audit trail (insert and read only; see 002-audit-trail.sql). */
@ApplicationScoped
public class AuditTrailRepository {

    @Inject
    EntityManager em;

    /** One published audit record as reporting keeps it. */
    public record Row(long position, String recordId, String previousHash, String hash, Instant occurredAt,
                      String payload) {
    }

    /**
     * Published audit records of one event, in one multi-row insert; each chain position must be free (a clash
     * fails the whole event, which then goes to the dead-letter queue for an operator).
     */
    public void append(CloudEvent event, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO audit_trail (source, tenant_id, position, record_id,"
                + " previous_hash, hash, occurred_at, received_at, payload) VALUES ");
        int p = 0;
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(');
            for (int column = 0; column < 9; column++) {
                sql.append(column == 0 ? "" : ", ").append('?').append(++p);
            }
            sql.append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        p = 0;
        for (Row row : rows) {
            insert.setParameter(++p, event.source()).setParameter(++p, event.tenantid())
                    .setParameter(++p, row.position()).setParameter(++p, row.recordId())
                    .setParameter(++p, row.previousHash()).setParameter(++p, row.hash())
                    .setParameter(++p, row.occurredAt()).setParameter(++p, now).setParameter(++p, row.payload());
        }
        insert.executeUpdate();
    }
}

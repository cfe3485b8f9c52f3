package app.trellis.reporting.repository;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.paging.Cursor;
import app.trellis.reporting.domain.ChainLink;
import app.trellis.reporting.domain.ClientAccess;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The consolidated audit trail (insert and read only; see 002-audit-trail.sql). */
@ApplicationScoped
public class AuditTrailRepository {

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource db;

    /** One published audit record as reporting keeps it. */
    public record Row(long position, String recordId, String previousHash, String hash, String clientId,
                      Instant occurredAt, String payload) {
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
                + " previous_hash, hash, client_id, occurred_at, received_at, payload) VALUES ");
        int p = 0;
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(');
            for (int column = 0; column < 10; column++) {
                sql.append(column == 0 ? "" : ", ").append('?').append(++p);
            }
            sql.append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        p = 0;
        for (Row row : rows) {
            insert.setParameter(++p, event.source()).setParameter(++p, event.tenantid())
                    .setParameter(++p, row.position()).setParameter(++p, row.recordId())
                    .setParameter(++p, row.previousHash()).setParameter(++p, row.hash()).setParameter(++p, row.clientId())
                    .setParameter(++p, row.occurredAt()).setParameter(++p, now).setParameter(++p, row.payload());
        }
        insert.executeUpdate();
    }

    /**
     * Accesses to one client's data across services, newest first, after {@code after} (the cursor of the last
     * access seen: time, source, position).
     */
    public List<ClientAccess> accesses(String tenant, String clientId, Optional<Cursor> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT source, position, occurred_at, JSON_UNQUOTE(JSON_EXTRACT(payload,"
                + " '$.actor')), JSON_UNQUOTE(JSON_EXTRACT(payload, '$.action')), JSON_UNQUOTE(JSON_EXTRACT(payload,"
                + " '$.resourceType')), JSON_UNQUOTE(JSON_EXTRACT(payload, '$.resourceId')),"
                + " JSON_UNQUOTE(JSON_EXTRACT(payload, '$.requestId'))"
                + " FROM audit_trail WHERE tenant_id = ? AND client_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant, clientId));
        after.ifPresent(cursor -> {
            Instant time = cursor.instant(0);
            String source = cursor.value(1);
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND (source < ? OR (source = ? AND position < ?))))");
            params.addAll(List.of(time, time, source, source, cursor.number(2)));
        });
        sql.append(" ORDER BY occurred_at DESC, source DESC, position DESC LIMIT ").append(limit);
        return Jdbc.query(db, "client accesses", sql.toString(), rs -> new ClientAccess(
                rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                rs.getString(6), jsonText(rs.getString(7)), jsonText(rs.getString(8))), params.toArray());
    }

    /** The sources (producing services) whose chains of this tenant reporting keeps. */
    public List<String> sources(String tenant) {
        return Jdbc.query(db, "audit sources", "SELECT DISTINCT source FROM audit_trail WHERE tenant_id = ? ORDER BY source",
                rs -> rs.getString(1), tenant);
    }

    /** One page of a chain from position {@code from} on, in position order. */
    public List<ChainLink> chain(String source, String tenant, long from, int limit) {
        return Jdbc.query(db, "audit chain", "SELECT position, previous_hash, hash, JSON_EXTRACT(payload, '$.position'),"
                + " JSON_UNQUOTE(JSON_EXTRACT(payload, '$.previousHash')), JSON_UNQUOTE(JSON_EXTRACT(payload, '$.hash'))"
                + " FROM audit_trail WHERE source = ? AND tenant_id = ? AND position >= ? ORDER BY position LIMIT " + limit,
                rs -> new ChainLink(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)), source, tenant, from);
    }

    /** An unquoted JSON value: JSON null (or absent) as null. */
    private static String jsonText(String unquoted) {
        return unquoted == null || unquoted.equals("null") ? null : unquoted;
    }
}

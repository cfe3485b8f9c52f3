package app.trellis.platform.audit;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What auditors ask: who touched this client's records, when, how and why; newest first. */
@ApplicationScoped
public class AuditQuery {

    @Inject
    AgroalDataSource db;

    /** One audit record as an auditor reads it. */
    public record Row(String id, long position, String actor, String actorName, String action, String resourceType,
                      String resourceId, String clientId, String requestId, String purpose, Instant occurredAt) {
    }

    public Page<Row> find(String tenant, String clientId, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT id, position, actor, actor_name, action, resource_type, resource_id,"
                + " client_id, request_id, purpose, occurred_at FROM audit_record WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant));
        if (clientId != null) {
            sql.append(" AND client_id = ?");
            params.add(clientId);
        }
        page.after().ifPresent(after -> {
            sql.append(" AND position < ?");
            params.add(after.number(0));
        });
        sql.append(" ORDER BY position DESC LIMIT ").append(page.fetchSize());
        List<Row> rows = Jdbc.query(db, "audit query", sql.toString(), rs -> new Row(rs.getString(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()), params.toArray());
        return page.toPage(rows, r -> Cursor.of(Long.toString(r.position())));
    }
}

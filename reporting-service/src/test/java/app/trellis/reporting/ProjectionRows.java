package app.trellis.reporting;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.reporting.event.Projection;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

/** Every projection row of a tenant, as comparable text (the tenant left out, so two tenants' rows compare too). */
@ApplicationScoped
public class ProjectionRows {

    @Inject
    AgroalDataSource db;
    @Inject
    @Any
    Instance<Projection> projections;

    public AgroalDataSource db() {
        return db;
    }

    public List<String> of(String tenant) {
        List<String> all = new ArrayList<>();
        for (Projection projection : projections) {
            for (String table : projection.tables()) {
                List<String> rows = new ArrayList<>(Jdbc.query(db, "snapshot", "SELECT * FROM " + table
                        + " WHERE tenant_id = ?", rs -> {
                            ResultSetMetaData meta = rs.getMetaData();
                            StringBuilder row = new StringBuilder(table);
                            for (int c = 1; c <= meta.getColumnCount(); c++) {
                                if (!meta.getColumnName(c).equalsIgnoreCase("tenant_id")) {
                                    row.append(' ').append(meta.getColumnName(c)).append('=').append(rs.getString(c));
                                }
                            }
                            return row.toString();
                        }, tenant));
                rows.sort(null);
                all.addAll(rows);
            }
        }
        all.sort(null);
        return all;
    }

    public List<List<Object>> query(String sql, Object... params) {
        return Jdbc.query(db, "test query", sql, rs -> {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.add(rs.getObject(c));
            }
            return row;
        }, params);
    }
}

package app.trellis.reporting.repository;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * A report's query: conditions collected with their parameters, then read a page at a time by keyset. The query
 * names its sort keys as text columns ({@code k1, k2...}, fixed-width where they are dates), so a cursor compares
 * as text whatever the key's type.
 */
final class ReportSql {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Starts with the tenant's condition on the table called {@code alias}. */
    ReportSql(String alias, String tenant) {
        and(alias + ".tenant_id = ?", tenant);
    }

    /** Adds a condition with its parameters. */
    ReportSql and(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(params, values);
        return this;
    }

    /** Adds the condition only when the filter has a value. */
    ReportSql andIf(Object value, String condition) {
        return value == null ? this : and(condition, value);
    }

    /** {@code column IN (?, ...)} for the values, or a condition that holds for nothing when there are none. */
    ReportSql andIn(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return and("1 = 0");
        }
        return and(column + " IN (" + placeholders(values.size()) + ")", values.toArray());
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    Object[] params() {
        return params.toArray();
    }

    String where() {
        return " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * One page of {@code select} (whose parameters this holds, in order), sorted by its key columns {@code k1..kn},
     * after the page request's cursor.
     */
    <T> Page<T> page(DataSource db, String purpose, String select, int keys, PageRequest page, Jdbc.RowMapper<T> rows) {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= keys; k++) {
            names.add("r.k" + k);
        }
        String columns = String.join(", ", names);
        List<Object> all = new ArrayList<>(params);
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(select).append(") r");
        page.after().ifPresent(cursor -> {
            sql.append(" WHERE (").append(columns).append(") > (")
                    .append(placeholders(keys)).append(')');
            for (int k = 0; k < keys; k++) {
                all.add(cursor.value(k));
            }
        });
        sql.append(" ORDER BY ").append(columns).append(" LIMIT ").append(page.fetchSize());
        List<Keyed<T>> fetched = Jdbc.query(db, purpose, sql.toString(), rs -> {
            List<String> key = new ArrayList<>(keys);
            for (int k = 1; k <= keys; k++) {
                key.add(rs.getString("k" + k));
            }
            return new Keyed<>(rows.map(rs), key);
        }, all.toArray());
        return page.toPage(fetched, Keyed::cursor).map(Keyed::row);
    }

    private record Keyed<T>(T row, List<String> key) {
        Cursor cursor() {
            return new Cursor(key);
        }
    }
}

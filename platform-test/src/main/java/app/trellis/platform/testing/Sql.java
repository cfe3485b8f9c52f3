package app.trellis.platform.testing;

import app.trellis.platform.jdbc.Jdbc;
import javax.sql.DataSource;

/** What tests check or seed in a service's own schema, straight through its data source. */
public final class Sql {

    private Sql() {
    }

    public static int count(DataSource db, String sql, Object... params) {
        return Jdbc.query(db, "test count", sql, rs -> rs.getInt(1), params).get(0);
    }

    /** The first column of the first row, or null when there is no row. */
    public static String string(DataSource db, String sql, Object... params) {
        var rows = Jdbc.query(db, "test string", sql, rs -> rs.getString(1), params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static int update(DataSource db, String sql, Object... params) {
        return Jdbc.update(db, "test update", sql, params);
    }
}

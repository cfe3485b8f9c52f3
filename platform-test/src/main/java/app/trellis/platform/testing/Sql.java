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

    public static int update(DataSource db, String sql, Object... params) {
        return Jdbc.update(db, "test update", sql, params);
    }
}

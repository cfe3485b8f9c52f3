package app.trellis.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The few JDBC statements the platform's own tables need (outbox, inbox, idempotency keys), run on the
 * service's data source so they join the caller's JTA transaction. Parameters bind by type; an
 * {@link Instant} becomes a TIMESTAMP. Failures carry the statement's purpose, never its values.
 */
public final class Jdbc {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    public static int update(DataSource dataSource, String purpose, String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return update(c, purpose, sql, params);
        } catch (SQLException e) {
            throw new DataAccessFailure(purpose, e);
        }
    }

    public static <T> List<T> query(DataSource dataSource, String purpose, String sql, RowMapper<T> mapper,
                                    Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, purpose, sql, mapper, params);
        } catch (SQLException e) {
            throw new DataAccessFailure(purpose, e);
        }
    }

    /** A statement on a connection the caller manages (its own transaction, outside JTA). */
    public static int update(Connection c, String purpose, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessFailure(purpose, e);
        }
    }

    public static <T> List<T> query(Connection c, String purpose, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessFailure(purpose, e);
        }
    }

    /** One SQL statement and its parameters, for a caller that sends several in one round trip. */
    public record Statement(String sql, List<Object> params) {
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        bind(ps, 1, java.util.Arrays.asList(params));
    }

    /** Binds {@code params} from position {@code first} on; returns the next free position. */
    public static int bind(PreparedStatement ps, int first, List<Object> params) throws SQLException {
        int i = first;
        for (Object value : params) {
            if (value instanceof Instant instant) {
                ps.setTimestamp(i++, Timestamp.from(instant));
            } else {
                ps.setObject(i++, value);
            }
        }
        return i;
    }

    /** A statement of the platform's tables failed; the SQL exception is the cause. */
    public static class DataAccessFailure extends RuntimeException {
        DataAccessFailure(String purpose, SQLException cause) {
            super(purpose + " failed", cause);
        }

        public SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}

package app.trellis.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One privilege a database account holds, as information_schema reports it to the account itself (any account
 * may read its own rows there, on MySQL/Aurora and MariaDB alike; no access to the {@code mysql} schema needed).
 */
public record Privilege(Level level, String schema, String table, String column, String type, boolean grantable) {

    /** Where a privilege applies: the whole server, a schema, a table, a column; or a role the account holds. */
    public enum Level { GLOBAL, SCHEMA, TABLE, COLUMN, ROLE }

    private static final Pattern ACCOUNT_PART = Pattern.compile("[A-Za-z0-9_.%:-]{1,255}");

    /** {@code 'user'@'host'}: the exact account the connection logged in as, whatever host pattern matched it. */
    public static String accountOf(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_USER()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            String account = rs.getString(1);
            int at = account.lastIndexOf('@');
            String user = account.substring(0, at);
            String host = account.substring(at + 1);
            if (!ACCOUNT_PART.matcher(user).matches() || !ACCOUNT_PART.matcher(host).matches()) {
                throw new SQLException("unexpected account name");
            }
            return "'" + user + "'@'" + host + "'";
        }
    }

    /** Everything the connection's own account holds, at every level, and the roles granted to it. */
    public static List<Privilege> heldBy(Connection c) throws SQLException {
        String grantee = accountOf(c);
        List<Privilege> held = new ArrayList<>();
        read(c, "SELECT NULL, NULL, NULL, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.USER_PRIVILEGES"
                + " WHERE GRANTEE = ?", Level.GLOBAL, grantee, held);
        read(c, "SELECT TABLE_SCHEMA, NULL, NULL, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.SCHEMA_PRIVILEGES"
                + " WHERE GRANTEE = ?", Level.SCHEMA, grantee, held);
        read(c, "SELECT TABLE_SCHEMA, TABLE_NAME, NULL, PRIVILEGE_TYPE, IS_GRANTABLE"
                + " FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?", Level.TABLE, grantee, held);
        read(c, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, PRIVILEGE_TYPE, IS_GRANTABLE"
                + " FROM information_schema.COLUMN_PRIVILEGES WHERE GRANTEE = ?", Level.COLUMN, grantee, held);
        // Lists the current user's roles only, on both servers; MySQL spells its GRANTEE without the host.
        read(c, "SELECT NULL, NULL, NULL, ROLE_NAME, IS_GRANTABLE FROM information_schema.APPLICABLE_ROLES",
                Level.ROLE, null, held);
        return held;
    }

    private static void read(Connection c, String sql, Level level, String grantee, List<Privilege> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (grantee != null) {
                ps.setString(1, grantee);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = level == Level.ROLE ? rs.getString(4) : rs.getString(4).toUpperCase(Locale.ROOT);
                    into.add(new Privilege(level, rs.getString(1), rs.getString(2), rs.getString(3), type,
                            "YES".equalsIgnoreCase(rs.getString(5))));
                }
            }
        }
    }

    /** For logs and messages: {@code ALTER ON trellis_case.*}, {@code UPDATE (action) ON trellis_case.audit_record}. */
    public String describe() {
        String on = switch (level) {
            case GLOBAL -> type + " ON *.*";
            case SCHEMA -> type + " ON " + schema + ".*";
            case TABLE -> type + " ON " + schema + "." + table;
            case COLUMN -> type + " (" + column + ") ON " + schema + "." + table;
            case ROLE -> "role " + type;
        };
        return grantable ? on + " WITH GRANT OPTION" : on;
    }
}

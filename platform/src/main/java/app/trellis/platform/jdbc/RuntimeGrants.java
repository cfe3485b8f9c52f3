package app.trellis.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sets the runtime account's privileges to exactly what the {@link GrantPolicy} allows, as the schema's owner,
 * after every migration: grants what is missing (a new table is writable as soon as it exists) and then revokes
 * what is surplus (a grant someone added by hand, a schema-wide write, DDL, the grant option). Grants come first,
 * so instances of the previous version that still run never lose a privilege they need. What lies outside the
 * schema (server-wide privileges, other schemas, roles) the owner cannot revoke: it is reported instead.
 */
public final class RuntimeGrants {

    /** What was done, and what an administrator still has to take back. */
    public record Result(String account, List<String> statements, List<Privilege> leftForAdministrator) {
    }

    private RuntimeGrants() {
    }

    /**
     * @param owner   a connection of the schema's owner (the migration user), on the schema
     * @param runtime a connection of the runtime account: only it may read its own privileges
     */
    public static Result apply(Connection owner, Connection runtime, GrantPolicy policy) throws SQLException {
        String account = Privilege.accountOf(runtime);
        List<Privilege> held = Privilege.heldBy(runtime);
        List<String> statements = new ArrayList<>(policy.missingGrants(held, tables(owner), account));
        List<Privilege> leftForAdministrator = new ArrayList<>();
        // Narrowest first: MariaDB drops a table's column privileges along with the table privilege.
        List<Privilege> surplus = policy.surplus(held).stream()
                .sorted(Comparator.comparing((Privilege p) -> p.level()).reversed()).toList();
        for (Privilege p : surplus) {
            if (policy.revocable(p)) {
                statements.addAll(policy.revokeStatements(p, account));
            } else {
                leftForAdministrator.add(p);
            }
        }
        try (Statement st = owner.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return new Result(account, List.copyOf(statements), List.copyOf(leftForAdministrator));
    }

    /** The schema's base tables, as the owner sees them. */
    static List<String> tables(Connection owner) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}

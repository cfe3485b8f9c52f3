package app.trellis.platform.jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Least privilege in the database: migrations run as the schema's owner (the migration user, with DDL and
 * the grant option), the service runs as a user that may only read and write rows. Provisioning gives the
 * runtime user SELECT on the schema and nothing else; this adds row writes per table, because MySQL cannot
 * subtract from a schema grant: INSERT, UPDATE and DELETE on every table except the append-only ones (the
 * audit trail gets INSERT only, so not even a compromised service can rewrite history) and Liquibase's own
 * tables (no writes). Re-applied after every migration, so a new table is writable as soon as it exists.
 */
@ApplicationScoped
public class RuntimeGrants {

    private static final Logger LOG = Logger.getLogger(RuntimeGrants.class);
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern ACCOUNT_PART = Pattern.compile("[A-Za-z0-9_.%:-]{1,255}");

    @Inject
    AgroalDataSource runtime;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String runtimeUser;
    @ConfigProperty(name = "quarkus.liquibase.migrate-at-start", defaultValue = "false")
    boolean migrated;
    @ConfigProperty(name = "quarkus.liquibase.username")
    Optional<String> migrationUser;
    @ConfigProperty(name = "quarkus.liquibase.password")
    Optional<String> migrationPassword;
    @ConfigProperty(name = "trellis.db.append-only-tables", defaultValue = "audit_record")
    Set<String> appendOnly;

    /** Runs right after Liquibase (which migrates before startup observers) and before any work starts. */
    void onStart(@Observes @Priority(1) StartupEvent start) {
        if (!migrated || migrationUser.isEmpty() || migrationUser.get().equals(runtimeUser)) {
            LOG.info("runtime grants left to the database administrator (no separate migration user here)");
            return;
        }
        apply();
    }

    /** Grants the runtime user what each table allows; returns the statements it ran. */
    public List<String> apply() {
        String grantee = runtimeAccount();
        List<String> statements = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(url, migrationUser.orElseThrow(),
                migrationPassword.orElse(""))) {
            for (String table : tables(owner)) {
                String privileges = privilegesFor(table);
                if (privileges != null) {
                    statements.add("GRANT " + privileges + " ON `" + table + "` TO " + grantee);
                }
            }
            try (Statement st = owner.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the runtime user its table privileges", e);
        }
        LOG.infof("granted %s table privileges on %d tables (append-only: %s)", grantee, statements.size(),
                appendOnly);
        return statements;
    }

    private String privilegesFor(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        if (name.startsWith("databasechangelog")) {
            return null;
        }
        return appendOnly.contains(name) ? "INSERT" : "INSERT, UPDATE, DELETE";
    }

    private static List<String> tables(Connection owner) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = owner.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (TABLE.matcher(table).matches()) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** The exact account the pool logs in as ({@code 'user'@'host'}), whatever host pattern matched it. */
    private String runtimeAccount() {
        try (Connection c = runtime.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            String account = rs.getString(1);
            int at = account.lastIndexOf('@');
            String user = account.substring(0, at);
            String host = account.substring(at + 1);
            if (!ACCOUNT_PART.matcher(user).matches() || !ACCOUNT_PART.matcher(host).matches()) {
                throw new IllegalStateException("unexpected runtime account name");
            }
            return "'" + user + "'@'" + host + "'";
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the runtime account", e);
        }
    }
}

package app.trellis.platform.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The migration step, run before a service version starts (the jar's {@code migrate} command; the test
 * infrastructure runs the same code): Liquibase as the schema's owner, then the runtime account's privileges set
 * to exactly the {@link GrantPolicy}. Only this step ever holds the owner's credentials; the service runs as the
 * runtime account and never migrates.
 */
public final class SchemaMigration {

    /** Config keys the step reads; the owner's come from {@code TRELLIS_DB_MIGRATION_USER} / {@code _PASSWORD}. */
    public static final String MIGRATION_USER = "trellis.db.migration-user";
    public static final String MIGRATION_PASSWORD = "trellis.db.migration-password";
    public static final String APPEND_ONLY_TABLES = "trellis.db.append-only-tables";
    public static final String CHANGE_LOG = "quarkus.liquibase.change-log";

    /** Where and as whom to migrate. {@link #toString()} leaves the passwords out. */
    public record Settings(String jdbcUrl, String migrationUser, String migrationPassword, String runtimeUser,
                           String runtimePassword, String changeLog, Set<String> appendOnlyTables) {

        /** From the service's configuration, plus the owner's credentials given to this process only. */
        public static Settings from(Config config) {
            String runtimeUser = config.getValue("quarkus.datasource.username", String.class);
            String migrationPassword = config.getOptionalValue(MIGRATION_PASSWORD, String.class).orElseThrow(
                    () -> new IllegalArgumentException("the migration user's password is not set"
                            + " (TRELLIS_DB_MIGRATION_PASSWORD)"));
            return new Settings(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getOptionalValue(MIGRATION_USER, String.class).orElse(runtimeUser + "_migrator"),
                    migrationPassword, runtimeUser,
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""),
                    config.getOptionalValue(CHANGE_LOG, String.class).orElse("db/changelog.xml"),
                    Set.copyOf(config.getOptionalValues(APPEND_ONLY_TABLES, String.class)
                            .orElse(List.of("audit_record"))));
        }

        @Override
        public String toString() {
            return "Settings[" + jdbcUrl + ", owner " + migrationUser + ", runtime " + runtimeUser + ", " + changeLog
                    + ", append-only " + appendOnlyTables + "]";
        }
    }

    /**
     * What the step did: change sets run (of all in the changelog), the GRANT/REVOKE statements, what the runtime
     * account holds afterwards, and what only an administrator can take back (the step fails then).
     */
    public record Outcome(String schema, String account, int changeSetsRun, int changeSets, List<String> statements,
                          List<Privilege> holds, List<Privilege> leftForAdministrator, long millis) {
        public boolean complete() {
            return leftForAdministrator.isEmpty();
        }
    }

    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+/)([^?]*)(\\?.*)?");

    private SchemaMigration() {
    }

    public static Outcome run(Settings settings) throws Exception {
        if (settings.migrationUser().equals(settings.runtimeUser())) {
            throw new IllegalArgumentException("the migration user must not be the runtime user");
        }
        long start = System.nanoTime();
        Changelog changelog = new Changelog(settings.changeLog());
        try (Connection owner = DriverManager.getConnection(settings.jdbcUrl(), settings.migrationUser(),
                settings.migrationPassword());
             // Without the schema: an account that lost even SELECT on it may still log in, and gets it back.
             Connection runtime = DriverManager.getConnection(withoutSchema(settings.jdbcUrl()),
                     settings.runtimeUser(), settings.runtimePassword())) {
            int run = changelog.update(owner);
            int total = changelog.changeSets().size();
            GrantPolicy policy = new GrantPolicy(schemaOf(owner), settings.appendOnlyTables());
            RuntimeGrants.Result grants = RuntimeGrants.apply(owner, runtime, policy);
            List<Privilege> holds = Privilege.heldBy(runtime);
            return new Outcome(policy.schema(), grants.account(), run, total, grants.statements(), holds,
                    policy.surplus(holds), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** {@code jdbc:mysql://host:port/schema?options} without {@code schema}. */
    static String withoutSchema(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql://host/schema URL");
        }
        return m.group(1) + (m.group(3) == null ? "" : m.group(3));
    }

    static String schemaOf(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DATABASE()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            String schema = rs.getString(1);
            if (schema == null) {
                throw new SQLException("the JDBC URL names no schema");
            }
            return schema;
        }
    }
}

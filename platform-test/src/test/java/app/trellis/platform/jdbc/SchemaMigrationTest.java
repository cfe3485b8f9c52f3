package app.trellis.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.cli.MigrateCommand;
import app.trellis.platform.testing.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrate step and the service's start-up check against a real MariaDB, on a small changelog (the platform's
 * tables and one of its own): the runtime account ends up with exactly its policy, whatever it held before, and a
 * service whose account can change the schema, or whose schema is behind, does not start.
 */
class SchemaMigrationTest {

    private static final String SCHEMA = "trellis_migrate_probe";
    private static final String RUNTIME = "migrate_probe";
    private static final String RUNTIME_PASSWORD = "probe-runtime";
    private static final String OWNER = "migrate_probe_migrator";
    private static final String OWNER_PASSWORD = "probe-owner";
    private static final String CHANGE_LOG = "db/migrate-probe/changelog.xml";
    private static final String ACCOUNT = "'" + RUNTIME + "'@'127.0.0.1'";
    private static final Set<Integer> DENIED = Set.of(1142, 1143, 1044, 1227);

    private static Database db;
    private static SchemaMigration.Outcome first;

    @BeforeAll
    static void freshSchemaMigratedOnce() throws Exception {
        db = Database.shared();
        admin("DROP DATABASE IF EXISTS " + SCHEMA);
        db.ensureSchema(SCHEMA, RUNTIME, RUNTIME_PASSWORD, OWNER, OWNER_PASSWORD);
        first = SchemaMigration.run(settings());
    }

    @AfterAll
    static void dropProbeUsers() throws SQLException {
        admin("DROP USER IF EXISTS 'migrate_probe_wide'@'127.0.0.1'");
    }

    @Test
    void migrateRunsTheChangelogAndGrantsRowWritesTableByTableButOnlyInsertsIntoTheAuditTrail() throws Exception {
        assertTrue(first.changeSets() > 1, first::toString);
        assertEquals(first.changeSets(), first.changeSetsRun(), "a fresh schema gets every change set");
        assertTrue(first.complete(), first::toString);
        assertTrue(first.statements().contains("GRANT INSERT ON `" + SCHEMA + "`.`audit_record` TO " + ACCOUNT),
                first.statements()::toString);
        assertTrue(first.statements().contains("GRANT INSERT, UPDATE, DELETE ON `" + SCHEMA + "`.`note` TO " + ACCOUNT),
                first.statements()::toString);
        assertTrue(first.statements().stream().noneMatch(s -> s.contains("DATABASECHANGELOG")),
                first.statements()::toString);

        SchemaMigration.Outcome again = SchemaMigration.run(settings());
        assertEquals(0, again.changeSetsRun());
        assertEquals(List.of(), again.statements(), "nothing to grant or revoke the second time");
        try (Connection runtime = runtime()) {
            assertEquals(List.of(), new Changelog(CHANGE_LOG).pending(runtime));
            assertEquals(1, runtime.createStatement().executeUpdate("INSERT INTO note (id, body) VALUES (UUID(), 'x')"));
            assertDenied(runtime, "UPDATE audit_record SET action = 'NONE'");
            assertDenied(runtime, "UPDATE DATABASECHANGELOG SET author = 'me'");
        }
    }

    @Test
    void migrateRevokesWhatTheRuntimeUserWasGivenBeyondItsPolicy() throws Exception {
        admin("GRANT ALTER, DROP, CREATE, INDEX ON " + SCHEMA + ".* TO " + ACCOUNT);
        admin("GRANT INSERT, UPDATE ON " + SCHEMA + ".* TO " + ACCOUNT);
        admin("GRANT UPDATE, DELETE ON " + SCHEMA + ".audit_record TO " + ACCOUNT);
        admin("GRANT UPDATE (action) ON " + SCHEMA + ".audit_record TO " + ACCOUNT);
        admin("GRANT SELECT ON " + SCHEMA + ".note TO " + ACCOUNT + " WITH GRANT OPTION");
        try (Connection runtime = runtime()) {
            assertTrue(RuntimeAccountCheck.surplus(runtime, Set.of("audit_record")).size() >= 8,
                    "the probe grants took effect");
        }

        SchemaMigration.Outcome outcome = SchemaMigration.run(settings());

        assertTrue(outcome.complete(), outcome::toString);
        assertTrue(outcome.statements().contains("REVOKE ALTER ON `" + SCHEMA + "`.* FROM " + ACCOUNT),
                outcome.statements()::toString);
        assertTrue(outcome.statements().contains("REVOKE UPDATE (`action`) ON `" + SCHEMA + "`.`audit_record` FROM "
                + ACCOUNT), outcome.statements()::toString);
        assertTrue(outcome.statements().contains("REVOKE GRANT OPTION ON `" + SCHEMA + "`.`note` FROM " + ACCOUNT),
                outcome.statements()::toString);
        try (Connection runtime = runtime()) {
            assertEquals(List.of(), RuntimeAccountCheck.surplus(runtime, Set.of("audit_record")));
            assertDenied(runtime, "ALTER TABLE note ADD COLUMN extra INT");
            assertDenied(runtime, "DROP TABLE note");
            assertDenied(runtime, "CREATE TABLE shadow (id INT)");
            assertDenied(runtime, "UPDATE audit_record SET action = 'NONE'");
            assertDenied(runtime, "GRANT SELECT ON note TO 'migrate_probe'@'localhost'");
            assertEquals(0, runtime.createStatement().executeUpdate("UPDATE note SET body = body WHERE id = 'none'"),
                    "row writes granted per table survive the revoke of the schema-wide ones");
        }
    }

    @Test
    void migrateGivesBackEverythingToARuntimeAccountThatLostEvenItsSchemaRead() throws Exception {
        // What provisioning does on every local start (Database.ensureSchema): all taken back, then SELECT only.
        admin("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + ACCOUNT);
        assertThrows(SQLException.class, SchemaMigrationTest::runtime, "no privilege on the schema, no login to it");

        SchemaMigration.Outcome outcome = SchemaMigration.run(settings());

        assertTrue(outcome.statements().contains("GRANT SELECT ON `" + SCHEMA + "`.* TO " + ACCOUNT),
                outcome.statements()::toString);
        try (Connection runtime = runtime()) {
            assertEquals(0, runtime.createStatement().executeUpdate("DELETE FROM note WHERE id = 'none'"));
            assertEquals(List.of(), RuntimeAccountCheck.surplus(runtime, Set.of("audit_record")));
        }
    }

    @Test
    void migrateFailsAndNamesWhatOnlyAnAdministratorCanRevoke() throws Exception {
        admin("GRANT PROCESS ON *.* TO " + ACCOUNT);
        admin("CREATE ROLE IF NOT EXISTS migrate_probe_ddl");
        admin("GRANT ALTER ON " + SCHEMA + ".* TO migrate_probe_ddl");
        admin("GRANT migrate_probe_ddl TO " + ACCOUNT);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = MigrateCommand.run(MigrateCommand.config("test", stepConfig()), print(out), print(err));

            assertEquals(1, exit, out.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("PROCESS ON *.*"), err::toString);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("role migrate_probe_ddl"), err::toString);
            assertFalse(out.toString(StandardCharsets.UTF_8).contains(OWNER_PASSWORD), "the report shows no password");
        } finally {
            admin("REVOKE PROCESS ON *.* FROM " + ACCOUNT);
            admin("DROP ROLE migrate_probe_ddl");
        }
        assertEquals(0, MigrateCommand.run(MigrateCommand.config("test", stepConfig()), print(new ByteArrayOutputStream()),
                print(new ByteArrayOutputStream())));
    }

    @Test
    void theServiceRefusesToStartWhenItsAccountCanAlterOrDropOutsideTheDevProfile() throws Exception {
        admin("CREATE USER IF NOT EXISTS 'migrate_probe_wide'@'127.0.0.1' IDENTIFIED BY 'probe-wide'");
        admin("GRANT SELECT, INSERT, UPDATE, DELETE, ALTER, DROP ON " + SCHEMA + ".* TO 'migrate_probe_wide'@'127.0.0.1'");
        try (Connection wide = DriverManager.getConnection(db.jdbcUrl(SCHEMA), "migrate_probe_wide", "probe-wide")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RuntimeAccountCheck.verify(wide, Set.of("audit_record"), CHANGE_LOG, List.of(), false));

            assertTrue(refused.getMessage().startsWith("refusing to start"), refused::getMessage);
            assertTrue(refused.getMessage().contains("ALTER ON " + SCHEMA + ".*"), refused::getMessage);
            assertTrue(refused.getMessage().contains("DROP ON " + SCHEMA + ".*"), refused::getMessage);
            assertTrue(refused.getMessage().contains("INSERT ON " + SCHEMA + ".*"), "schema-wide writes reach the audit trail");
            assertDoesNotThrow(() -> RuntimeAccountCheck.verify(wide, Set.of("audit_record"), CHANGE_LOG, List.of(), true),
                    "the dev profile only warns");
        }
        try (Connection runtime = runtime()) {
            assertDoesNotThrow(() -> RuntimeAccountCheck.verify(runtime, Set.of("audit_record"), CHANGE_LOG, List.of(),
                    false), "the migrated runtime account starts");
        }
    }

    @Test
    void theServiceRefusesToStartWithTheMigrationPasswordInItsConfiguration() throws Exception {
        var config = MigrateCommand.config("prod", Map.of("trellis.db.migration-password", OWNER_PASSWORD));
        List<String> found = RuntimeAccountCheck.ownerSecretsIn(config);

        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("trellis.db.migration-password"));
        try (Connection runtime = runtime()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RuntimeAccountCheck.verify(runtime, Set.of("audit_record"), CHANGE_LOG, found, false));
            assertFalse(refused.getMessage().contains(OWNER_PASSWORD), "names the key, never the value");
        }
        assertEquals(List.of(), RuntimeAccountCheck.ownerSecretsIn(MigrateCommand.config("prod", Map.of())));
    }

    @Test
    void theServiceRefusesToStartEvenInDevWhenItsSchemaLacksChangeSetsOfItsBuild() throws Exception {
        admin("DROP DATABASE IF EXISTS trellis_migrate_empty");
        db.ensureSchema("trellis_migrate_empty", "migrate_empty", "probe-empty", "migrate_empty_migrator", "x");
        try (Connection unmigrated = DriverManager.getConnection(db.jdbcUrl("trellis_migrate_empty"), "migrate_empty",
                "probe-empty")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> RuntimeAccountCheck.verify(unmigrated, Set.of("audit_record"), CHANGE_LOG, List.of(), true));
            assertTrue(refused.getMessage().contains("run `migrate` first"), refused::getMessage);
        } finally {
            admin("DROP DATABASE IF EXISTS trellis_migrate_empty");
        }
    }

    private static SchemaMigration.Settings settings() {
        return SchemaMigration.Settings.from(MigrateCommand.config("test", stepConfig()));
    }

    private static Map<String, String> stepConfig() {
        return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(SCHEMA),
                "quarkus.datasource.username", RUNTIME,
                "quarkus.datasource.password", RUNTIME_PASSWORD,
                SchemaMigration.MIGRATION_USER, OWNER,
                SchemaMigration.MIGRATION_PASSWORD, OWNER_PASSWORD,
                SchemaMigration.CHANGE_LOG, CHANGE_LOG);
    }

    private static Connection runtime() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(SCHEMA), RUNTIME, RUNTIME_PASSWORD);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void assertDenied(Connection c, String sql) {
        SQLException denied = assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
        assertTrue(DENIED.contains(denied.getErrorCode()), sql + " -> " + denied.getErrorCode() + " " + denied.getMessage());
    }

    private static PrintStream print(ByteArrayOutputStream to) {
        return new PrintStream(to, true, StandardCharsets.UTF_8);
    }
}

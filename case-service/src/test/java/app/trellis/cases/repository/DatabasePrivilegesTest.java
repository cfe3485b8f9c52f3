package app.trellis.cases.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.jdbc.GrantPolicy;
import app.trellis.platform.jdbc.Privilege;
import app.trellis.platform.jdbc.SchemaMigration;
import app.trellis.platform.testing.TrellisInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service's own database user against MariaDB: it reads and writes rows, appends to the audit trail,
 * and can neither rewrite nor delete audit records nor change the schema nor grant. Migrations run as another
 * user, in their own step before the service starts (TrellisInfra runs it); the service never sees its password.
 */
@QuarkusTest
class DatabasePrivilegesTest {

    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final int SCHEMA_ACCESS_DENIED = 1044;
    private static final int SPECIFIC_ACCESS_DENIED = 1227;

    @Inject
    AgroalDataSource db;

    @Test
    void theRuntimeUserMayAppendToTheAuditTrailButNeverChangeOrRemoveARecord() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(1, run("INSERT INTO audit_record (id, tenant_id, position, actor, action, resource_type,"
                + " occurred_at, prev_hash, hash) VALUES ('" + UUID.randomUUID() + "', '" + tenant
                + "', 1, 'probe', 'READ', 'client', CURRENT_TIMESTAMP(6), 'GENESIS', REPEAT('0', 64))"));
        assertDenied("UPDATE audit_record SET action = 'NONE' WHERE tenant_id = '" + tenant + "'");
        assertDenied("DELETE FROM audit_record WHERE tenant_id = '" + tenant + "'");
    }

    @Test
    void theRuntimeUserWritesRowsOfEveryOtherTableButCannotChangeTheSchema() throws Exception {
        assertEquals(0, run("UPDATE outbox_event SET attempts = attempts WHERE id = 'none'"));
        assertEquals(0, run("DELETE FROM inbox_event WHERE event_id = 'none'"));
        assertEquals(0, run("UPDATE client SET version = version WHERE id = 'none'"));
        assertDenied("DROP TABLE consent");
        assertDenied("ALTER TABLE audit_record ADD COLUMN note VARCHAR(10)");
        assertDenied("CREATE TABLE shadow (id INT)");
        assertDenied("UPDATE DATABASECHANGELOG SET author = 'me'");
    }

    @Test
    void theRunningServicesConnectionCannotCreateAlterDropOrGrant() throws Exception {
        assertDenied("CREATE TABLE shadow (id INT)");
        assertDenied("CREATE INDEX idx_shadow ON client (version)");
        assertDenied("ALTER TABLE client ADD COLUMN shadow INT");
        assertDenied("DROP TABLE outbox_event");
        assertDenied("DROP DATABASE trellis_case");
        assertDenied("CREATE DATABASE trellis_shadow");
        assertDenied("GRANT SELECT ON client TO 'case_service'@'localhost'");
        assertDenied("CREATE USER 'shadow'@'127.0.0.1' IDENTIFIED BY 'shadow'");
        try (Connection c = db.getConnection()) {
            List<Privilege> held = Privilege.heldBy(c);
            assertEquals(List.of(), new GrantPolicy("trellis_case", Set.of("audit_record")).surplus(held),
                    "the account holds nothing beyond SELECT on its schema and row writes per table");
        }
    }

    @Test
    void theMigrationUsersPasswordIsNowhereInTheServicesConfiguration() {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            assertFalse(TrellisInfra.MIGRATION_PASSWORD.equals(config.getConfigValue(name).getRawValue())
                    || TrellisInfra.MIGRATION_PASSWORD.equals(expanded(config, name)),
                    name + " holds the migration user's password");
        }
        assertTrue(config.getOptionalValue("quarkus.liquibase.password", String.class).isEmpty());
        assertTrue(config.getOptionalValue("quarkus.liquibase.username", String.class).isEmpty());
        assertTrue(config.getOptionalValue(SchemaMigration.MIGRATION_PASSWORD, String.class).isEmpty());
        assertFalse(config.getValue("quarkus.liquibase.migrate-at-start", Boolean.class), "the service never migrates");
    }

    private static String expanded(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class).orElse(null);
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    private int run(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private void assertDenied(String sql) {
        SQLException denied = assertThrows(SQLException.class, () -> run(sql), sql);
        assertTrue(denied.getErrorCode() == TABLE_ACCESS_DENIED || denied.getErrorCode() == SCHEMA_ACCESS_DENIED
                        || denied.getErrorCode() == SPECIFIC_ACCESS_DENIED,
                sql + " -> " + denied.getErrorCode() + " " + denied.getMessage());
    }
}

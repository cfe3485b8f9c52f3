package app.trellis.cases.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.jdbc.RuntimeGrants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service's own database user against MariaDB: it reads and writes rows, appends to the audit trail,
 * and can neither rewrite nor delete audit records nor change the schema. Migrations run as another user.
 */
@QuarkusTest
class DatabasePrivilegesTest {

    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final int SCHEMA_ACCESS_DENIED = 1044;

    @Inject
    AgroalDataSource db;
    @Inject
    RuntimeGrants grants;

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
    void grantsCoverEveryTableSoANewTableIsWritableAfterItsMigration() {
        var statements = grants.apply();
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("GRANT INSERT ON `audit_record`")), statements::toString);
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("GRANT INSERT, UPDATE, DELETE ON `case_note`")),
                statements::toString);
        assertTrue(statements.stream().noneMatch(s -> s.contains("DATABASECHANGELOG")), statements::toString);
    }

    private int run(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private void assertDenied(String sql) {
        SQLException denied = assertThrows(SQLException.class, () -> run(sql), sql);
        assertTrue(denied.getErrorCode() == TABLE_ACCESS_DENIED || denied.getErrorCode() == SCHEMA_ACCESS_DENIED,
                sql + " -> " + denied.getErrorCode() + " " + denied.getMessage());
    }
}

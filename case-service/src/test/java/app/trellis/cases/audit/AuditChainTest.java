package app.trellis.cases.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.audit.AuditVerifier;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Database;
import app.trellis.platform.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The audit chain against MariaDB: any change made behind the service's back is found. */
@QuarkusTest
class AuditChainTest {

    @Inject
    AuditTrail trail;
    @Inject
    AuditVerifier verifier;
    @Inject
    AgroalDataSource db;
    /** Tampering needs a database administrator: the service's own user may not change audit rows. */
    private final DataSource dba = Database.shared().adminDataSource("trellis_case");

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String client = UUID.randomUUID().toString();

    @Test
    void anUntouchedChainVerifies() {
        append(5);
        AuditVerifier.Report report = verifier.verify(tenant);
        assertTrue(report.intact());
        assertEquals(5, report.recordsChecked());
    }

    @Test
    void anUpdatedRecordIsFound() {
        append(5);
        Sql.update(dba, "UPDATE audit_record SET purpose = 'nothing to see' WHERE tenant_id = ? AND position = 3", tenant);
        AuditVerifier.Report report = verifier.verify(tenant);
        assertFalse(report.intact());
        assertEquals(3L, report.firstBrokenPosition());
    }

    @Test
    void aDeletedRecordIsFound() {
        append(5);
        Sql.update(dba, "DELETE FROM audit_record WHERE tenant_id = ? AND position = 2", tenant);
        assertEquals(2L, verifier.verify(tenant).firstBrokenPosition());
    }

    @Test
    void aRemovedTailIsFound() {
        append(4);
        Sql.update(dba, "DELETE FROM audit_record WHERE tenant_id = ? AND position = 4", tenant);
        assertEquals(4L, verifier.verify(tenant).firstBrokenPosition());
    }

    @Test
    void aRecomputedPlainHashCannotForgeALink() {
        append(3);
        // Without the HMAC key a forger can only recompute an unkeyed hash; the chain still breaks.
        Sql.update(dba, "UPDATE audit_record SET action = 'READ', hash = SHA2(CONCAT(prev_hash, 'READ'), 256)"
                + " WHERE tenant_id = ? AND position = 2", tenant);
        assertEquals(2L, verifier.verify(tenant).firstBrokenPosition());
    }

    @Test
    void concurrentAppendsKeepOneGaplessChain() {
        Race.of(8, i -> {
            append(5);
            return i;
        });
        AuditVerifier.Report report = verifier.verify(tenant);
        assertTrue(report.intact(), String.valueOf(report.reason()));
        assertEquals(40, report.recordsChecked());
    }

    @Test
    void aRolledBackWriteLeavesNoRecordAndAnIntactChain() {
        append(2);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            trail.recordAs(tenant, "system", "importer", new AuditEntry("UPDATE", "client", client, client, null));
            throw new IllegalStateException("the write failed");
        }));
        append(1);
        AuditVerifier.Report report = verifier.verify(tenant);
        assertTrue(report.intact());
        assertEquals(3, report.recordsChecked());
        assertEquals(3, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ?", tenant));
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            QuarkusTransaction.requiringNew().run(() -> trail.recordAs(tenant, "user-1", "nora",
                    new AuditEntry("READ", "client", client, client, "treatment")));
        }
    }
}

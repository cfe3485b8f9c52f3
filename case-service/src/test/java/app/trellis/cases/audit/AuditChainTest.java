package app.trellis.cases.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.audit.AuditVerifier;
import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.testing.AuditIntents;
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
    @Inject
    FieldCipher cipher;
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
        AuditIntents.awaitChained(db);
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

    @Test
    void aDeletedHeadIsFound() {
        append(3);
        Sql.update(dba, "DELETE FROM audit_chain_head WHERE tenant_id = ?", tenant);
        AuditVerifier.Report report = verifier.verify(tenant);
        assertFalse(report.intact());
        assertEquals("the chain head is missing", report.reason());
    }

    @Test
    void aTruncatedTailBehindAHeadRewrittenToMatchIsFound() {
        append(4);
        // What a DBA without the audit key can do: drop the newest records and make the head agree.
        Sql.update(dba, "DELETE FROM audit_record WHERE tenant_id = ? AND position > 2", tenant);
        Sql.update(dba, "UPDATE audit_chain_head h JOIN audit_record r ON r.tenant_id = h.tenant_id AND r.position = 2"
                + " SET h.last_position = 2, h.last_hash = r.hash WHERE h.tenant_id = ?", tenant);
        AuditVerifier.Report report = verifier.verify(tenant);
        assertFalse(report.intact());
        assertEquals("the chain head does not match its seal", report.reason());
    }

    @Test
    void recordsLinkedWithTheIndexKeyBeforeTheSplitStillVerify() {
        // A chain written before the audit key existed: positions 1-2 hashed with the index key.
        String legacy = AuditTrail.GENESIS;
        for (int position = 1; position <= 2; position++) {
            String id = UUID.randomUUID().toString();
            String hash = legacyHash(position, id, legacy);
            Sql.update(dba, "INSERT INTO audit_record (id, tenant_id, position, actor, actor_name, action, resource_type,"
                    + " resource_id, client_id, request_id, purpose, occurred_at, prev_hash, hash, key_id) VALUES"
                    + " (?, ?, ?, 'user-1', 'nora', 'READ', 'client', ?, ?, NULL, NULL, '2026-01-01 00:00:00', ?, ?, 'index')",
                    id, tenant, position, client, client, legacy, hash);
            legacy = hash;
        }
        Sql.update(dba, "INSERT INTO audit_chain_head (tenant_id, last_position, last_hash) VALUES (?, 2, ?)", tenant, legacy);
        append(2);
        AuditVerifier.Report report = verifier.verify(tenant);
        assertTrue(report.intact(), String.valueOf(report.reason()));
        assertEquals(4, report.recordsChecked());
        assertEquals(2, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND key_id <> 'index'", tenant),
                "new records use the audit key");
    }

    private String legacyHash(long position, String id, String previous) {
        StringBuilder canonical = new StringBuilder("audit.v1");
        for (Object part : new Object[] {position, tenant, id, "user-1", "nora", "READ", "client", client, client, null,
                null, java.time.Instant.parse("2026-01-01T00:00:00Z"), previous}) {
            canonical.append('\u001f').append(part == null ? "\u0000" : part.toString());
        }
        return cipher.hmac(canonical.toString());
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            QuarkusTransaction.requiringNew().run(() -> trail.recordAs(tenant, "user-1", "nora",
                    new AuditEntry("READ", "client", client, client, "treatment")));
        }
        AuditIntents.awaitChained(db);
    }
}

package app.trellis.reporting.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.contracts.AuditRecordedV1;
import app.trellis.platform.contracts.AuditSealedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.EventContracts;
import app.trellis.platform.testing.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consolidated audit trail in reporting: kept by chain position, and never in the external feed. */
@QuarkusTest
class AuditTrailRecorderTest {

    @Inject
    EventConsumer consumer;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void auditRecordsArriveInAnyOrderAndAreKeptByPositionButNeverReachTheFeed() {
        assertEquals(EventConsumer.Outcome.APPLIED, consumer.apply(audit(2, "a".repeat(64), "b".repeat(64))));
        assertEquals(EventConsumer.Outcome.APPLIED, consumer.apply(audit(1, "GENESIS", "a".repeat(64))));
        assertEquals(List.of("GENESIS", "a".repeat(64)), Jdbc.query(db, "trail",
                "SELECT previous_hash FROM audit_trail WHERE tenant_id = ? ORDER BY position", rs -> rs.getString(1),
                tenant));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM feed_event WHERE tenant_id = ?", tenant),
                "who read which client is not for feed subscribers");
        consumer.apply(CloudEvent.of("/trellis/case-service", "app.trellis.case.opened.v1", "case/x", Instant.now(),
                tenant, 1, json.createObjectNode().put("caseId", UUID.randomUUID().toString())));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM feed_event WHERE tenant_id = ?", tenant));
    }

    @Test
    void aSecondRecordClaimingATakenPositionFailsAndChangesNothing() {
        consumer.apply(audit(1, "GENESIS", "c".repeat(64)));
        CloudEvent forged = audit(1, "GENESIS", "d".repeat(64));
        assertThrows(RuntimeException.class, () -> consumer.apply(forged), "left for the dead-letter queue");
        assertEquals("c".repeat(64), Sql.string(db, "SELECT hash FROM audit_trail WHERE tenant_id = ?", tenant));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", forged.id()),
                "not marked as applied: a redrive after the investigation is still possible");
    }

    @Test
    void aSealedRunKeepsEachOfItsRecordsByPositionAndRunsMayArriveInAnyOrder() {
        String h1 = "1".repeat(64);
        String h2 = "2".repeat(64);
        String h3 = "3".repeat(64);
        assertEquals(EventConsumer.Outcome.APPLIED, consumer.apply(run(record(3, h2, h3))));
        assertEquals(EventConsumer.Outcome.APPLIED, consumer.apply(run(record(1, "GENESIS", h1), record(2, h1, h2))));
        assertEquals(List.of("GENESIS", h1, h2), Jdbc.query(db, "trail",
                "SELECT previous_hash FROM audit_trail WHERE tenant_id = ? ORDER BY position", rs -> rs.getString(1),
                tenant), "the copy links up across runs");
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM feed_event WHERE tenant_id = ?", tenant));
    }

    private CloudEvent run(AuditRecordedV1... records) {
        AuditSealedV1 data = new AuditSealedV1(records[0].position(), records[records.length - 1].position(),
                List.of(records));
        CloudEvent event = CloudEvent.of("/trellis/case-service", AuditSealedV1.TYPE, "audit/" + tenant, Instant.now(),
                tenant, records[0].position(), json.valueToTree(data));
        EventContracts.assertValid(json.valueToTree(event));
        return event;
    }

    private static AuditRecordedV1 record(long position, String previousHash, String hash) {
        return new AuditRecordedV1(UUID.randomUUID(), position, "user-1", "READ", "client",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "req-1", Instant.now(), previousHash, hash);
    }

    private CloudEvent audit(long position, String previousHash, String hash) {
        AuditRecordedV1 data = new AuditRecordedV1(UUID.randomUUID(), position, "user-1", "READ", "client",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "req-1", Instant.now(), previousHash, hash);
        return CloudEvent.of("/trellis/case-service", AuditRecordedV1.TYPE, "audit/" + tenant, Instant.now(), tenant,
                position, json.valueToTree(data));
    }
}

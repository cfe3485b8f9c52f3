package app.trellis.cases.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.audit.AuditAppender;
import app.trellis.platform.audit.AuditVerifier;
import app.trellis.platform.config.AuditConfig;
import app.trellis.platform.testing.AuditIntents;
import app.trellis.platform.testing.Database;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The group-commit appender through the real API and MariaDB: no PHI without a durable record, one record
 * per access, gapless chains under concurrency, and nothing lost when its connection dies or it stops.
 */
@QuarkusTest
class AuditAppenderTest {

    @Inject
    AgroalDataSource db;
    @Inject
    AuditVerifier verifier;
    @Inject
    AuditAppender appender;
    @Inject
    AuditConfig config;

    @Test
    void sixtyFourConcurrentReadsOverThreeTenantsGiveOneRecordEachAndGaplessChains() {
        List<Tenant> tenants = List.of(Tenant.fresh(), Tenant.fresh(), Tenant.fresh());
        tenants.forEach(Tenant::registerClient);
        AuditIntents.awaitChained(db);
        Map<String, Integer> before = new java.util.HashMap<>();
        tenants.forEach(t -> before.put(t.id, records(t.id)));

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = Race.of(64, i -> tenants.get(i % 3).read("race-" + run + "-" + i).statusCode());

        assertEquals(List.of(200), statuses.stream().distinct().toList(), "no read waits out a pool or audit timeout");
        for (int t = 0; t < 3; t++) {
            Tenant tenant = tenants.get(t);
            int reads = 64 / 3 + (t < 64 % 3 ? 1 : 0);
            assertEquals(before.get(tenant.id) + reads, records(tenant.id), "one record per read");
            AuditVerifier.Report report = verifier.verify(tenant.id);
            assertTrue(report.intact(), String.valueOf(report.reason()));
        }
        for (int i = 0; i < 64; i++) {
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ? AND action = 'READ'",
                    "race-" + run + "-" + i), "exactly one record for read " + i);
        }
    }

    @Test
    void aBatchWhoseConnectionIsCutFailsItsWaitingReadsWith503AndNothingIsReturnedWithoutItsRecord() throws Exception {
        Tenant tenant = Tenant.fresh();
        tenant.registerClient();
        AuditIntents.awaitChained(db);
        List<String> requestIds = new ArrayList<>();
        List<CompletableFuture<Response>> reads = new ArrayList<>();
        long started;
        try (Connection dba = Database.shared().adminDataSource("trellis_case").getConnection()) {
            dba.setAutoCommit(false);
            // A DBA holds the tenant's chain head: the appender's next batch for it blocks mid-transaction.
            try (PreparedStatement hold = dba.prepareStatement("SELECT last_position FROM audit_chain_head"
                    + " WHERE tenant_id = ? FOR UPDATE")) {
                hold.setString(1, tenant.id);
                hold.executeQuery().close();
            }
            started = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                String requestId = "cut-read-" + i + "-" + tenant.id;
                requestIds.add(requestId);
                reads.add(CompletableFuture.supplyAsync(() -> tenant.read(requestId)));
            }
            tenant.registerClient("cut-write-" + tenant.id).then().statusCode(201);
            long appenderConnection = waitForHeadLockWaiter(dba);
            try (Statement kill = dba.createStatement()) {
                kill.execute("KILL CONNECTION " + appenderConnection);
            }
            dba.rollback();
        }
        int refused = 0;
        for (int i = 0; i < reads.size(); i++) {
            Response response = reads.get(i).join();
            int records = Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ?", requestIds.get(i));
            if (response.statusCode() == 503) {
                refused++;
                assertEquals("application/problem+json", response.contentType());
                assertFalse(response.asString().contains("Hopper"), "no PHI in the refusal");
                assertEquals(0, records, "the failed batch left no record");
            } else {
                assertEquals(200, response.statusCode());
                assertEquals(1, records, "nothing returned without its record");
            }
        }
        assertTrue(refused >= 1, "the reads in the cut batch were refused");
        assertTrue(System.nanoTime() - started < config.awaitTimeout().toNanos(),
                "refused because the batch failed, not because the wait timed out");
        assertEquals(200, tenant.read("after-cut-" + tenant.id).statusCode(), "the appender goes on with a new connection");
        AuditIntents.awaitChained(db);
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ? AND action = 'CREATE'",
                "cut-write-" + tenant.id), "the write committed meanwhile is chained after recovery");
        assertTrue(verifier.verify(tenant.id).intact());
    }

    @Test
    void aWriteCommittedWhileTheAppenderIsDownIsChainedWhenItStartsAgain() {
        Tenant tenant = Tenant.fresh();
        String requestId = "down-" + tenant.id;
        appender.stop();
        try {
            tenant.registerClient(requestId);
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_intent WHERE request_id = ?", requestId),
                    "the write's record is durable as an intent");
            assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ?", requestId));
            assertEquals(503, tenant.read("down-read-" + tenant.id).statusCode(), "a read cannot be audited: refused");
        } finally {
            appender.start();
        }
        AuditIntents.awaitChained(db);
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ? AND action = 'CREATE'",
                requestId));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ?", "down-read-" + tenant.id));
        assertTrue(verifier.verify(tenant.id).intact());
    }

    @Test
    void anIntentAlteredBeforeItIsChainedIsChainedAsAltered() {
        Tenant tenant = Tenant.fresh();
        String requestId = "altered-" + tenant.id;
        appender.stop();
        try {
            tenant.registerClient(requestId);
            Sql.update(Database.shared().adminDataSource("trellis_case"),
                    "UPDATE audit_intent SET action = 'READ' WHERE request_id = ?", requestId);
        } finally {
            appender.start();
        }
        AuditIntents.awaitChained(db);
        assertEquals("AUDIT_INTENT_ALTERED", Sql.string(db, "SELECT action FROM audit_record WHERE request_id = ?",
                requestId));
    }

    @Test
    void aRejectedWriteLeavesNoAuditRecordOrIntent() {
        Tenant tenant = Tenant.fresh();
        tenant.registerClient("first-" + tenant.id, "EXT-" + tenant.id).then().statusCode(201);
        String requestId = "duplicate-" + tenant.id;
        tenant.registerClient(requestId, "EXT-" + tenant.id).then().statusCode(409);
        AuditIntents.awaitChained(db);
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE request_id = ?", requestId));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM audit_intent WHERE request_id = ?", requestId));
        assertTrue(verifier.verify(tenant.id).intact());
    }

    @Test
    void aReadIsRecordedNot503WhenAnotherInstanceMovedTheChainHeadMeanwhile() {
        Tenant tenant = Tenant.fresh();
        tenant.registerClient();
        AuditIntents.awaitChained(db);
        assertEquals(200, tenant.read("before-" + UUID.randomUUID()).statusCode());
        // This appender now remembers the head it sent. Another instance's appender chains a record of the tenant:
        // the head and the next position move on without this one knowing.
        long head = Long.parseLong(Sql.string(db, "SELECT last_position FROM audit_chain_head WHERE tenant_id = ?",
                tenant.id));
        String otherHash = "0".repeat(64);
        Sql.update(db, "INSERT INTO audit_record (id, tenant_id, position, actor, action, resource_type, occurred_at,"
                + " prev_hash, hash, key_id) VALUES (?, ?, ?, 'other-instance', 'READ', 'client', CURRENT_TIMESTAMP(6),"
                + " (SELECT last_hash FROM audit_chain_head WHERE tenant_id = ?), ?, 'index')",
                UUID.randomUUID().toString(), tenant.id, head + 1, tenant.id, otherHash);
        Sql.update(db, "UPDATE audit_chain_head SET last_position = ?, last_hash = ? WHERE tenant_id = ?", head + 1,
                otherHash, tenant.id);

        String requestId = "after-moved-head-" + UUID.randomUUID();
        assertEquals(200, tenant.read(requestId).statusCode(), "the appender links after the moved head, no 503");
        assertEquals(String.valueOf(head + 2), Sql.string(db, "SELECT position FROM audit_record WHERE request_id = ?",
                requestId));
        assertEquals(otherHash, Sql.string(db, "SELECT prev_hash FROM audit_record WHERE request_id = ?", requestId));
    }

    @Test
    void theVerifierReportsNoFalseBreakOnATenantUnderConcurrentAppends() {
        Tenant tenant = Tenant.fresh();
        tenant.registerClient();
        AtomicBoolean running = new AtomicBoolean(true);
        List<CompletableFuture<Void>> load = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            load.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; running.get(); i++) {
                    if (i % 5 == 0) {
                        tenant.registerClient("load-write-" + writer + "-" + i);
                    } else {
                        tenant.read("load-read-" + writer + "-" + i);
                    }
                }
            }));
        }
        try {
            for (int i = 0; i < 25 || records(tenant.id) < 60; i++) {
                AuditVerifier.Report report = verifier.verify(tenant.id);
                assertTrue(report.intact(), "verification " + i + ": " + report.reason());
            }
        } finally {
            running.set(false);
            load.forEach(CompletableFuture::join);
        }
    }

    private int records(String tenant) {
        return Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ?", tenant);
    }

    /** The appender's connection, once it waits for the head lock the DBA holds. */
    private static long waitForHeadLockWaiter(Connection dba) throws Exception {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement ps = dba.prepareStatement("SELECT id FROM information_schema.processlist"
                    + " WHERE info LIKE '%audit_chain_head%' AND id <> CONNECTION_ID()");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the appender never waited for the head lock");
    }

    /** A tenant of its own with a supervisor and one client. */
    private static final class Tenant {
        final String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        final String sam = TestTokens.user(id, "sam", "supervisor");
        String clientLocation;

        static Tenant fresh() {
            return new Tenant();
        }

        void registerClient() {
            registerClient("setup-" + UUID.randomUUID());
        }

        Response registerClient(String requestId) {
            return registerClient(requestId, null);
        }

        Response registerClient(String requestId, String externalId) {
            String body = "{\"name\":{\"given\":\"Grace\",\"family\":\"Hopper\"},\"birthDate\":\"1956-12-09\","
                    + "\"sex\":\"female\",\"identifiers\":{\"ssn\":\"987-65-4321\"}"
                    + (externalId == null ? "" : ",\"externalId\":\"" + externalId + "\"") + "}";
            Response response = given().auth().oauth2(sam).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/clients");
            if (response.statusCode() == 201 && clientLocation == null) {
                clientLocation = response.header("Location");
            }
            return response;
        }

        Response read(String requestId) {
            return given().auth().oauth2(sam).header("X-Request-Id", requestId).get(clientLocation);
        }
    }
}

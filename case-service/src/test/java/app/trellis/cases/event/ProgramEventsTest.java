package app.trellis.cases.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.cases.service.ProgramService;
import app.trellis.platform.contracts.ProgramDefinedV1;
import app.trellis.platform.contracts.ProgramRevisedV1;
import app.trellis.platform.event.OutboxRelay;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The producer half of the event backbone, against MariaDB and ElasticMQ: the outbox is written with the
 * change, the relay publishes at least once, and faults (a crash, an SQS outage, a second relay) lose
 * nothing and duplicate nothing that the event id cannot deduplicate.
 */
@QuarkusTest
class ProgramEventsTest {

    private static final String QUEUE = "trellis-reporting-events";
    private static final ObjectMapper STRICT = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Inject
    OutboxRelay relay;
    @Inject
    ProgramService programs;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = TestTokens.user(tenant, "tess", "tenant-admin");

    @BeforeEach
    void startFromAnEmptyQueue() {
        relay.drain();
        MessageQueues.shared().drain(QUEUE);
    }

    @Test
    void eachChangePublishesOneEventThatMatchesItsContract() throws Exception {
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("X-Request-Id", "evt-req-000001")
                .body("{\"code\":\"outreach\",\"name\":\"Outreach\"}").post("/api/v1/programs").then().statusCode(201)
                .extract().header("Location");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Street outreach\",\"active\":false}").put(location).then().statusCode(200);
        relay.drain();

        List<JsonNode> events = ours(MessageQueues.shared().drain(QUEUE));
        assertEquals(2, events.size(), "one event per change");
        JsonNode defined = events.get(0);
        JsonNode revised = events.get(1);
        String programId = location.substring(location.lastIndexOf('/') + 1);
        assertEquals("1.0", defined.get("specversion").asText());
        assertEquals("/trellis/case-service", defined.get("source").asText());
        assertEquals(ProgramDefinedV1.TYPE, defined.get("type").asText());
        assertEquals("program/" + programId, defined.get("subject").asText());
        assertEquals("1", defined.get("sequence").asText());
        assertEquals("application/json", defined.get("datacontenttype").asText());
        assertTrue(defined.hasNonNull("time") && defined.hasNonNull("id"));
        assertEquals(new ProgramDefinedV1(UUID.fromString(programId), "outreach", true),
                STRICT.treeToValue(defined.get("data"), ProgramDefinedV1.class));
        assertEquals(ProgramRevisedV1.TYPE, revised.get("type").asText());
        assertEquals("2", revised.get("sequence").asText());
        assertEquals(new ProgramRevisedV1(UUID.fromString(programId), "outreach", false),
                STRICT.treeToValue(revised.get("data"), ProgramRevisedV1.class));
        assertEquals(0, unsent());
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            programs.defineProgram(tenant, "rolled-back", "Never", null);
            throw new IllegalStateException("the use case failed after writing");
        }));
        assertEquals(0, outboxRows());
        relay.drain();
        assertEquals(0, ours(MessageQueues.shared().drain(QUEUE)).size());
    }

    @Test
    void aCrashBetweenSendingAndMarkingSentSendsTheEventAgain() {
        programs.defineProgram(tenant, "crash", "Crash", null);
        assertThrows(IllegalStateException.class, () -> relay.relayBatch(() -> {
            throw new IllegalStateException("relay process died after SQS accepted the batch");
        }));
        assertEquals(1, unsent(), "the event is still unsent after the crash");
        relay.drain();
        assertEquals(0, unsent());

        List<JsonNode> delivered = ours(MessageQueues.shared().drain(QUEUE));
        assertEquals(2, delivered.size(), "delivered twice: at least once");
        assertEquals(delivered.get(0).get("id").asText(), delivered.get(1).get("id").asText(),
                "both copies carry the same event id, which consumers deduplicate on");
    }

    @Test
    void anSqsOutageOfThirtySecondsLosesNoEvent() throws Exception {
        MessageQueues sqs = MessageQueues.shared();
        sqs.stop();
        List<String> codes = new ArrayList<>();
        try {
            long end = System.nanoTime() + 30_000_000_000L;
            int i = 0;
            while (System.nanoTime() < end) {
                String code = "outage-" + i++;
                programs.defineProgram(tenant, code, code, null);
                codes.add(code);
                relay.drain();
                Thread.sleep(1_000);
            }
            assertEquals(codes.size(), unsent(), "every change committed, none could be sent");
        } finally {
            sqs.restart();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (unsent() > 0 && System.nanoTime() < deadline) {
            relay.drain();
            Thread.sleep(250);
        }
        assertEquals(0, unsent());
        List<JsonNode> delivered = ours(sqs.drain(QUEUE));
        Map<String, Integer> byCode = new HashMap<>();
        delivered.forEach(e -> byCode.merge(e.get("data").get("code").asText(), 1, Integer::sum));
        assertEquals(codes.size(), byCode.size(), "every event arrived");
        byCode.values().forEach(n -> assertEquals(1, n, "none twice"));
    }

    @Test
    void twoRelaysOverOneOutboxSendEachEventOnce() {
        for (int i = 0; i < 60; i++) {
            programs.defineProgram(tenant, "pair-" + i, "Pair " + i, null);
        }
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(relay::drain);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(relay::drain);
        int claimed = first.join() + second.join();
        assertEquals(60, claimed, "each row claimed by exactly one relay");
        assertEquals(0, unsent());

        List<JsonNode> delivered = ours(MessageQueues.shared().drain(QUEUE));
        assertEquals(60, delivered.size());
        assertEquals(60, delivered.stream().map(e -> e.get("id").asText()).distinct().count());
    }

    private List<JsonNode> ours(List<String> bodies) {
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            try {
                JsonNode event = STRICT.readTree(body);
                if (tenant.equals(event.get("tenantid").asText())) {
                    events.add(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        events.sort((a, b) -> a.get("time").asText().compareTo(b.get("time").asText()));
        return events;
    }

    private int outboxRows() {
        return count("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ?");
    }

    private int unsent() {
        return count("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL");
    }

    private int count(String sql) {
        return Sql.count(db, sql, tenant);
    }
}

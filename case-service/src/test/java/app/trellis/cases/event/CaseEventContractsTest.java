package app.trellis.cases.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.contracts.AuditSealedV1;
import app.trellis.platform.event.OutboxRelay;
import app.trellis.platform.testing.AuditIntents;
import app.trellis.platform.testing.EventContracts;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestClock;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every event type case-service publishes, driven through the API and read back from ElasticMQ: each
 * change publishes its events once, and each event matches the JSON Schema consumers are given.
 */
@QuarkusTest
class CaseEventContractsTest {

    private static final String QUEUE = "trellis-reporting-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;
    @Inject
    TaskDueAnnouncer announcer;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    private final String admin = TestTokens.user(tenant, "tess", "tenant-admin");

    @BeforeEach
    void startFromAnEmptyQueue() {
        relay.drain();
        MessageQueues.shared().drain(QUEUE);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachChangePublishesEachOfItsEventsOnceAndEveryEventMatchesItsSchema() throws Exception {
        String program = post(admin, "/api/v1/programs", Map.of("code", "outreach", "name", "Outreach"));
        put(admin, program, "\"0\"", Map.of("name", "Street outreach", "active", true));
        String client = post(nora, "/api/v1/clients", Map.of("name", Map.of("given", "Fannie", "family", "Hamer"),
                "birthDate", "1917-10-06", "sex", "female", "externalId", "legacy-4711"));
        put(nora, client, "\"0\"", Map.of("name", Map.of("given", "Fannie Lou", "family", "Hamer"),
                "birthDate", "1917-10-06", "sex", "female", "externalId", "legacy-4711"));
        String clientId = idOf(client);
        String caseUrl = post(nora, "/api/v1/cases", Map.of("clientId", clientId, "program", "outreach",
                "assignee", TestTokens.subjectOf("nora"), "team", "team-a"));
        post(nora, caseUrl + "/status", "\"0\"", Map.of("status", "open"));
        post(nora, caseUrl + "/assignment", "\"1\"", Map.of("assignee", TestTokens.subjectOf("ned"), "team", "team-a"));
        String note = post(nora, caseUrl + "/notes", Map.of("type", "visit", "occurredAt", "2026-11-20T10:00:00Z",
                "text", "Home visit."));
        post(nora, note + "/addenda", Map.of("text", "Visit lasted an hour."));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        post(nora, caseUrl + "/tasks", Map.of("title", "Call landlord", "dueDate", today.plusDays(1).toString()));
        clock.advance(Duration.ofDays(1));
        announcer.announceDueTasks();
        announcer.announceDueTasks();
        String consent = post(nora, "/api/v1/clients/" + clientId + "/consents", Map.of("type", "data-sharing",
                "partner", "partner-north", "effectiveDate", today.toString()));
        post(nora, consent + "/revocation", "\"0\"", Map.of("reason", "Client withdrew consent"));
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).contentType(ContentType.JSON)
                .header("If-Match", "\"2\"").body(Map.of("status", "closed", "reason", "Client moved"))
                .post(caseUrl + "/status").then().statusCode(200);
        AuditIntents.awaitChained(db);
        relay.drain();

        List<JsonNode> events = ours(MessageQueues.shared().drain(QUEUE));
        Map<String, Integer> perType = new TreeMap<>();
        int auditRecordsPublished = 0;
        for (JsonNode event : events) {
            EventContracts.assertValid(event);
            // Ids only: not the name, the birth date or the agency's external id of the client.
            for (String identifier : List.of("legacy-4711", "Hamer", "Fannie", "1917-10-06")) {
                assertFalse(event.toString().contains(identifier), event.get("type") + " carries " + identifier);
            }
            String type = event.get("type").asText();
            if (AuditSealedV1.TYPE.equals(type)) {
                auditRecordsPublished += event.get("data").get("records").size();
                continue;
            }
            perType.merge(type, 1, Integer::sum);
        }
        int audited = Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ?", tenant);
        assertEquals(audited, auditRecordsPublished, "every audit record published exactly once, in sealed runs");
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("app.trellis.program.defined.v1", 1),
                Map.entry("app.trellis.program.revised.v1", 1),
                Map.entry("app.trellis.client.registered.v1", 1),
                Map.entry("app.trellis.client.updated.v1", 1),
                Map.entry("app.trellis.case.status-changed.v1", 3),
                Map.entry("app.trellis.case.opened.v1", 1),
                Map.entry("app.trellis.case.assigned.v1", 1),
                Map.entry("app.trellis.case.access-changed.v1", 4),
                Map.entry("app.trellis.note.added.v1", 2),
                Map.entry("app.trellis.careplan.task-due.v1", 1),
                Map.entry("app.trellis.consent.changed.v1", 2),
                Map.entry("app.trellis.case.closed.v1", 1))), perType);
        assertEquals(events.size(), events.stream().map(e -> e.get("id").asText()).distinct().count());
        assertEquals(List.of("referred", "open", "closed"), events.stream()
                .filter(e -> e.get("type").asText().endsWith("status-changed.v1"))
                .sorted(Comparator.comparingLong(e -> e.get("sequence").asLong()))
                .map(e -> e.get("data").get("to").asText()).toList(), "statuses as the API spells them");
    }

    @Test
    void thePublishedAuditTrailIsTheChainItselfInAnyOrderOfArrival() throws Exception {
        String client = post(nora, "/api/v1/clients", Map.of("name", Map.of("given", "Ida", "family", "Wells"),
                "birthDate", "1962-07-16", "sex", "female"));
        Race.of(12, i -> given().auth().oauth2(nora).get(client).then().statusCode(200));
        AuditIntents.awaitChained(db);
        relay.drain();

        List<JsonNode> runs = ours(MessageQueues.shared().drain(QUEUE)).stream()
                .filter(e -> AuditSealedV1.TYPE.equals(e.get("type").asText())).toList();
        assertTrue(runs.size() < 13, "concurrent reads are sealed and published together, not one event each");
        List<JsonNode> trail = new ArrayList<>();
        for (JsonNode run : runs) {
            JsonNode data = run.get("data");
            assertEquals(data.get("firstPosition").asText(), run.get("sequence").asText());
            assertEquals(data.get("lastPosition").asLong() - data.get("firstPosition").asLong() + 1, data.get("records").size());
            data.get("records").forEach(trail::add);
        }
        trail.sort(Comparator.comparingLong(r -> r.get("position").asLong()));
        assertEquals(13, trail.size(), "every audit record: the registration and twelve reads");
        String previous = "GENESIS";
        for (int i = 0; i < trail.size(); i++) {
            JsonNode data = trail.get(i);
            assertEquals(i + 1, data.get("position").asLong());
            assertEquals(previous, data.get("previousHash").asText(), "each record links to the one before");
            previous = data.get("hash").asText();
        }
        String head = Sql.string(db, "SELECT last_hash FROM audit_chain_head WHERE tenant_id = ?", tenant);
        assertEquals(head, previous, "the newest published hash anchors the chain head outside this database");
        assertTrue(trail.stream().noneMatch(r -> r.has("purpose")), "free text stays in case-service");
    }

    private List<JsonNode> ours(List<String> bodies) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            JsonNode event = JSON.readTree(body);
            if (tenant.equals(event.path("tenantid").asText())) {
                events.add(event);
            }
        }
        return events;
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String post(String token, String url, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(url).then().statusCode(201)
                .extract().header("Location");
    }

    private static void post(String token, String url, String ifMatch, Object body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body).post(url)
                .then().statusCode(200);
    }

    private static void put(String token, String url, String ifMatch, Object body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body).put(url)
                .then().statusCode(200);
    }
}

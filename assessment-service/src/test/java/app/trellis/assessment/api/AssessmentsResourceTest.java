package app.trellis.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.assessment.service.SharedLibrary;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.AuditIntents;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.EventContracts;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taking an assessment over HTTP against the real database: start on a published version, save drafts, submit
 * (validated and scored by the server), amend, read, list, export; with its audit records and events.
 */
@QuarkusTest
class AssessmentsResourceTest {

    static final String PHQ9 = SharedLibrary.versionId("https://trellis.app/fhir/Questionnaire/phq-9|1").toString();
    static final String SCREEN = SharedLibrary.versionId("https://trellis.app/fhir/Questionnaire/functional-screen|1")
            .toString();

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = Staff.member(tenant, "nora", "team-a", "case-manager");
    private final UUID caseId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();

    @BeforeEach
    void noraWorksAnOpenCase() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        CaseAccessFeed feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
    }

    static Map<String, Object> phq9(int... answers) {
        Map<String, Object> a = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            a.put("phq9-" + (i + 1), String.valueOf(answers[i]));
        }
        return a;
    }

    private ExtractableResponse<Response> start(String version) {
        return given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", caseId, "instrumentVersionId", version))
                .post("/api/v1/assessments").then().statusCode(201).extract();
    }

    @Test
    void aPhq9SubmittedOverHttpIsScoredByTheServerWithBandAndSafetyFlag() {
        var started = start(PHQ9);
        String id = started.path("id");
        assertEquals("draft", started.path("status"));
        assertEquals("https://trellis.app/fhir/Questionnaire/phq-9|1", started.path("instrument"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", phq9(2, 2, 2, 2, 2, 1, 1, 1, 1))).post("/api/v1/assessments/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("submitted"))
                .body("score.total", equalTo(14)).body("score.band", equalTo("moderate"))
                .body("score.flags", contains("safety-risk")).body("engineVersion", equalTo("1"))
                .body("submittedBy.id", equalTo(app.trellis.platform.testing.TestTokens.subjectOf("nora")));
        given().auth().oauth2(nora).get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("answers.'phq9-9'.code", contains("1")).body("score.total", equalTo(14));
    }

    @Test
    void aDraftTakesIncompleteAnswersButSubmittingNeedsThemAll() {
        var started = start(PHQ9);
        String id = started.path("id");
        String etag = given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", phq9(1, 1))).put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etag)
                .post("/api/v1/assessments/" + id + "/submit").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("answers.phq9-3"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("answers", phq9(1, 1, 1, 0, 0, 0, 0, 0, 0))).put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(200);
        String latest = given().auth().oauth2(nora).get("/api/v1/assessments/" + id).then().extract().header("ETag");
        given().auth().oauth2(nora).header("If-Match", latest).post("/api/v1/assessments/" + id + "/submit").then().statusCode(200)
                .body("score.total", equalTo(3)).body("score.band", equalTo("minimal")).body("score.flags", hasSize(0));
    }

    @Test
    void anAnswerToADisabledItemIsRefusedNamingItAndChangesNothing() {
        var started = start(SCREEN);
        String id = started.path("id");
        Map<String, Object> answers = new HashMap<>();
        for (String adl : List.of("bathing", "dressing", "toileting", "transferring", "eating")) {
            answers.put("adl-" + adl, "independent");
        }
        for (String iadl : List.of("meals", "medications", "shopping")) {
            answers.put("iadl-" + iadl, "independent");
        }
        answers.put("mobility-aid", false);
        answers.put("mobility-aid-type", "cane");
        answers.put("falls-count", 0);
        answers.put("lives-alone", false);
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", answers)).post("/api/v1/assessments/" + id + "/submit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trellis.app/problems/validation"))
                .body("errors.field", contains("answers.mobility-aid-type"))
                .body("errors[0].message", equalTo("is not enabled by the other answers, so it takes no answer"));
        given().auth().oauth2(nora).get("/api/v1/assessments/" + id).then().statusCode(200)
                .header("ETag", started.header("ETag")).body("status", equalTo("draft")).body("score", nullValue());
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        var started = start(PHQ9);
        String id = started.path("id");
        String etag = started.header("ETag");
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("answers", Map.of("phq9-1", "7", "nope", true))).put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("answers.nope")).body("errors.field", hasItem("answers.phq9-1"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(Map.of("answers", phq9(1)))
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(428);
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"99\"").body(Map.of("answers", phq9(1)))
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(412);
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", UUID.randomUUID(), "caseId", caseId, "instrumentVersionId", PHQ9))
                .post("/api/v1/assessments").then().statusCode(400).body("errors.field", contains("clientId"));
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", caseId)).post("/api/v1/assessments").then().statusCode(400);
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", UUID.randomUUID(), "instrumentVersionId", PHQ9))
                .post("/api/v1/assessments").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etag).body("{\"answerz\":{}}")
                .post("/api/v1/assessments/" + id + "/submit").then().statusCode(400)
                .body("errors.field", contains("answers"));
        given().auth().oauth2(nora).queryParam("clientId", "not-a-uuid").get("/api/v1/assessments").then().statusCode(400);
        given().auth().oauth2(nora).queryParam("cursor", "garbage").get("/api/v1/assessments").then().statusCode(400);
        given().auth().oauth2(nora).get("/api/v1/assessments/" + id).then().statusCode(200).header("ETag", etag)
                .body("answers.size()", equalTo(0));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM assessment WHERE tenant_id = ?", tenant));
    }

    @Test
    void aSubmittedAssessmentNeverChangesAndAnAmendmentIsANewRevision() {
        var started = start(PHQ9);
        String id = started.path("id");
        String etag = given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", phq9(3, 3, 3, 3, 3, 3, 3, 0, 0))).post("/api/v1/assessments/" + id + "/submit")
                .then().statusCode(200).body("score.total", equalTo(21)).body("score.band", equalTo("severe"))
                .extract().header("ETag");
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("answers", phq9(0)))
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/assessment-submitted"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", etag)
                .post("/api/v1/assessments/" + id + "/submit").then().statusCode(409);

        var amendment = given().auth().oauth2(nora).post("/api/v1/assessments/" + id + "/amendments").then()
                .statusCode(201).body("revision", equalTo(2)).body("revisionOf", equalTo(id))
                .body("status", equalTo("draft")).extract();
        String amendmentId = amendment.path("id");
        given().auth().oauth2(nora).post("/api/v1/assessments/" + id + "/amendments").then().statusCode(409);
        given().auth().oauth2(nora).get("/api/v1/assessments/" + amendmentId).then().statusCode(200)
                .body("answers.'phq9-1'.code", contains("3"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", amendment.header("ETag"))
                .body(Map.of("answers", phq9(3, 3, 3, 3, 3, 3, 0, 0, 0))).post("/api/v1/assessments/" + amendmentId + "/submit")
                .then().statusCode(200).body("score.total", equalTo(18)).body("score.band", equalTo("moderately severe"));
        given().auth().oauth2(nora).get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("score.total", equalTo(21)).body("status", equalTo("submitted"));

        given().auth().oauth2(nora).queryParam("clientId", clientId).queryParam("limit", 1).get("/api/v1/assessments")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(amendmentId))
                .body("items[0].answers", nullValue()).body("nextCursor", notNullValue());
        given().auth().oauth2(nora).queryParam("clientId", clientId).get("/api/v1/assessments").then().statusCode(200)
                .body("items.score.total", contains(18, 21)).body("nextCursor", nullValue());
    }

    @Test
    void startingTwiceWithOneIdempotencyKeyStartsOnce() {
        Map<String, Object> body = Map.of("clientId", clientId, "caseId", caseId, "instrumentVersionId", PHQ9);
        String first = given().auth().oauth2(nora).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + tenant)
                .body(body).post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + tenant).body(body)
                .post("/api/v1/assessments").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + tenant)
                .body(Map.of("clientId", clientId, "caseId", caseId, "instrumentVersionId", SCREEN))
                .post("/api/v1/assessments").then().statusCode(422);
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM assessment WHERE tenant_id = ?", tenant));
    }

    @Test
    void aSubmittedAssessmentExportsAsAQuestionnaireResponsePinnedToItsVersion() throws Exception {
        var started = start(PHQ9);
        String id = started.path("id");
        given().auth().oauth2(nora).get("/api/v1/assessments/" + id + "/fhir").then().statusCode(409);
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", phq9(1, 1, 1, 1, 1, 1, 1, 1, 0))).post("/api/v1/assessments/" + id + "/submit")
                .then().statusCode(200);
        String body = given().auth().oauth2(nora).get("/api/v1/assessments/" + id + "/fhir").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        JsonNode fhir = json.readTree(body);
        assertEquals("QuestionnaireResponse", fhir.path("resourceType").asText());
        assertEquals("https://trellis.app/fhir/Questionnaire/phq-9|1", fhir.path("questionnaire").asText());
        assertEquals("completed", fhir.path("status").asText());
        assertEquals("Patient/" + clientId, fhir.path("subject").path("reference").asText());
    }

    @Test
    void everyReadAndWriteIsAuditedAndEveryEventMatchesItsSchema() throws Exception {
        var started = start(PHQ9);
        String id = started.path("id");
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", started.header("ETag"))
                .body(Map.of("answers", phq9(0, 0, 0, 0, 0, 0, 0, 0, 2))).post("/api/v1/assessments/" + id + "/submit")
                .then().statusCode(200);
        given().auth().oauth2(nora).get("/api/v1/assessments/" + id).then().statusCode(200);
        given().auth().oauth2(nora).queryParam("caseId", caseId).get("/api/v1/assessments").then().statusCode(200)
                .body("items", hasSize(1));
        String amendment = given().auth().oauth2(nora).post("/api/v1/assessments/" + id + "/amendments").then()
                .statusCode(201).extract().path("id");

        AuditIntents.awaitChained(db);
        for (String action : List.of("CREATE", "SUBMIT", "READ", "SEARCH")) {
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND resource_type ="
                    + " 'assessment' AND resource_id = ? AND action = ? AND client_id = ?", tenant, id, action,
                    clientId.toString()), action);
        }
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE resource_id = ? AND action = 'AMEND'",
                amendment));

        List<JsonNode> events = outbox(List.of(id, amendment));
        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of("app.trellis.assessment.started.v1", "app.trellis.assessment.submitted.v1",
                "app.trellis.assessment.amended.v1"), types);
        // Numbered by the assessment's version (no sequence row): started at 1, submitted later, the amendment
        // an aggregate of its own.
        List<Long> sequences = events.stream().map(e -> e.path("sequence").asLong()).toList();
        assertEquals(1L, sequences.get(0));
        assertTrue(sequences.get(1) > sequences.get(0), "submitted after started: " + sequences);
        assertEquals(1L, sequences.get(2));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM outbox_sequence WHERE aggregate_type = 'assessment'"));
        events.forEach(EventContracts::assertValid);
        JsonNode submitted = events.get(1).path("data");
        assertEquals(2, submitted.path("total").asInt());
        assertEquals("minimal", submitted.path("band").asText());
        assertEquals("safety-risk", submitted.path("flags").path(0).asText());
        assertFalse(events.get(1).toString().contains("phq9-9"), "no answers in events");
        String stored = Sql.string(db, "SELECT answers FROM assessment WHERE id = ?", id);
        assertTrue(stored.startsWith("v1:") && !stored.contains("phq9"), "answers are encrypted at rest");
    }

    private List<JsonNode> outbox(List<String> assessmentIds) throws Exception {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String id : assessmentIds) {
            try (var c = db.getConnection(); var ps = c.prepareStatement("SELECT envelope FROM outbox_event WHERE"
                    + " aggregate_type = 'assessment' AND aggregate_id = ? ORDER BY sequence_no")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(json.readTree(rs.getString(1)));
                    }
                }
            }
        }
        return events;
    }
}

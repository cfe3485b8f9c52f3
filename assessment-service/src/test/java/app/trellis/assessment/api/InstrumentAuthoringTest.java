package app.trellis.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.assessment.service.SharedLibrary;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.EventContracts;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant administrators author their own instruments: drafts from Trellis JSON or a FHIR Questionnaire, changed
 * until published, frozen after; assessments stay scored by the version they were started on.
 */
@QuarkusTest
class InstrumentAuthoringTest {

    @Inject
    AgroalDataSource db;
    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = TestTokens.user(tenant, "tess", "tenant-admin");
    private final String code = "mood-" + tenant;

    /** Two yes/no items; {@code yes} is what a yes weighs, so the total runs 0 to 2 × yes. */
    private String definition(String version, int yes) {
        String item = """
                {"linkId":"%s","text":"%s","type":"choice","required":true,
                 "options":[{"code":"0","display":"No","weight":0},{"code":"1","display":"Yes","weight":%d}]}""";
        return """
                {"url":"https://%s.example/fhir/Questionnaire/%s","version":"%s","name":"%s","title":"Mood check",
                 "items":[%s,%s],
                 "scoring":{"bands":[{"min":0,"max":1,"label":"low"},{"min":2,"max":%d,"label":"high"}]}}"""
                .formatted(tenant, code, version, code, item.formatted("q1", "Low mood?", yes),
                        item.formatted("q2", "Poor sleep?", yes), 2 * yes);
    }

    private ExtractableResponse<Response> create(String path, String body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201)
                .extract();
    }

    @Test
    void aPublishedVersionIsFrozenAndAnAssessmentStartedOnV1IsScoredByV1AfterV2IsPublished() throws Exception {
        var v1 = create("/api/v1/instruments", definition("1", 1));
        String instrument = v1.path("instrumentId");
        String v1Id = v1.path("id");
        assertEquals("draft", v1.path("status"));
        String etag = given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", v1.header("ETag"))
                .body(definition("1", 1).replace("Mood check", "Mood check (short)"))
                .put("/api/v1/instruments/" + instrument + "/versions/" + v1Id).then().statusCode(200)
                .body("definition.title", equalTo("Mood check (short)")).extract().header("ETag");
        etag = given().auth().oauth2(admin).header("If-Match", etag)
                .post("/api/v1/instruments/" + instrument + "/versions/" + v1Id + "/publish").then().statusCode(200)
                .body("status", equalTo("published")).extract().header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body(definition("1", 1))
                .put("/api/v1/instruments/" + instrument + "/versions/" + v1Id).then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/instrument-version-immutable"));

        UUID caseId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        CaseAccessFeed feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "ava", null, "open"));
        String ava = Staff.member(tenant, "ava", null, "assessor");
        var assessment = given().auth().oauth2(ava).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", caseId, "instrumentId", instrument))
                .post("/api/v1/assessments").then().statusCode(201).extract();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(definition("1", 2))
                .post("/api/v1/instruments/" + instrument + "/versions").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/instrument-version-label-taken"));
        var v2 = create("/api/v1/instruments/" + instrument + "/versions", definition("2", 2));
        given().auth().oauth2(admin).header("If-Match", v2.header("ETag"))
                .post("/api/v1/instruments/" + instrument + "/versions/" + v2.path("id") + "/publish").then()
                .statusCode(200);

        given().auth().oauth2(ava).contentType(ContentType.JSON).header("If-Match", assessment.header("ETag"))
                .body(Map.of("answers", Map.of("q1", "1", "q2", "1")))
                .post("/api/v1/assessments/" + assessment.path("id") + "/submit").then().statusCode(200)
                .body("score.total", equalTo(2)).body("score.band", equalTo("high"))
                .body("instrument", equalTo("https://" + tenant + ".example/fhir/Questionnaire/" + code + "|1"));
        given().auth().oauth2(ava).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "caseId", caseId, "instrumentId", instrument))
                .post("/api/v1/assessments").then().statusCode(201).body("instrumentVersionId", equalTo(v2.path("id")));

        given().auth().oauth2(admin).queryParam("limit", 200).get("/api/v1/instruments/" + instrument + "/versions")
                .then().statusCode(200).body("items.version", org.hamcrest.Matchers.contains("1", "2"));
        String published = Sql.string(db, "SELECT envelope FROM outbox_event WHERE aggregate_type = 'instrument'"
                + " AND aggregate_id = ? AND sequence_no = 1", instrument);
        JsonNode event = json.readTree(published);
        EventContracts.assertValid(event);
        assertEquals(v1Id, event.path("data").path("instrumentVersionId").asText());
    }

    @Test
    void aFhirQuestionnaireBecomesADraftAndARetiredVersionTakesNoNewAssessments() throws Exception {
        String phq9 = SharedLibrary.instrumentId("phq-9").toString();
        String phq9v1 = SharedLibrary.versionId("https://trellis.app/fhir/Questionnaire/phq-9|1").toString();
        String exported = given().auth().oauth2(admin).get("/api/v1/instruments/" + phq9 + "/versions/" + phq9v1 + "/fhir")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        ObjectNode questionnaire = (ObjectNode) json.readTree(exported);
        questionnaire.put("url", "https://" + tenant + ".example/fhir/Questionnaire/phq-9-local").put("name", code)
                .put("status", "draft");
        var draft = given().auth().oauth2(admin).contentType("application/fhir+json").body(questionnaire.toString())
                .post("/api/v1/instruments").then().statusCode(201).body("status", equalTo("draft"))
                .body("shared", equalTo(false)).body("definition.scoring.bands.label", hasItem("moderately severe"))
                .extract();
        String instrument = draft.path("instrumentId");
        String etag = given().auth().oauth2(admin).header("If-Match", draft.header("ETag"))
                .post("/api/v1/instruments/" + instrument + "/versions/" + draft.path("id") + "/publish").then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", etag)
                .post("/api/v1/instruments/" + instrument + "/versions/" + draft.path("id") + "/retire").then()
                .statusCode(200).body("status", equalTo("retired")).body("retiredAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(admin).queryParam("limit", 200).get("/api/v1/instruments").then().statusCode(200)
                .body("items.code", hasItems(code, "phq-9", "gad-7", "functional-screen"));
    }

    @Test
    void anInvalidDefinitionIsAProblemNamingEachFieldAndCreatesNothing() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.example/q\",\"version\":\"1\",\"name\":\"" + code + "\",\"title\":\"T\",\"items\":[]}")
                .post("/api/v1/instruments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("items"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("not json").post("/api/v1/instruments").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}")
                .post("/api/v1/instruments").then().statusCode(400).body("errors.field", hasItem("resourceType"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(definition("1", 1).replace(tenant + ".example/fhir/Questionnaire/" + code,
                        "trellis.app/fhir/Questionnaire/phq-9"))
                .post("/api/v1/instruments").then().statusCode(400).body("errors.field", hasItem("url"));
        given().auth().oauth2(admin).queryParam("limit", 200).get("/api/v1/instruments").then().statusCode(200)
                .body("items.code", not(hasItem(code)));
    }

    @Test
    void theSharedLibraryIsReadOnlyToTenants() {
        String phq9 = SharedLibrary.instrumentId("phq-9").toString();
        String phq9v1 = SharedLibrary.versionId("https://trellis.app/fhir/Questionnaire/phq-9|1").toString();
        given().auth().oauth2(admin).get("/api/v1/instruments/" + phq9 + "/versions/" + phq9v1).then().statusCode(200)
                .body("shared", equalTo(true)).body("status", equalTo("published"))
                .body("canonical", equalTo("https://trellis.app/fhir/Questionnaire/phq-9|1"));
        given().auth().oauth2(admin).header("If-Match", "\"0\"")
                .post("/api/v1/instruments/" + phq9 + "/versions/" + phq9v1 + "/retire").then().statusCode(403)
                .body("type", equalTo("https://trellis.app/problems/shared-library-read-only"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(definition("9", 1))
                .post("/api/v1/instruments/" + phq9 + "/versions").then().statusCode(403);
    }
}

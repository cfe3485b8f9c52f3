package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cases against MariaDB: lifecycle rules, assignment and history, who sees what, and the events. */
@QuarkusTest
class CasesResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = manager("nora", "team-a");
    private final String ned = manager("ned", "team-a");
    private final String carl = manager("carl", "team-b");
    private final String sam = TestTokens.user(tenant, "sam", "supervisor");
    private String clientId;

    @BeforeEach
    void aProgramAndAClient() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"care-coordination\",\"name\":\"Care coordination\"}").post("/api/v1/programs")
                .then().statusCode(201);
        clientId = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Rosa\",\"family\":\"Parks\"},\"birthDate\":\"1969-02-04\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCaseFollowsItsLifecycleAndRefusesForbiddenSteps() {
        String location = open(nora, "nora", "team-a", null).then().statusCode(201)
                .body("status", equalTo("referred")).body("openedAt", nullValue()).extract().header("Location");
        move(location, "\"0\"", "on-hold", null).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/conflict/case-transition-not-allowed"));
        move(location, "\"0\"", "open", null).then().statusCode(200).body("status", equalTo("open"))
                .body("openedAt", notNullValue()).header("ETag", "\"1\"");
        move(location, "\"1\"", "on-hold", null).then().statusCode(200);
        move(location, "\"2\"", "open", null).then().statusCode(200);
        move(location, "\"3\"", "closed", " ").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/closure-reason-required"));
        move(location, "\"3\"", "closed", "Goals met").then().statusCode(200)
                .body("status", equalTo("closed")).body("closureReason", equalTo("Goals met"));
        assign(location, "\"4\"", "ned").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/closed-case-not-assignable"));
        move(location, "\"4\"", "open", null).then().statusCode(200).body("closureReason", nullValue());
        move(location, "\"4\"", "closed", "stale").then().statusCode(412);
        move(location, null, "closed", "no etag").then().statusCode(428);
        move(location, "\"5\"", "dormant", null).then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void eachChangePublishesItsEventsOnce() {
        String location = open(nora, "nora", "team-a", null).header("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        move(location, "\"0\"", "open", null).then().statusCode(200);
        move(location, "\"1\"", "on-hold", null).then().statusCode(200);
        move(location, "\"2\"", "open", null).then().statusCode(200);
        assign(location, "\"3\"", "ned").then().statusCode(200);
        move(location, "\"4\"", "closed", "Moved away").then().statusCode(200);

        List<String> types = Jdbc.query(db, "events", "SELECT type FROM outbox_event WHERE aggregate_type = 'case'"
                + " AND aggregate_id = ? ORDER BY sequence_no", rs -> rs.getString(1), caseId);
        // Each change also publishes the case's access facts whole, last, for the services that copy them.
        String access = "app.trellis.case.access-changed.v1";
        assertEquals(List.of("app.trellis.case.status-changed.v1", access,
                "app.trellis.case.status-changed.v1", "app.trellis.case.opened.v1", access,
                "app.trellis.case.status-changed.v1", access,
                "app.trellis.case.status-changed.v1", access,
                "app.trellis.case.assigned.v1", access,
                "app.trellis.case.status-changed.v1", "app.trellis.case.closed.v1", access), types);
        String envelopes = String.join("", Jdbc.query(db, "envelopes", "SELECT envelope FROM outbox_event WHERE"
                + " aggregate_id = ?", rs -> rs.getString(1), caseId));
        assertEquals(-1, envelopes.indexOf("Moved away"), "free-text reasons stay out of events");
    }

    @Test
    void assignmentKeepsItsHistoryAndMovesWhoSeesTheCaseAndItsClient() {
        String location = open(nora, "nora", "team-a", "open").header("Location");
        given().auth().oauth2(carl).get(location).then().statusCode(404);
        given().auth().oauth2(carl).get("/api/v1/clients/" + clientId).then().statusCode(404);

        assign(location, "\"0\"", "carl", "team-b").then().statusCode(200)
                .body("assignee.id", equalTo(TestTokens.subjectOf("carl")));
        given().auth().oauth2(carl).get(location).then().statusCode(200);
        given().auth().oauth2(carl).get("/api/v1/clients/" + clientId).then().statusCode(200);
        given().auth().oauth2(carl).queryParam("assignee", "me").get("/api/v1/cases").then()
                .body("items", hasSize(1));
        given().auth().oauth2(carl).get(location + "/assignments").then().statusCode(200)
                .body("items.assignee.id", contains(TestTokens.subjectOf("nora"), TestTokens.subjectOf("carl")))
                .body("items[0].assignee.name", equalTo("nora"))
                .body("items[0].endedAt", notNullValue()).body("items[1].endedAt", nullValue())
                .body("items[1].assignedBy.name", equalTo("nora"));
    }

    @Test
    void whoSeesACase() {
        String location = open(nora, "nora", "team-a", "open").header("Location");
        given().auth().oauth2(ned).get(location).then().statusCode(200);
        given().auth().oauth2(carl).get(location).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(carl).get("/api/v1/cases").then().body("items", hasSize(0));
        given().auth().oauth2(sam).queryParam("status", "open").get("/api/v1/cases").then().body("items", hasSize(1));
        // A partner with the scope still needs the client's data-sharing consent (PartnerAccessTest).
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read")).get(location).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read"))
                .contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"closed\",\"reason\":\"x\"}")
                .post(location + "/status").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).get(location).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("other-" + tenant, "ruth", "supervisor")).get(location).then().statusCode(404);
        given().get(location).then().statusCode(401);
    }

    @Test
    void aCaseNeedsAVisibleClientAndAnActiveProgram() {
        open(carl, "carl", "team-b", null).then().statusCode(404);
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "program", "nope", "assignee", TestTokens.subjectOf("nora"))).post("/api/v1/cases").then()
                .statusCode(400).body("errors[0].field", equalTo("program"));
        String program = given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).get("/api/v1/programs")
                .then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body("{\"name\":\"Care coordination\",\"active\":false}")
                .put("/api/v1/programs/" + program).then().statusCode(200);
        open(nora, "nora", "team-a", null).then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/program-inactive"));
        assertEquals(0, (int) Jdbc.query(db, "cases", "SELECT COUNT(*) FROM case_file WHERE tenant_id = ?",
                rs -> rs.getInt(1), tenant).get(0));
    }

    private String manager(String name, String team) {
        return TestTokens.builder(name).claim("tenant", tenant).team(team)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    }

    /** Opens a case for the person with this user name (the request names them by subject). */
    private Response open(String token, String assignee, String team, String status) {
        StringBuilder body = new StringBuilder("{\"clientId\":\"" + clientId + "\",\"program\":\"care-coordination\","
                + "\"assignee\":\"" + TestTokens.subjectOf(assignee) + "\",\"team\":\"" + team + "\"");
        if (status != null) {
            body.append(",\"status\":\"").append(status).append('"');
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.append('}').toString())
                .post("/api/v1/cases");
    }

    private Response move(String location, String ifMatch, String status, String reason) {
        var request = given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(reason == null ? "{\"status\":\"" + status + "\"}"
                        : "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(location + "/status");
    }

    private Response assign(String location, String ifMatch, String assignee) {
        return assign(location, ifMatch, assignee, "team-a");
    }

    private Response assign(String location, String ifMatch, String assignee, String team) {
        return given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body("{\"assignee\":\"" + TestTokens.subjectOf(assignee) + "\",\"team\":\"" + team + "\"}").post(location + "/assignment");
    }
}

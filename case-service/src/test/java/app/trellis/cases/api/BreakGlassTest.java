package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestClock;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Break-glass: access outside one's assignment, with a reason, time-boxed, audited, reviewed. */
@QuarkusTest
class BreakGlassTest {

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = manager("nora", "team-a");
    private final String carl = manager("carl", "team-b");
    private final String sam = TestTokens.user(tenant, "sam", "supervisor");
    private String caseUrl;
    private String clientId;

    @BeforeEach
    void noraWorksACase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"crisis\",\"name\":\"Crisis\"}").post("/api/v1/programs").then().statusCode(201);
        clientId = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Fannie\",\"family\":\"Hamer\"},\"birthDate\":\"1977-10-06\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        caseUrl = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "program", "crisis", "assignee", TestTokens.subjectOf("nora"), "team", "team-a", "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().header("Location");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void withAReasonAccessOpensForAnHourEveryUseIsAuditedAndThenItCloses() {
        given().auth().oauth2(carl).get(caseUrl).then().statusCode(404);
        given().auth().oauth2(carl).contentType(ContentType.JSON).body("{\"reason\":\"short\"}")
                .post(caseUrl + "/emergency-access").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(carl).contentType(ContentType.JSON)
                .body("{\"reason\":\"Client in crisis at the shelter; assigned worker unreachable\"}")
                .post(caseUrl + "/emergency-access").then().statusCode(201).body("grantee.name", equalTo("carl"));

        given().auth().oauth2(carl).get(caseUrl).then().statusCode(200);
        given().auth().oauth2(carl).get("/api/v1/clients/" + clientId).then().statusCode(200);
        given().auth().oauth2(carl).get(caseUrl + "/notes").then().statusCode(200);

        List<String> carlsActions = Jdbc.query(db, "audit", "SELECT action FROM audit_record WHERE tenant_id = ?"
                + " AND actor_name = 'carl' ORDER BY position", rs -> rs.getString(1), tenant);
        assertTrue(carlsActions.contains("BREAK_GLASS"), carlsActions.toString());
        assertTrue(carlsActions.stream().filter("BREAK_GLASS_USE"::equals).count() >= 3, carlsActions.toString());

        clock.advance(Duration.ofMinutes(61));
        given().auth().oauth2(carl).get(caseUrl).then().statusCode(404);
        given().auth().oauth2(carl).get("/api/v1/clients/" + clientId).then().statusCode(404);
    }

    @Test
    void aGrantReadsAndAddsANoteButChangesNothingElseThenCloses() {
        given().auth().oauth2(carl).contentType(ContentType.JSON).body(Map.of("reason", "Client in crisis, worker unreachable"))
                .post(caseUrl + "/emergency-access").then().statusCode(201);
        String client = "/api/v1/clients/" + clientId;
        given().auth().oauth2(carl).get(caseUrl).then().statusCode(200);
        given().auth().oauth2(carl).get(client).then().statusCode(200);
        given().auth().oauth2(carl).get(client + "/consents").then().statusCode(200);
        String note = given().auth().oauth2(carl).contentType(ContentType.JSON).body(Map.of("type", "contact",
                        "occurredAt", clock.instant().minusSeconds(60).toString(), "text", "Reached the client at the shelter."))
                .post(caseUrl + "/notes").then().statusCode(201).body("author.name", equalTo("carl"))
                .extract().header("Location");

        String today = LocalDate.now(clock).toString();
        Map<String, Object> writes = new LinkedHashMap<>();
        writes.put("POST " + caseUrl + "/assignment", Map.of("assignee", TestTokens.subjectOf("carl"), "team", "team-b"));
        writes.put("POST " + caseUrl + "/status", Map.of("status", "on-hold"));
        writes.put("POST " + client + "/consents", Map.of("type", "data-sharing", "partner", "partner-north",
                "effectiveDate", today));
        writes.put("PUT " + client, Map.of("name", Map.of("given", "Fannie", "family", "Hamer"), "birthDate", "1977-10-06",
                "sex", "female"));
        writes.put("POST " + caseUrl + "/goals", Map.of("description", "Stay housed"));
        writes.put("POST " + caseUrl + "/tasks", Map.of("title", "Call back", "dueDate", today));
        writes.put("POST " + note + "/addenda", Map.of("text", "More."));
        writes.put("POST /api/v1/cases", Map.of("clientId", clientId, "program", "crisis", "assignee",
                TestTokens.subjectOf("carl"), "team", "team-b"));
        writes.forEach((call, body) -> {
            String[] methodAndPath = call.split(" ", 2);
            given().auth().oauth2(carl).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                    .request(methodAndPath[0], methodAndPath[1]).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://trellis.app/problems/break-glass-read-only"));
        });
        // Nothing changed: still nora's case, still open, no consent, one case.
        given().auth().oauth2(nora).get(caseUrl).then().statusCode(200)
                .body("assignee.id", equalTo(TestTokens.subjectOf("nora"))).body("status", equalTo("open"));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM case_file WHERE tenant_id = ?", tenant));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM consent WHERE tenant_id = ?", tenant));

        clock.advance(Duration.ofMinutes(61));
        given().auth().oauth2(carl).get(caseUrl).then().statusCode(404);
        given().auth().oauth2(carl).get(client).then().statusCode(404);
        given().auth().oauth2(carl).contentType(ContentType.JSON).body(Map.of("type", "contact",
                        "occurredAt", clock.instant().minusSeconds(60).toString(), "text", "Too late."))
                .post(caseUrl + "/notes").then().statusCode(404);
    }

    @Test
    void supervisorsReviewOthersUseOnce() {
        String grant = given().auth().oauth2(carl).contentType(ContentType.JSON)
                .body("{\"reason\":\"Covering the on-call line tonight\"}").post(caseUrl + "/emergency-access").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(carl).get("/api/v1/emergency-access").then().statusCode(403);
        given().auth().oauth2(sam).queryParam("reviewed", false).get("/api/v1/emergency-access").then().statusCode(200)
                .body("items.id", hasItem(grant));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body("{\"note\":\"Appropriate\"}")
                .post("/api/v1/emergency-access/" + grant + "/review").then().statusCode(200)
                .body("reviewedBy.name", equalTo("sam"));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/emergency-access/" + grant + "/review").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/already-reviewed"));
        given().auth().oauth2(sam).queryParam("reviewed", false).get("/api/v1/emergency-access").then()
                .body("items.findAll { it.id == '" + grant + "' }", hasSize(0));

        String own = given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body("{\"reason\":\"Supervisor checking the file herself\"}").post(caseUrl + "/emergency-access").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(sam).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/emergency-access/" + own + "/review").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/no-self-review"));
    }

    @Test
    void anotherTenantsCaseCannotBeBrokenInto() {
        given().auth().oauth2(TestTokens.user("other-" + tenant, "rita", "case-manager")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Trying to reach another agency's client\"}").post(caseUrl + "/emergency-access")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Auditors read the audit, not records\"}").post(caseUrl + "/emergency-access")
                .then().statusCode(403);
    }

    @Test
    void theReviewQueueIsAPageOfTheTenantsGrantsNewestFirst() {
        List<String> granted = new java.util.ArrayList<>();
        for (String reason : List.of("Covering the on-call line tonight", "Client called the crisis line again")) {
            granted.add(0, given().auth().oauth2(carl).contentType(ContentType.JSON).body(Map.of("reason", reason))
                    .post(caseUrl + "/emergency-access").then().statusCode(201).extract().path("id"));
        }
        String next = given().auth().oauth2(sam).queryParam("limit", 1).get("/api/v1/emergency-access").then()
                .statusCode(200).body("items.id", contains(granted.get(0))).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(sam).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/emergency-access")
                .then().statusCode(200).body("items.id", contains(granted.get(1))).body("nextCursor", nullValue());
    }

    private String manager(String name, String team) {
        return TestTokens.builder(name).claim("tenant", tenant).team(team)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    }
}

package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.cases.TestClock;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
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
                .body(Map.of("clientId", clientId, "program", "crisis", "assignee", "nora", "team", "team-a", "status", "open"))
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
                .post(caseUrl + "/emergency-access").then().statusCode(201).body("grantee", equalTo("carl"));

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
    void supervisorsReviewOthersUseOnce() {
        String grant = given().auth().oauth2(carl).contentType(ContentType.JSON)
                .body("{\"reason\":\"Covering the on-call line tonight\"}").post(caseUrl + "/emergency-access").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(carl).get("/api/v1/emergency-access").then().statusCode(403);
        given().auth().oauth2(sam).queryParam("reviewed", false).get("/api/v1/emergency-access").then().statusCode(200)
                .body("items.id", hasItem(grant));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body("{\"note\":\"Appropriate\"}")
                .post("/api/v1/emergency-access/" + grant + "/review").then().statusCode(200)
                .body("reviewedBy", equalTo("sam"));
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

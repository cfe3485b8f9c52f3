package app.trellis.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.assessment.service.SharedLibrary;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/schedules}: who sets and reads rules, what a valid rule is, and updates under If-Match. */
@QuarkusTest
class SchedulesResourceTest {

    private static final String PHQ9 = SharedLibrary.instrumentId("phq-9").toString();
    private static final String GAD7 = SharedLibrary.instrumentId("gad-7").toString();

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String tess = TestTokens.user(tenant, "tess", "tenant-admin");
    private final String sam = TestTokens.user(tenant, "sam", "supervisor");

    private static Map<String, Object> rule(String program, String instrument) {
        return new HashMap<>(Map.of("program", program, "instrumentId", instrument, "firstWithinDays", 30,
                "repeatEveryDays", 90));
    }

    @Test
    void aTenantAdminOrSupervisorSetsARuleAndStaffReadIt() {
        var created = given().auth().oauth2(tess).contentType(ContentType.JSON).body(rule("recovery", PHQ9))
                .post("/api/v1/schedules").then().statusCode(201).header("ETag", "\"0\"")
                .body("program", equalTo("recovery")).body("instrumentId", equalTo(PHQ9))
                .body("firstWithinDays", equalTo(30)).body("repeatEveryDays", equalTo(90))
                .body("windowDays", equalTo(14)).body("active", equalTo(true)).extract();
        String once = given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(Map.of("program", "recovery", "instrumentId", GAD7, "firstWithinDays", 14))
                .post("/api/v1/schedules").then().statusCode(201).body("repeatEveryDays", nullValue()).extract().path("id");
        for (String reader : List.of(Staff.member(tenant, "nora", "team-a", "case-manager"),
                TestTokens.user(tenant, "ava", "assessor"))) {
            given().auth().oauth2(reader).get("/api/v1/schedules").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(created.path("id"), once));
            given().auth().oauth2(reader).get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"");
        }
        given().auth().oauth2(sam).queryParam("program", "housing").get("/api/v1/schedules").then()
                .body("items", hasSize(0));
        given().auth().oauth2(tess).queryParam("limit", 1).get("/api/v1/schedules").then().body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());

        // One rule per program and instrument: change or reactivate that one.
        given().auth().oauth2(tess).contentType(ContentType.JSON).body(rule("recovery", PHQ9)).post("/api/v1/schedules")
                .then().statusCode(409).contentType("application/problem+json");
        // The same Idempotency-Key and body replays the first answer.
        String first = given().auth().oauth2(tess).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(rule("housing", PHQ9)).post("/api/v1/schedules").then().statusCode(201).extract().path("id");
        given().auth().oauth2(tess).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(rule("housing", PHQ9)).post("/api/v1/schedules").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void aRuleThatIsNotValidIsAProblemAndNothingIsStored() {
        Map<String, Map<String, Object>> bad = new HashMap<>();
        Map<String, Object> noFirst = rule("recovery", PHQ9);
        noFirst.remove("firstWithinDays");
        bad.put("firstWithinDays", noFirst);
        Map<String, Object> negative = rule("recovery", PHQ9);
        negative.put("repeatEveryDays", 0);
        bad.put("repeatEveryDays", negative);
        Map<String, Object> window = rule("recovery", PHQ9);
        window.put("windowDays", -1);
        bad.put("windowDays", window);
        bad.put("program", rule("Recovery Program", PHQ9));
        bad.put("instrumentId", rule("recovery", UUID.randomUUID().toString()));
        for (var entry : bad.entrySet()) {
            given().auth().oauth2(tess).contentType(ContentType.JSON).body(entry.getValue()).post("/api/v1/schedules")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(org.hamcrest.Matchers.endsWith(entry.getKey())));
        }
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM schedule_rule WHERE tenant_id = ?", tenant));
    }

    @Test
    void anUpdateNeedsTheLatestETag() {
        String url = given().auth().oauth2(tess).contentType(ContentType.JSON).body(rule("recovery", PHQ9))
                .post("/api/v1/schedules").then().statusCode(201).extract().header("Location");
        Map<String, Object> update = Map.of("firstWithinDays", 20, "repeatEveryDays", 60, "windowDays", 5, "active", true);
        given().auth().oauth2(tess).contentType(ContentType.JSON).body(update).put(url).then().statusCode(428);
        given().auth().oauth2(tess).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(url)
                .then().statusCode(200).header("ETag", "\"1\"").body("firstWithinDays", equalTo(20))
                .body("windowDays", equalTo(5));
        given().auth().oauth2(sam).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(url)
                .then().statusCode(412);
        given().auth().oauth2(tess).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("firstWithinDays", -3, "active", true)).put(url).then().statusCode(400);
    }

    @Test
    void onlyTenantAdminsAndSupervisorsSetRulesAndNoOneOutsideTheTenantSeesThem() {
        String url = given().auth().oauth2(tess).contentType(ContentType.JSON).body(rule("recovery", PHQ9))
                .post("/api/v1/schedules").then().statusCode(201).extract().header("Location");
        Map<String, Object> update = Map.of("firstWithinDays", 20, "active", true);
        given().get("/api/v1/schedules").then().statusCode(401);
        given().contentType(ContentType.JSON).body(rule("housing", PHQ9)).post("/api/v1/schedules").then().statusCode(401);
        for (String writer : List.of(Staff.member(tenant, "nora", "team-a", "case-manager"),
                TestTokens.user(tenant, "ava", "assessor"))) {
            given().auth().oauth2(writer).contentType(ContentType.JSON).body(rule("housing", PHQ9))
                    .post("/api/v1/schedules").then().statusCode(403);
            given().auth().oauth2(writer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(url)
                    .then().statusCode(403);
        }
        for (String outsider : List.of(TestTokens.user(tenant, "otto", "auditor"),
                TestTokens.partner(tenant, "partner-north", "system/assessments.read"))) {
            given().auth().oauth2(outsider).get("/api/v1/schedules").then().statusCode(403);
            given().auth().oauth2(outsider).get(url).then().statusCode(403);
        }
        String other = TestTokens.user("other-" + tenant, "ray", "tenant-admin");
        given().auth().oauth2(other).get(url).then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put(url)
                .then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/schedules").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(tess).get(url).then().statusCode(200).body("firstWithinDays", equalTo(30));
    }
}

package app.trellis.assessment.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.CaseAccessFeed;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Staff;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of assessment-service against every kind of caller who must not get data: no token (401),
 * another tenant (404), a case manager of another team (404), an auditor (403), a partner without the scope
 * (403), a partner with the scope but no consent (404 on reads, 403 on writes). Writes carry valid bodies and
 * ETags, so only authorization can refuse them.
 */
@QuarkusTest
class AssessmentAuthorizationMatrixTest {

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = Staff.member(tenant, "nora", "team-a", "case-manager");
    private final String admin = TestTokens.user(tenant, "tess", "tenant-admin");
    private final UUID caseId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private String draft;
    private String submitted;
    private String instrument;
    private String version;

    /** {@code caseBound}: refused with 404 to whoever does not see the case (or the tenant's instrument). */
    private record Call(String method, String path, Object body, boolean caseBound, boolean write, boolean authoring) {
    }

    @BeforeEach
    void noraWorksACaseWithAssessments() {
        MessageQueues.shared().drain(CaseAccessFeed.queue());
        CaseAccessFeed feed = new CaseAccessFeed(consumer, json);
        feed.send(feed.access(tenant, caseId, clientId, 1, "nora", "team-a", "open"));
        draft = start();
        submitted = start();
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("answers", AssessmentsResourceTest.phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .post("/api/v1/assessments/" + submitted + "/submit").then().statusCode(200);
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(definition("1"))
                .post("/api/v1/instruments").then().statusCode(201).extract();
        instrument = created.path("instrumentId");
        version = created.path("id");
    }

    private String start() {
        return given().auth().oauth2(nora).contentType(ContentType.JSON).body(startBody())
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> startBody() {
        return Map.of("clientId", clientId, "caseId", caseId, "instrumentVersionId", AssessmentsResourceTest.PHQ9);
    }

    private String definition(String label) {
        return ("{\"url\":\"https://%s.example/q/matrix\",\"version\":\"%s\",\"name\":\"matrix-%s\",\"title\":\"M\","
                + "\"items\":[{\"linkId\":\"a\",\"text\":\"A?\",\"type\":\"boolean\"}]}").formatted(tenant, label, tenant);
    }

    private List<Call> calls() {
        String a = "/api/v1/assessments/";
        String i = "/api/v1/instruments/" + instrument;
        String v = i + "/versions/" + version;
        Map<String, Object> answers = Map.of("answers", AssessmentsResourceTest.phq9(1, 1, 1, 1, 1, 1, 1, 1, 1));
        return List.of(
                new Call("GET", "/api/v1/assessments", null, false, false, false),
                new Call("GET", "/api/v1/assessments/due", null, false, false, false),
                new Call("POST", "/api/v1/assessments", startBody(), true, true, false),
                new Call("GET", a + draft, null, true, false, false),
                new Call("PUT", a + draft + "/answers", answers, true, true, false),
                new Call("POST", a + draft + "/submit", answers, true, true, false),
                new Call("POST", a + submitted + "/amendments", null, true, true, false),
                new Call("GET", a + submitted + "/fhir", null, true, false, false),
                new Call("GET", "/api/v1/instruments", null, false, false, false),
                new Call("GET", i, null, true, false, false),
                new Call("GET", i + "/versions", null, true, false, false),
                new Call("GET", v, null, true, false, false),
                new Call("GET", v + "/fhir", null, true, false, false),
                new Call("POST", "/api/v1/instruments", definition("1").replace("matrix", "other"), false, true, true),
                new Call("POST", i + "/versions", definition("2"), true, true, true),
                new Call("PUT", v, definition("1"), true, true, true),
                new Call("POST", v + "/publish", null, true, true, true),
                new Call("POST", v + "/retire", null, true, true, true));
    }

    @Test
    void noTokenIs401Everywhere() {
        expect(null, call -> true, 401);
    }

    @Test
    void anotherTenantFindsNothing() {
        expect(TestTokens.user("other-" + tenant, "ruth", "supervisor"), c -> c.caseBound() && !c.authoring(), 404);
        expect(TestTokens.user("other-" + tenant, "ray", "tenant-admin"), c -> c.caseBound() && c.authoring(), 404);
    }

    @Test
    void aCaseManagerOfAnotherTeamFindsNothing() {
        expect(Staff.member(tenant, "carl", "team-b", "case-manager"),
                c -> c.caseBound() && !c.authoring() && c.path().startsWith("/api/v1/assessments"), 404);
    }

    @Test
    void anAuditorIsRefusedEverything() {
        expect(TestTokens.user(tenant, "otto", "auditor"), call -> true, 403);
    }

    @Test
    void aPartnerWithoutTheScopeIsRefusedAndWithItButWithoutConsentFindsNothing() {
        expect(TestTokens.partner(tenant, "partner-north", "system/cases.read"), call -> true, 403);
        String scoped = TestTokens.partner(tenant, "partner-north", "system/assessments.read");
        expect(scoped, Call::write, 403);
        expect(scoped, c -> !c.write() && c.caseBound() && c.path().startsWith("/api/v1/assessments"), 404);
    }

    @Test
    void onlyTenantAdministratorsAuthorInstruments() {
        for (String role : List.of("case-manager", "supervisor", "assessor")) {
            expect(Staff.member(tenant, "u-" + role, "team-a", role), Call::authoring, 403);
        }
    }

    @Test
    void theOwnerGetsThroughSoTheMatrixIsNotVacuous() {
        for (Call call : calls()) {
            if (call.method().equals("GET")) {
                given().auth().oauth2(call.authoring() ? admin : nora).get(call.path()).then().statusCode(200);
            }
        }
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).get("/api/v1/assessments/" + draft)
                .then().statusCode(200);
    }

    private void expect(String token, Predicate<Call> applies, int status) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            if (!applies.test(call)) {
                continue;
            }
            RequestSpecification request = given().contentType(ContentType.JSON).header("If-Match", "\"0\"");
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (call.body() != null) {
                request.body(call.body());
            }
            int got = request.request(call.method(), call.path()).statusCode();
            if (got != status) {
                wrong.add(call.method() + " " + call.path().replace(tenant, "<tenant>") + " -> " + got);
            }
        }
        assertEquals(List.of(), wrong, "expected " + status);
    }
}

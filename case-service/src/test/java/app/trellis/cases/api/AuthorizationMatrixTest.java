package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every clinical endpoint of case-service against every kind of caller who must not get data: no token
 * (401), another tenant (404), a case manager of another team (404), an auditor (403), a partner without
 * the scope (403). Writes carry valid bodies and ETags, so only authorization can refuse them.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = manager(tenant, "nora", "team-a");
    private String client;
    private String caseId;
    private String note;

    private record Call(String method, String path, Object body, boolean byId, boolean breakGlass) {
    }

    @BeforeEach
    void noraWorksAClientAndACase() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"matrix\",\"name\":\"Matrix\"}").post("/api/v1/programs").then().statusCode(201);
        client = given().auth().oauth2(nora).contentType(ContentType.JSON).body(clientBody())
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        caseId = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "program", "matrix", "assignee", TestTokens.subjectOf("nora"), "team", "team-a", "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        note = given().auth().oauth2(nora).contentType(ContentType.JSON).body(noteBody())
                .post("/api/v1/cases/" + caseId + "/notes").then().statusCode(201).extract().path("id");
    }

    private List<Call> calls() {
        String c = "/api/v1/cases/" + caseId;
        String k = "/api/v1/clients/" + client;
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        return List.of(
                new Call("GET", "/api/v1/clients", null, false, false),
                new Call("POST", "/api/v1/clients", clientBody(), false, false),
                new Call("GET", k, null, true, false),
                new Call("PUT", k, clientBody(), true, false),
                new Call("GET", k + "/consents", null, true, false),
                new Call("POST", k + "/consents", Map.of("type", "treatment", "effectiveDate", LocalDate.now(ZoneOffset.UTC).toString()), true, false),
                new Call("GET", "/api/v1/cases", null, false, false),
                new Call("GET", c, null, true, false),
                new Call("POST", c + "/status", Map.of("status", "on-hold"), true, false),
                new Call("POST", c + "/assignment", Map.of("assignee", TestTokens.subjectOf("mallory"), "team", "team-z"), true, false),
                new Call("GET", c + "/assignments", null, true, false),
                new Call("GET", c + "/notes", null, true, false),
                new Call("POST", c + "/notes", noteBody(), true, false),
                new Call("GET", c + "/notes/" + note, null, true, false),
                new Call("POST", c + "/notes/" + note + "/addenda", Map.of("text", "addendum"), true, false),
                new Call("POST", c + "/notes/" + note + "/entered-in-error", Map.of("reason", "wrong"), true, false),
                new Call("GET", c + "/goals", null, true, false),
                new Call("POST", c + "/goals", Map.of("description", "A goal"), true, false),
                new Call("GET", c + "/tasks", null, true, false),
                new Call("POST", c + "/tasks", Map.of("title", "A task", "dueDate", due), true, false),
                new Call("POST", c + "/emergency-access", Map.of("reason", "an emergency of some kind"), true, true),
                new Call("GET", "/api/v1/caseload", null, false, false));
    }

    @Test
    void noTokenIs401Everywhere() {
        expect(null, call -> true, 401);
    }

    @Test
    void anotherTenantFindsNothing() {
        expect(TestTokens.user("other-" + tenant, "ruth", "supervisor"), Call::byId, 404);
    }

    @Test
    void aCaseManagerOfAnotherTeamFindsNothingWithoutBreakingGlass() {
        expect(manager(tenant, "carl", "team-b"), call -> call.byId() && !call.breakGlass(), 404);
    }

    @Test
    void anAuditorIsRefusedClinicalEndpoints() {
        expect(TestTokens.user(tenant, "otto", "auditor"), call -> true, 403);
    }

    @Test
    void aPartnerWithoutTheScopeIsRefused() {
        expect(TestTokens.partner(tenant, "reporting-north", "feed.read"), call -> true, 403);
    }

    @Test
    void theOwnerGetsThroughSoTheMatrixIsNotVacuous() {
        for (Call call : calls()) {
            if (call.method().equals("GET")) {
                given().auth().oauth2(nora).get(call.path()).then().statusCode(200);
            }
        }
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

    private static String clientBody() {
        return "{\"name\":{\"given\":\"Matrix\",\"family\":\"Person\"},\"birthDate\":\"1981-09-09\",\"sex\":\"unknown\"}";
    }

    private static Map<String, String> noteBody() {
        return Map.of("type", "contact", "occurredAt", Instant.now().minusSeconds(600).toString(), "text", "note");
    }

    private static String manager(String tenant, String name, String team) {
        return TestTokens.builder(name).claim("tenant", tenant).team(team)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    }
}

package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
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

    /** An endpoint that belongs to one set of roles: programs, the audit trail, the break-glass review. */
    private record Guarded(String method, String path, Object body, boolean byId, List<String> roles) {
    }

    private List<Guarded> guarded(String program, String grant) {
        List<String> staff = List.of("case-manager", "supervisor", "assessor", "tenant-admin");
        return List.of(
                new Guarded("GET", "/api/v1/programs", null, false, staff),
                new Guarded("POST", "/api/v1/programs", Map.of("code", "m-" + UUID.randomUUID().toString().substring(0, 6),
                        "name", "Another"), false, List.of("tenant-admin")),
                new Guarded("GET", "/api/v1/programs/" + program, null, true, staff),
                new Guarded("PUT", "/api/v1/programs/" + program, Map.of("name", "Matrix", "active", true), true,
                        List.of("tenant-admin")),
                new Guarded("GET", "/api/v1/audit?clientId=" + client, null, false, List.of("auditor")),
                new Guarded("GET", "/api/v1/audit/verification", null, false, List.of("auditor")),
                new Guarded("GET", "/api/v1/emergency-access", null, false, List.of("supervisor")),
                new Guarded("POST", "/api/v1/emergency-access/" + grant + "/review", Map.of("note", "seen"), true,
                        List.of("supervisor")));
    }

    @Test
    void programsTheAuditTrailAndTheBreakGlassReviewAnswerOnlyTheirRoles() {
        String program = given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).get("/api/v1/programs")
                .then().statusCode(200).extract().path("items.find { it.code == 'matrix' }.id");
        String grant = given().auth().oauth2(manager(tenant, "carl", "team-b")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Client in crisis, worker unreachable")).post("/api/v1/cases/" + caseId
                        + "/emergency-access").then().statusCode(201).extract().path("id");
        List<String> roles = List.of("case-manager", "supervisor", "assessor", "auditor", "tenant-admin");
        List<String> wrong = new ArrayList<>();
        for (Guarded call : guarded(program, grant)) {
            check(wrong, call, null, 401);
            check(wrong, call, TestTokens.partner(tenant, "partner-north", "system/clients.read", "system/cases.read"), 403);
            for (String role : roles) {
                String token = TestTokens.user(tenant, "u-" + role, role);
                if (!call.roles().contains(role)) {
                    check(wrong, call, token, 403);
                    continue;
                }
                int got = send(call, token);
                if (got == 401 || got == 403) {
                    wrong.add(call.method() + " " + call.path() + " as " + role + " -> " + got + " (expected to get through)");
                }
                if (call.byId()) {
                    check(wrong, call, TestTokens.user("other-" + tenant, "x-" + role, role), 404);
                }
            }
        }
        assertEquals(List.of(), wrong);
        // An auditor of another tenant reads their own trail, which does not hold this tenant's client.
        given().auth().oauth2(TestTokens.user("other-" + tenant, "otto", "auditor")).queryParam("clientId", client)
                .get("/api/v1/audit").then().statusCode(200).body("items", hasSize(0));
    }

    private void check(List<String> wrong, Guarded call, String token, int expected) {
        int got = send(call, token);
        if (got != expected) {
            wrong.add(call.method() + " " + call.path().replace(tenant, "<tenant>") + (token == null ? " without a token" : "")
                    + " -> " + got + " (expected " + expected + ")");
        }
    }

    private static int send(Guarded call, String token) {
        RequestSpecification request = given().contentType(ContentType.JSON).header("If-Match", "\"0\"");
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (call.body() != null) {
            request.body(call.body());
        }
        return request.request(call.method(), call.path()).statusCode();
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

package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The REST conventions every service shares (problem details, ETags, idempotency keys, paging, tenant
 * from the token), proven end to end on the program list against MariaDB and real signed tokens.
 */
@QuarkusTest
class ProgramsResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = TestTokens.user(tenant, "tess", "tenant-admin");

    @Test
    void definingAProgramReturnsCreatedWithLocationAndEtag() {
        Response created = create(admin, null, "{\"code\":\"care-coordination\",\"name\":\"Care coordination\"}");
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("code", equalTo("care-coordination"))
                .body("active", equalTo(true));
        given().auth().oauth2(admin).get(created.header("Location")).then()
                .statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Care coordination"));
    }

    @Test
    void aBadBodyGetsFieldErrorsAndWritesNothing() {
        create(admin, null, "{\"code\":\"Not A Code\",\"name\":\"\",\"description\":null}").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/validation"))
                .body("status", equalTo(400))
                .body("requestId", notNullValue())
                .body("instance", equalTo("/api/v1/programs"))
                .body("errors.field", contains("code", "name"));
        assertEquals(0, programRows());
    }

    @Test
    void malformedJsonAndWrongTypesAreProblemsToo() {
        create(admin, null, "{\"code\":").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"x\",\"active\":\"perhaps\"}")
                .put("/api/v1/programs/" + UUID.randomUUID()).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("active"));
        create(admin, null, null).then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.XML).body("<program/>").post("/api/v1/programs")
                .then().statusCode(415).contentType(PROBLEM);
        assertEquals(0, programRows());
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndAMissingOneWith428() {
        String location = create(admin, null, "{\"code\":\"housing\",\"name\":\"Housing\"}").header("Location");
        update(location, "\"0\"", "Housing support").then().statusCode(200).header("ETag", "\"1\"");
        update(location, "\"0\"", "Stale rename").then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/precondition-failed"));
        update(location, null, "No precondition").then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(admin).get(location).then().body("name", equalTo("Housing support"));
    }

    @Test
    void concurrentUpdatesWithTheSameEtagLetExactlyOneWin() {
        String location = create(admin, null, "{\"code\":\"race\",\"name\":\"Race\"}").header("Location");
        List<Integer> statuses = Race.of(4, i -> update(location, "\"0\"", "Writer " + i).statusCode())
                .stream().sorted().toList();
        assertEquals(List.of(200, 412, 412, 412), statuses);
        given().auth().oauth2(admin).get(location).then().header("ETag", "\"1\"");
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = "{\"code\":\"respite\",\"name\":\"Respite care\"}";
        Response first = create(admin, key, body);
        first.then().statusCode(201);
        Response second = create(admin, key, body);
        second.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
        assertEquals(1, programRows());
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        create(admin, key, "{\"code\":\"meals\",\"name\":\"Meals\"}").then().statusCode(201);
        create(admin, key, "{\"code\":\"meals-2\",\"name\":\"Meals\"}").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/idempotency-key-reused"));
        assertEquals(1, programRows());
    }

    @Test
    void aFailedCreateLeavesItsIdempotencyKeyFree() {
        String key = UUID.randomUUID().toString();
        create(admin, null, "{\"code\":\"dup\",\"name\":\"First\"}").then().statusCode(201);
        create(admin, key, "{\"code\":\"dup\",\"name\":\"Second\"}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/conflict/program-code-taken"));
        create(admin, key, "{\"code\":\"dup-2\",\"name\":\"Second\"}").then().statusCode(201);
    }

    @Test
    void concurrentCreatesWithOneKeyCreateOneProgram() {
        String key = UUID.randomUUID().toString();
        List<Response> responses = Race.of(3, i -> create(admin, key, "{\"code\":\"burst\",\"name\":\"Burst\"}"));
        responses.forEach(r -> assertEquals(201, r.statusCode()));
        assertEquals(1, responses.stream().map(r -> r.path("id").toString()).distinct().count());
        assertEquals(1, programRows());
    }

    @Test
    void aTokenWithoutTenantIsForbidden() {
        given().auth().oauth2(TestTokens.withoutTenant("tess", "tenant-admin")).get("/api/v1/programs").then()
                .statusCode(403).contentType(PROBLEM).body("type", equalTo("https://trellis.app/problems/missing-tenant"));
    }

    @Test
    void noTokenOrABadTokenIs401Problem() {
        given().get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-jwt").get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
        String otherIssuer = TestTokens.builder("mallory").claim("tenant", tenant).issuer("https://evil.example.com").build();
        given().auth().oauth2(otherIssuer).get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
        String expired = TestTokens.builder("tess").claim("tenant", tenant).expiresIn(-600).build();
        given().auth().oauth2(expired).get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aRoleThatMayNotWriteGets403() {
        create(TestTokens.user(tenant, "nora", "case-manager"), null, "{\"code\":\"nope\",\"name\":\"Nope\"}").then()
                .statusCode(403).contentType(PROBLEM);
        assertEquals(0, programRows());
    }

    @Test
    void anotherTenantsProgramIsNotFound() {
        String location = create(admin, null, "{\"code\":\"private\",\"name\":\"Private\"}").header("Location");
        String otherAdmin = TestTokens.user("other-" + tenant, "ray", "tenant-admin");
        given().auth().oauth2(otherAdmin).get(location).then().statusCode(404).contentType(PROBLEM);
        update(location, "\"0\"", "Hijack", otherAdmin).then().statusCode(404);
        given().auth().oauth2(otherAdmin).get("/api/v1/programs").then().body("items", hasSize(0));
    }

    @Test
    void listsArePagedWithAnOpaqueCursor() {
        for (String code : List.of("c-1", "c-2", "c-3", "c-4", "c-5")) {
            create(admin, null, "{\"code\":\"" + code + "\",\"name\":\"" + code + "\"}").then().statusCode(201);
        }
        Response first = given().auth().oauth2(admin).queryParam("limit", 2).get("/api/v1/programs");
        first.then().statusCode(200).body("items.code", contains("c-1", "c-2")).body("nextCursor", notNullValue());
        Response second = given().auth().oauth2(admin).queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString()).get("/api/v1/programs");
        second.then().body("items.code", contains("c-3", "c-4"));
        given().auth().oauth2(admin).queryParam("limit", 2).queryParam("cursor", second.path("nextCursor").toString())
                .get("/api/v1/programs").then().body("items.code", contains("c-5")).body("nextCursor", nullValue());
        given().auth().oauth2(admin).get("/api/v1/programs").then().body("items", hasSize(5));
        given().auth().oauth2(admin).queryParam("limit", 201).get("/api/v1/programs").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("cursor", "garbage!").get("/api/v1/programs").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theRequestIdIsAcceptedOrMadeAndReturned() {
        given().auth().oauth2(admin).header("X-Request-Id", "req-1234567890").get("/api/v1/programs").then()
                .header("X-Request-Id", "req-1234567890");
        String made = given().auth().oauth2(admin).header("X-Request-Id", "bad id\r\nInjected: yes")
                .get("/api/v1/programs/" + UUID.randomUUID()).then().statusCode(404)
                .extract().header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f-]{36}"), made);
        given().get("/api/v1/programs").then().statusCode(401).body("requestId", notNullValue());
    }

    private Response create(String token, String idempotencyKey, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/programs");
    }

    private Response update(String location, String ifMatch, String name) {
        return update(location, ifMatch, name, admin);
    }

    private Response update(String location, String ifMatch, String name, String token) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"active\":true}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(location);
    }

    private int programRows() {
        return Sql.count(db, "SELECT COUNT(*) FROM program WHERE tenant_id = ?", tenant);
    }
}

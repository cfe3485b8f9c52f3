package app.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class GatewayRoutingTest {

    private static final String PROBLEM = "application/problem+json";
    private final String nora = TestTokens.user("north", "nora", "case-manager");

    @Test
    void eachPrefixReachesItsOwnService() {
        given().auth().oauth2(nora).get("/api/v1/programs?limit=2").then().statusCode(200)
                .body("service", equalTo("case")).body("uri", equalTo("/api/v1/programs?limit=2"));
        given().auth().oauth2(nora).get("/api/v1/documents").then().statusCode(200).body("service", equalTo("document"));
        given().auth().oauth2(nora).get("/api/v1/feed").then().statusCode(200).body("service", equalTo("reporting"));
    }

    @Test
    void bodiesHeadersAndTheTokenArePassedOn() {
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body("{\"code\":\"housing\"}").post("/api/v1/programs").then()
                .statusCode(201).header("ETag", "\"7\"")
                .body("method", equalTo("POST"))
                .body("body", equalTo("{\"code\":\"housing\"}"))
                .body("authorization", equalTo("Bearer " + nora))
                .body("forwardedFor", notNullValue());
    }

    @Test
    void theRequestIdIsKeptOrMadeAndReachesTheService() {
        given().auth().oauth2(nora).header("X-Request-Id", "gw-test-000001").get("/api/v1/programs").then()
                .header("X-Request-Id", "gw-test-000001").body("requestId", equalTo("gw-test-000001"));
        String made = given().auth().oauth2(nora).get("/api/v1/programs").then().extract().header("X-Request-Id");
        given().auth().oauth2(nora).get("/api/v1/programs").then().body("requestId", notNullValue());
        org.junit.jupiter.api.Assertions.assertTrue(made.matches("[0-9a-f-]{36}"));
    }

    @Test
    void withoutAValidTokenTheGatewayAnswers401ProblemAndForwardsNothing() {
        given().get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("requestId", notNullValue());
        given().auth().oauth2("garbage").get("/api/v1/documents").then().statusCode(401).contentType(PROBLEM);
        String expired = TestTokens.builder("nora").claim("tenant", "north").expiresIn(-600).build();
        given().auth().oauth2(expired).get("/api/v1/documents").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aTokenWithoutTenantIs403() {
        given().auth().oauth2(TestTokens.withoutTenant("nora", "case-manager")).get("/api/v1/programs").then()
                .statusCode(403).contentType(PROBLEM).body("type", equalTo("https://trellis.app/problems/missing-tenant"));
    }

    @Test
    void unknownPathsAndDownServicesAreProblems() {
        given().auth().oauth2(nora).get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(nora).get("/api/v1/programsx").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(nora).get("/api/v1/instruments").then().statusCode(502).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/upstream-unavailable"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504() {
        given().auth().oauth2(nora).get("/api/v1/programs/slow").then().statusCode(504).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/upstream-timeout"));
    }

    @Test
    void dotSegmentsCannotEscapeARoute() {
        given().auth().oauth2(nora).urlEncodingEnabled(false).get("/api/v1/documents/../programs").then()
                .statusCode(200).body("service", equalTo("case")).body("uri", equalTo("/api/v1/programs"));
    }

    @Test
    void healthIsOpen() {
        given().get("/q/health/live").then().statusCode(200);
    }
}

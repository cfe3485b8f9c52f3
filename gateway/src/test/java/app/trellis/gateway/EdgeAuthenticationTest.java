package app.trellis.gateway;

import static app.trellis.gateway.GatewayRoutingTest.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class EdgeAuthenticationTest {

    @Test
    void withoutAValidTokenTheGatewayAnswers401AndNoServiceIsCalled() {
        Upstream documents = Upstream.of("document");
        long before = documents.served();
        given().get("/api/v1/documents").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("requestId", notNullValue());
        given().header("Authorization", "Basic bm9yYTp0cmVsbGlz").get("/api/v1/documents").then().statusCode(401);
        given().auth().oauth2("garbage").get("/api/v1/documents").then().statusCode(401).contentType(PROBLEM);
        String expired = TestTokens.builder("nora").claim("tenant", "north").expiresIn(-600).build();
        given().auth().oauth2(expired).get("/api/v1/documents").then().statusCode(401).contentType(PROBLEM);
        String foreignIssuer = TestTokens.builder("nora").claim("tenant", "north").issuer("https://evil.example").build();
        given().auth().oauth2(foreignIssuer).get("/api/v1/documents").then().statusCode(401);
        String otherAudience = TestTokens.builder("nora").claim("tenant", "north").claim("aud", "someone-else").build();
        given().auth().oauth2(otherAudience).get("/api/v1/documents").then().statusCode(401);
        String unsigned = TestTokens.user("north", "nora", "case-manager");
        unsigned = unsigned.substring(0, unsigned.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(unsigned).get("/api/v1/documents").then().statusCode(401);
        assertThat(documents.served(), equalTo(before));
    }

    @Test
    void aTokenWithoutTenantIs403() {
        given().auth().oauth2(TestTokens.withoutTenant("nora", "case-manager")).get("/api/v1/programs").then()
                .statusCode(403).contentType(PROBLEM).body("type", equalTo("https://trellis.app/problems/missing-tenant"));
    }

    @Test
    void aRememberedVerificationEndsWithTheTokensExpiry() throws InterruptedException {
        String shortLived = TestTokens.builder("sam").claim("tenant", "north").expiresIn(2).build();
        given().auth().oauth2(shortLived).get("/api/v1/programs").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/programs").then().statusCode(200);
        Thread.sleep(3_100);
        given().auth().oauth2(shortLived).get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
    }
}

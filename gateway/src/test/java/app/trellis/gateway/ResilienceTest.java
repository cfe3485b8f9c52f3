package app.trellis.gateway;

import static app.trellis.gateway.GatewayRoutingTest.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class ResilienceTest {

    private final String ava = TestTokens.user("north", "ava", "assessor");

    @Test
    void aFailingServiceOpensItsBreakerWhileTheOthersKeepWorkingAndATrialClosesIt() throws InterruptedException {
        Upstream assessments = Upstream.of("assessment");
        assessments.fail();
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(ava).get("/api/v1/assessments").then().statusCode(502).contentType(PROBLEM);
            }
            long reached = assessments.served();
            given().auth().oauth2(ava).get("/api/v1/assessments").then().statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", equalTo("1"))
                    .body("type", equalTo("https://trellis.app/problems/upstream-unavailable"));
            assertThat("an open breaker calls nobody", assessments.served(), equalTo(reached));
            given().auth().oauth2(ava).get("/api/v1/programs").then().statusCode(200);
            given().auth().oauth2(ava).get("/api/v1/documents").then().statusCode(200);
        } finally {
            assessments.recover();
        }
        Thread.sleep(1_200);
        given().auth().oauth2(ava).get("/api/v1/assessments").then().statusCode(200);
        given().auth().oauth2(ava).get("/api/v1/assessments").then().statusCode(200);
    }

    @Test
    void connectingIsRetriedForIdempotentMethodsOnly() {
        // Nobody listens: a GET is tried again twice, after 50 and 100 ms, before it is answered 502.
        long started = System.nanoTime();
        given().auth().oauth2(ava).get("/api/v1/gone/x").then().statusCode(502).contentType(PROBLEM);
        assertThat((System.nanoTime() - started) / 1_000_000 >= 150, equalTo(true));
        given().auth().oauth2(ava).body("{}").contentType("application/json").post("/api/v1/gone/x").then()
                .statusCode(502).contentType(PROBLEM);
    }
}

package app.trellis.gateway;

import static app.trellis.gateway.GatewayRoutingTest.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
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
    void callersThatGoAwayDoNotOpenTheBreakerOfTheServiceTheyLeft() throws Exception {
        URL gateway = new URL(ConfigProvider.getConfig().getValue("test.url", String.class));
        given().auth().oauth2(ava).get("/api/v1/programs").then().statusCode(200); // the token is verified now
        // Three callers in a row (the test breaker opens after three failures, for one second) hang up.
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                socket.getOutputStream().write(("GET /api/v1/programs/slow HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ava + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                Thread.sleep(150);
            }
        }
        Thread.sleep(50);
        // Within the second an opened breaker would stay open.
        given().auth().oauth2(ava).get("/api/v1/programs").then().statusCode(200);
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

package app.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class GatewayRoutingTest {

    static final String PROBLEM = "application/problem+json";
    private final String nora = TestTokens.user("north", "nora", "case-manager");

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void eachPrefixReachesItsOwnServiceAndTheLongestPrefixWins() {
        given().auth().oauth2(nora).get("/api/v1/programs?limit=2").then().statusCode(200)
                .body("service", equalTo("case")).body("uri", equalTo("/api/v1/programs?limit=2"));
        given().auth().oauth2(nora).get("/api/v1/documents").then().statusCode(200).body("service", equalTo("document"));
        given().auth().oauth2(nora).get("/api/v1/instruments/i-1").then().statusCode(200).body("service", equalTo("assessment"));
        given().auth().oauth2(nora).get("/api/v1/audit").then().statusCode(200).body("service", equalTo("case"));
        given().auth().oauth2(nora).get("/api/v1/audit/clients/c-1").then().statusCode(200).body("service", equalTo("reporting"));
    }

    @Test
    void bodiesHeadersAndTheTokenArePassedOnUnchanged() {
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body("{\"code\":\"housing\"}").post("/api/v1/programs").then()
                .statusCode(201).header("ETag", "\"7\"")
                .body("method", equalTo("POST"))
                .body("size", equalTo(18))
                .body("headers.authorization", equalTo("Bearer " + nora))
                .body("headers.idempotency-key", equalTo("k-1"));
    }

    @Test
    void theRequestIdIsKeptOrMadeAndReachesTheService() {
        given().auth().oauth2(nora).header("X-Request-Id", "gw-test-000001").get("/api/v1/programs").then()
                .header("X-Request-Id", "gw-test-000001").body("headers.x-request-id", equalTo("gw-test-000001"));
        var made = given().auth().oauth2(nora).header("X-Request-Id", "bad id\r\nX-Evil: 1").get("/api/v1/programs")
                .then().statusCode(200).extract();
        assertThat(made.header("X-Request-Id"), matchesPattern("[0-9a-f-]{36}"));
        assertThat(made.path("headers.x-request-id"), equalTo(made.header("X-Request-Id")));
    }

    @Test
    void aTraceContextIsContinuedOrStarted() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().auth().oauth2(nora).header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .header("tracestate", "vendor=1").get("/api/v1/programs").then()
                .body("headers.traceparent", matchesPattern("00-" + trace + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01"))
                .body("headers.tracestate", equalTo("vendor=1"));
        given().auth().oauth2(nora).header("traceparent", "garbage").get("/api/v1/programs").then()
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void forwardingHeadersComeFromTheGatewayNotTheCaller() {
        given().auth().oauth2(nora)
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Port", "1").header("X-Forwarded-Ssl", "on").header("Forwarded", "for=6.6.6.6;host=evil.example")
                .get("/api/v1/programs").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-host", equalTo(gateway.getHost()))
                .body("headers.x-forwarded-port", equalTo(Integer.toString(gateway.getPort())))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-prefix", nullValue())
                .body("headers.x-forwarded-ssl", nullValue())
                .body("headers.forwarded", nullValue());
    }

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionStayOnTheirHop() throws Exception {
        String response = rawExchange("GET /api/v1/programs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + nora
                + "\r\nConnection: keep-alive, X-Client-Hop\r\nX-Client-Hop: secret\r\nKeep-Alive: timeout=5\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response, startsWith("HTTP/1.1 200"));
        assertThat(response, not(org.hamcrest.Matchers.containsString("x-client-hop")));
        assertThat(response, not(org.hamcrest.Matchers.containsString("keep-alive\":")));
        // The service's own Connection-named header does not reach the caller either.
        given().auth().oauth2(nora).get("/api/v1/programs").then().statusCode(200)
                .header("X-Upstream-Hop", nullValue()).header("X-Request-Id", not(equalTo("upstream-echo")));
    }

    @Test
    void unknownPathsAndDownServicesAreProblems() {
        given().auth().oauth2(nora).get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(nora).get("/api/v1/programsx").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(nora).get("/api/v1/dead").then().statusCode(502).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/upstream-unavailable"))
                .body("requestId", notNullValue());
    }

    @Test
    void aServiceThatDoesNotAnswerBeforeTheDeadlineIs504() {
        long started = System.nanoTime();
        given().auth().oauth2(nora).get("/api/v1/programs/slow").then().statusCode(504).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/upstream-timeout"));
        assertThat((System.nanoTime() - started) / 1_000_000 < 6_000, equalTo(true));
    }

    @Test
    void dotSegmentsCannotEscapeARoute() {
        given().auth().oauth2(nora).urlEncodingEnabled(false).get("/api/v1/documents/../programs").then()
                .statusCode(200).body("service", equalTo("case")).body("uri", equalTo("/api/v1/programs"));
    }

    /** One request written byte for byte, for headers a client library would not send as given. */
    String rawExchange(String request) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                text.append(line).append('\n');
            }
            return text.toString();
        }
    }
}

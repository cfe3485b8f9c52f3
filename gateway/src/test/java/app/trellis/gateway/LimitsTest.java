package app.trellis.gateway;

import static app.trellis.gateway.GatewayRoutingTest.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class LimitsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aUserOverTheRouteClassLimitGets429WithRetryAfterAndOthersDoNot() {
        // The bulk class allows 1 request a second per user here, with a burst of 2.
        String rhea = TestTokens.user("river", "rhea", "auditor");
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response response = given().auth().oauth2(rhea).get("/api/v1/feed");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode(), equalTo(200));
            }
        }
        assertThat("the limit was reached", refused != null, equalTo(true));
        refused.then().contentType(PROBLEM).body("type", equalTo("https://trellis.app/problems/too-many-requests"));
        assertThat(Integer.parseInt(refused.header("Retry-After")), greaterThanOrEqualTo(1));
        given().auth().oauth2(TestTokens.user("river", "ruth", "supervisor")).get("/api/v1/feed").then().statusCode(200);
        given().auth().oauth2(rhea).get("/api/v1/programs").then().statusCode(200);
    }

    @Test
    void theAccountsOfOneClientShareItsLimit() {
        // The bulk class allows 1 request a second per client here (burst 2): four accounts of one
        // client, each within its own limit, reach the client's together.
        int refused = 0;
        for (int account = 0; account < 4; account++) {
            String token = TestTokens.builder("svc-" + account).subject("svc-" + account).claim("tenant", "north")
                    .claim("azp", "bulk-partner").claim("scope", "feed.read").build();
            for (int i = 0; i < 2; i++) {
                refused += given().auth().oauth2(token).get("/api/v1/feed").statusCode() == 429 ? 1 : 0;
            }
        }
        assertThat(refused > 0, equalTo(true));
    }

    @Test
    void aDeclaredBodyOverTheRouteClassCapIs413BeforeItIsRead() throws Exception {
        String response = raw("POST /api/v1/programs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.user("north", "nora", "case-manager")
                + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n", null);
        assertThat(response, startsWith("HTTP/1.1 413"));
        assertThat(response, containsString("body-too-large"));
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCapWith413() throws Exception {
        Upstream cases = Upstream.of("case");
        byte[] chunk = new byte[256 * 1024];
        String response = raw("POST /api/v1/programs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.user("north", "ned", "case-manager")
                + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n", out -> {
                    for (int i = 0; i < 6; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                });
        assertThat(response, startsWith("HTTP/1.1 413"));
        assertThat(response, containsString("application/problem+json"));
        assertThat(cases.served() > 0, equalTo(true));
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        given().header("Origin", "https://app.trellis.test").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/programs").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.trellis.test");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/programs").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(TestTokens.user("north", "nora", "case-manager"))
                .get("/api/v1/programs").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    interface Body {
        void write(OutputStream out) throws Exception;
    }

    private String raw(String head, Body body) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body != null) {
                try {
                    body.write(out);
                } catch (java.io.IOException closedByTheGateway) {
                    // Expected once the cap is passed: the gateway answers and stops reading.
                }
            }
            // Head, then exactly the body its Content-Length announces (the connection may stay open).
            var in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            int length = -1;
            try {
                StringBuilder line = new StringBuilder();
                for (int c = in.read(); c >= 0; c = in.read()) {
                    if (c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    String header = line.toString().trim();
                    text.append(header).append('\n');
                    line.setLength(0);
                    if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                    if (header.isEmpty()) {
                        break;
                    }
                }
                for (int i = 0; i < length; i++) {
                    text.append((char) in.read());
                }
            } catch (java.io.IOException reset) {
                // What was read before the connection was reset is the answer.
            }
            return text.toString();
        }
    }
}

package app.trellis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class OperationsTest {

    private final String nora = TestTokens.user("north", "nora", "case-manager");

    @Test
    void metricsAreLabelledByRouteTemplateAndServedOnTheManagementPortOnly() {
        String clientId = UUID.randomUUID().toString();
        given().auth().oauth2(nora).get("/api/v1/clients/" + clientId).then().statusCode(200);
        given().auth().oauth2(nora).get("/api/v1/random-" + clientId).then().statusCode(404);
        String metrics = given().baseUri("http://127.0.0.1").port(managementPort()).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        assertThat(metrics, containsString("trellis_gateway_requests_seconds_count{method=\"GET\",route=\"/api/v1/clients\",status=\"200\",upstream=\"case\"}"));
        assertThat(metrics, containsString("route=\"unmatched\""));
        assertThat(metrics, not(containsString(clientId)));
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void livenessIsOpenAndReadinessNamesTheReachableUpstreams() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.case", equalTo("reachable"))
                .body("checks.find { it.name == 'upstreams' }.data.dead", equalTo("unreachable"));
    }

    @Test
    void oneApiDocumentMergesWhatEachServiceServesWithoutAToken() {
        given().get("/api/docs/openapi.json").then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("Trellis API"))
                .body("paths", hasKey("/api/v1/programs/case"))
                .body("paths", hasKey("/api/v1/documents/document"))
                .body("paths", not(hasKey("/api/v1/programs/document")))
                .body("paths", not(hasKey("/api/v1/documents/case")))
                .body("paths", not(hasKey("/api/v1/case-things")))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("documentThing"))
                .body("x-trellis-missing", hasItem("dead"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().redirects().follow(true).get("/api/docs/").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("openapi.json"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().auth().oauth2(nora).get("/api/v1/programs").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", notNullValue());
        given().get("/api/v1/programs").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Server", nullValue());
    }

    @Test
    void theAccessLogHoldsMethodPathStatusAndRequestIdButNeverTheQueryString() throws Exception {
        String id = "access-" + UUID.randomUUID();
        given().auth().oauth2(nora).header("X-Request-Id", id)
                .get("/api/v1/clients?name=Synthetic-Searched-Name&birthDate=1970-01-01").then().statusCode(200);
        String line = accessLogLine(id);
        assertThat(line, containsString("\"GET /api/v1/clients HTTP/1.1\" 200 "));
        assertThat(line, not(containsString("Synthetic-Searched-Name")));
        assertThat(line, not(containsString("1970")));
        assertThat(line, not(containsString("?")));
    }

    @Test
    void aRequestRefusedBeforeAnyUpstreamIsLoggedToo() throws Exception {
        String id = "refused-" + UUID.randomUUID();
        given().header("X-Request-Id", id).get("/api/v1/clients").then().statusCode(401);
        assertThat(accessLogLine(id), containsString("\"GET /api/v1/clients HTTP/1.1\" 401 "));
    }

    /** The line of one request, once the access log has written it (lines wait up to its flush interval). */
    private static String accessLogLine(String requestId) throws Exception {
        Path file = Path.of("target/access.log");
        for (int i = 0; i < 100; i++) {
            if (Files.exists(file)) {
                var found = Files.readAllLines(file).stream().filter(l -> l.contains("[req=" + requestId + "]")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access log line for request " + requestId);
    }

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}

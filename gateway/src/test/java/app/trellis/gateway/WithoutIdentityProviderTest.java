package app.trellis.gateway;

import static app.trellis.gateway.GatewayRoutingTest.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import app.trellis.platform.testing.Ports;
import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identity provider is down (nobody listens where it should be) and no SPA origin is configured, as a
 * production gateway would be started with none.
 */
@QuarkusTest
@TestProfile(WithoutIdentityProviderTest.Down.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class WithoutIdentityProviderTest {

    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:" + Ports.free() + "/realms/trellis",
                    "quarkus.oidc.connection-timeout", "1S",
                    "quarkus.http.cors.origins", "");
        }
    }

    @Test
    void tokensThatCannotBeCheckedAre503NotTheCallersFault() {
        Upstream cases = Upstream.of("case");
        long before = cases.served();
        given().auth().oauth2(TestTokens.user("north", "nora", "case-manager")).get("/api/v1/programs").then()
                .statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/identity-provider-unavailable"));
        given().get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
        assertThat(cases.served(), equalTo(before));
    }

    @Test
    void withoutConfiguredOriginsNoCrossOriginCallerIsAllowed() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/programs").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.trellis.test").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/programs").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}

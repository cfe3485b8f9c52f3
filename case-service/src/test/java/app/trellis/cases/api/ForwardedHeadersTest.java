package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service believes forwarding headers (the caller's address, scheme, host and path prefix, which end up in
 * {@code Location} and in the audit trail) only from the proxies in {@code TRELLIS_TRUSTED_PROXIES}: the gateway
 * and the load balancer. From any other address a caller would choose the URLs the service answers with.
 */
@QuarkusTest
class ForwardedHeadersTest {

    static final String FORWARDED_HOST = "api.trellis.example";

    static Response createProgram() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .header("X-Forwarded-Host", FORWARDED_HOST).header("X-Forwarded-Proto", "https")
                .body("{\"code\":\"fwd-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Forwarded\"}")
                .post("/api/v1/programs");
    }

    /** The tests call from 127.0.0.1, which the default configuration trusts (the gateway runs there locally). */
    @Test
    void fromATrustedProxyTheForwardedHostAndSchemeMakeTheLocation() {
        createProgram().then().statusCode(201).header("Location", startsWith("https://" + FORWARDED_HOST + "/"));
    }
}

package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.trellis.platform.security.RememberedTokens;
import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A verified token is remembered until shortly before it could have changed: never past its expiry, keyed by
 * the whole token (one changed byte is verified afresh), and its roles and scopes are the token's own.
 */
@QuarkusTest
class RememberedTokensTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    RememberedTokens tokens;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aVerifiedTokenIsAnsweredFromMemoryOnItsNextRequest() {
        String token = TestTokens.user(tenant, "nora", "case-manager");
        long before = tokens.answeredFromMemory();
        given().auth().oauth2(token).get("/api/v1/programs").then().statusCode(200);
        assertThat(tokens.answeredFromMemory(), equalTo(before));
        given().auth().oauth2(token).get("/api/v1/programs").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/programs").then().statusCode(200);
        assertThat(tokens.answeredFromMemory(), equalTo(before + 2));
    }

    @Test
    void aRememberedTokenWithOneByteChangedIsVerifiedAndRefused() {
        String token = TestTokens.user(tenant, "nora", "case-manager");
        given().auth().oauth2(token).get("/api/v1/programs").then().statusCode(200);
        long before = tokens.answeredFromMemory();
        // A character inside the signature (the last one may only hold padding bits).
        int at = token.lastIndexOf('.') + 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth().oauth2(forged).get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
        assertThat(tokens.answeredFromMemory(), equalTo(before));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String shortLived = TestTokens.builder("sam").claim("tenant", tenant)
                .claim("realm_access", Map.of("roles", List.of("case-manager"))).expiresIn(2).build();
        given().auth().oauth2(shortLived).get("/api/v1/programs").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/programs").then().statusCode(200);
        Thread.sleep(3_100);
        given().auth().oauth2(shortLived).get("/api/v1/programs").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theRolesAreThoseOfTheTokenNotOfAnotherTokenOfTheSameUser() {
        String asAdmin = TestTokens.user(tenant, "tess", "tenant-admin");
        String asCaseManager = TestTokens.user(tenant, "tess", "case-manager");
        for (int i = 0; i < 2; i++) {
            define(asAdmin, "first-" + i).then().statusCode(201);
            define(asCaseManager, "second-" + i).then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void aPartnersScopesStillGrantItsRolesWhenTheTokenComesFromMemory() {
        String partner = TestTokens.partner(tenant, "partner-north", "system/clients.read");
        long before = tokens.answeredFromMemory();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(partner).queryParam("name", "Lovelace").get("/api/v1/clients").then().statusCode(200);
        }
        assertThat(tokens.answeredFromMemory(), equalTo(before + 1));
    }

    private static io.restassured.response.Response define(String token, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Program " + code + "\"}").post("/api/v1/programs");
    }
}

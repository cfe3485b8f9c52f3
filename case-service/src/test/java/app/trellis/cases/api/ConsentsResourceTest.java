package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentsResourceTest {

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private String consents;
    private String clientId;

    @BeforeEach
    void aClient() {
        clientId = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Septima\",\"family\":\"Clark\"},\"birthDate\":\"1968-05-03\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        consents = "/api/v1/clients/" + clientId + "/consents";
    }

    @Test
    void consentsAreGrantedInForceWithinTheirDatesAndRevokedNotDeleted() {
        String sharing = grant(Map.of("type", "data-sharing", "partner", "partner-north",
                "effectiveDate", today.minusDays(1).toString(), "expiryDate", today.plusYears(1).toString()))
                .then().statusCode(201).body("inForce", equalTo(true)).extract().path("id");
        grant(Map.of("type", "treatment", "effectiveDate", today.plusDays(10).toString())).then().statusCode(201)
                .body("inForce", equalTo(false));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\":\"Client withdrew consent by phone\"}").post(consents + "/" + sharing + "/revocation")
                .then().statusCode(200).body("status", equalTo("revoked")).body("inForce", equalTo(false));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"reason\":\"again\"}").post(consents + "/" + sharing + "/revocation").then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/consent-already-revoked"));
        given().auth().oauth2(nora).get(consents).then().statusCode(200)
                .body("items.type", contains("data-sharing", "treatment")).body("items.status", contains("revoked", "granted"))
                .body("nextCursor", nullValue());
        assertEquals(List.of("granted", "revoked"), Jdbc.query(db, "consent events", "SELECT envelope FROM outbox_event"
                        + " WHERE tenant_id = ? AND type = 'app.trellis.consent.changed.v1' AND envelope LIKE ?"
                        + " ORDER BY sequence_no", rs -> rs.getString(1).contains("\"status\":\"revoked\"") ? "revoked" : "granted",
                tenant, "%" + sharing + "%"));
    }

    @Test
    void theRulesOfAConsentHold() {
        grant(Map.of("type", "data-sharing", "effectiveDate", today.toString())).then().statusCode(409)
                .body("type", equalTo("https://trellis.app/problems/conflict/data-sharing-needs-partner"));
        grant(Map.of("type", "treatment", "effectiveDate", today.toString(), "expiryDate", today.minusDays(1).toString()))
                .then().statusCode(409);
        grant(Map.of("type", "gossip", "effectiveDate", today.toString())).then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.builder("carl").claim("tenant", tenant).team("team-b")
                        .claim("realm_access", Map.of("roles", List.of("case-manager"))).build())
                .get(consents).then().statusCode(404);
    }

    private io.restassured.response.Response grant(Map<String, String> body) {
        return given().auth().oauth2(nora).contentType(ContentType.JSON).body(body).post(consents);
    }
}

package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestClock;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner systems read a client, and the client's cases, only while a data-sharing consent naming that
 * partner is in force: scopes say what kind of data a partner may read, consents say whose.
 */
@QuarkusTest
class PartnerAccessTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    private final String north = TestTokens.partner(tenant, "partner-north", "system/clients.read", "system/cases.read");
    private final String south = TestTokens.partner(tenant, "partner-south", "system/clients.read", "system/cases.read");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private String ada;
    private String adasCase;
    private String bea;
    private String beasCase;

    @BeforeEach
    void twoClientsWithACaseEach() {
        given().auth().oauth2(TestTokens.user(tenant, "tess", "tenant-admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"care-coordination\",\"name\":\"Care coordination\"}").post("/api/v1/programs")
                .then().statusCode(201);
        ada = register("Ada", "Lovelace");
        adasCase = openCase(ada);
        bea = register("Bea", "Lovelace");
        beasCase = openCase(bea);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void withoutAConsentThePartnerSeesNothingAndWithOneOnlyThatClientAndTheirCases() {
        assertHidden(north, ada, adasCase);
        given().auth().oauth2(north).queryParam("name", "Lovelace").get("/api/v1/clients").then().statusCode(200)
                .body("items", hasSize(0));

        String consent = consent(ada, "partner-north", today, null);
        given().auth().oauth2(north).get("/api/v1/clients/" + ada).then().statusCode(200)
                .body("name.given", equalTo("Ada"));
        given().auth().oauth2(north).get("/api/v1/cases/" + adasCase).then().statusCode(200);
        given().auth().oauth2(north).queryParam("name", "Lovelace").get("/api/v1/clients").then().statusCode(200)
                .body("items.id", contains(ada));
        given().auth().oauth2(north).get("/api/v1/cases").then().statusCode(200).body("items.id", contains(adasCase));
        assertHidden(north, bea, beasCase);
        assertHidden(south, ada, adasCase);

        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\":\"Client withdrew consent\"}").post(consent + "/revocation").then().statusCode(200);
        assertHidden(north, ada, adasCase);
        given().auth().oauth2(north).get("/api/v1/cases").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aConsentOpensAccessOnItsEffectiveDateAndClosesItAfterItsExpiry() {
        consent(ada, "partner-north", today.plusDays(1), today.plusDays(2));
        assertHidden(north, ada, adasCase);
        clock.advance(Duration.ofDays(1));
        given().auth().oauth2(north).get("/api/v1/clients/" + ada).then().statusCode(200);
        clock.advance(Duration.ofDays(1));
        given().auth().oauth2(north).get("/api/v1/cases/" + adasCase).then().statusCode(200);
        clock.advance(Duration.ofDays(1));
        assertHidden(north, ada, adasCase);
    }

    @Test
    void consentsOfOtherKindsDoNotOpenAnythingToAPartnerAndEveryPartnerReadIsAudited() {
        Map<String, Object> treatment = new HashMap<>(Map.of("type", "release-of-information", "partner", "partner-north",
                "effectiveDate", today.toString()));
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(treatment)
                .post("/api/v1/clients/" + bea + "/consents").then().statusCode(201);
        assertHidden(north, bea, beasCase);

        consent(bea, "partner-north", today, null);
        given().auth().oauth2(north).get("/api/v1/clients/" + bea).then().statusCode(200);
        given().auth().oauth2(north).get("/api/v1/cases/" + beasCase).then().statusCode(200);
        String partnerSubject = UUID.nameUUIDFromBytes("service-account-partner-north".getBytes()).toString();
        assertEquals(2, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND actor = ?"
                + " AND action = 'READ' AND client_id = ?", tenant, partnerSubject, bea));
    }

    private void assertHidden(String partner, String client, String caseId) {
        given().auth().oauth2(partner).get("/api/v1/clients/" + client).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(partner).get("/api/v1/cases/" + caseId).then().statusCode(404).contentType(PROBLEM);
    }

    private String register(String given, String family) {
        return given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("name", Map.of("given", given, "family", family), "birthDate", "1985-12-10", "sex", "female"))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    private String openCase(String client) {
        return given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "program", "care-coordination", "assignee", TestTokens.subjectOf("nora"), "team", "team-a",
                        "status", "open"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private String consent(String client, String partner, LocalDate effective, LocalDate expiry) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "data-sharing", "partner", partner,
                "effectiveDate", effective.toString()));
        if (expiry != null) {
            body.put("expiryDate", expiry.toString());
        }
        return given().auth().oauth2(nora).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clients/" + client + "/consents").then().statusCode(201).extract().header("Location");
    }
}

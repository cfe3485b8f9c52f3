package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.audit.AuditVerifier;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Clients against MariaDB: sealed identifiers, search, visibility, audit, and the shared REST rules. */
@QuarkusTest
class ClientsResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;
    @Inject
    AuditVerifier auditVerifier;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", java.util.Map.of("roles", List.of("case-manager"))).build();
    private final String ned = TestTokens.builder("ned").claim("tenant", tenant).team("team-a")
            .claim("realm_access", java.util.Map.of("roles", List.of("case-manager"))).build();
    private final String carl = TestTokens.builder("carl").claim("tenant", tenant).team("team-b")
            .claim("realm_access", java.util.Map.of("roles", List.of("case-manager"))).build();
    private final String sam = TestTokens.user(tenant, "sam", "supervisor");

    @Test
    void aRegisteredClientReadsBackWithIdentifiersMasked() {
        String location = register(nora, null, client("Ada", "Lovelace", "1984-02-29", "123-45-6789", "MC123456"))
                .then().statusCode(201).header("ETag", "\"0\"").extract().header("Location");
        String body = given().auth().oauth2(nora).get(location).then().statusCode(200)
                .body("name.family", equalTo("Lovelace"))
                .body("birthDate", equalTo("1984-02-29"))
                .body("identifiers.ssnLast4", equalTo("6789"))
                .body("identifiers.medicaidIdLast4", equalTo("3456"))
                .extract().asString();
        assertFalse(body.contains("123-45") || body.contains("12345"), "the full SSN never leaves the service");
    }

    @Test
    void searchFindsByIdentifierBirthDateAndNamePrefixWhileTheSchemaHoldsNoIdentifierInClear() throws Exception {
        register(nora, "key-" + tenant, client("Grace", "Hopper", "1956-12-09", "987-65-4321", "MEDI778899")).then().statusCode(201);
        register(nora, null, client("Alan", "Turing", "1962-06-23", "111-22-3333", null)).then().statusCode(201);

        given().auth().oauth2(nora).queryParam("identifier", "987654321").get("/api/v1/clients").then().statusCode(200)
                .body("items.name.family", contains("Hopper"));
        given().auth().oauth2(nora).queryParam("identifier", "medi778899").get("/api/v1/clients").then()
                .body("items.name.family", contains("Hopper"));
        given().auth().oauth2(nora).queryParam("birthDate", "1962-06-23").get("/api/v1/clients").then()
                .body("items.name.family", contains("Turing"));
        given().auth().oauth2(nora).queryParam("name", "Tur").get("/api/v1/clients").then()
                .body("items.name.family", contains("Turing"));
        given().auth().oauth2(nora).queryParam("birthDate", "yesterday").get("/api/v1/clients").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("birthDate"));

        String dump = dumpSchema();
        for (String secret : List.of("987654321", "987-65-4321", "MEDI778899", "1956-12-09", "111223333", "1962-06-23")) {
            assertFalse(dump.contains(secret), "plaintext identifier found in the schema");
        }
        assertTrue(dump.contains("Hopper"), "the dump did read the client rows");
    }

    @Test
    void aCaseManagerSeesTheirTeamsClientsOnlyAndOtherRolesAsDesigned() {
        String location = register(nora, null, client("Mary", "Seacole", "1970-01-01", null, null)).header("Location");
        given().auth().oauth2(ned).get(location).then().statusCode(200);
        given().auth().oauth2(carl).get(location).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(carl).queryParam("name", "Seacole").get("/api/v1/clients").then().body("items", hasSize(0));
        given().auth().oauth2(sam).get(location).then().statusCode(200);
        // A partner with the scope still needs the client's data-sharing consent (PartnerAccessTest).
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/clients.read")).get(location).then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read")).get(location).then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).get(location).then().statusCode(403);
        given().auth().oauth2(TestTokens.user(tenant, "ava", "assessor")).get(location).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("other-" + tenant, "ruth", "supervisor")).get(location).then().statusCode(404);
        given().get(location).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void everyReadAndWriteIsAuditedInAnIntactChain() {
        String location = register(nora, null, client("Florence", "Nightingale", "1960-05-12", null, null)).header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(sam).get(location).then().statusCode(200);
        given().auth().oauth2(nora).queryParam("name", "Night").get("/api/v1/clients").then().statusCode(200);
        given().auth().oauth2(carl).get(location).then().statusCode(404);

        assertEquals(List.of("CREATE", "READ", "SEARCH"), Jdbc.query(db, "actions", "SELECT action FROM audit_record"
                + " WHERE tenant_id = ? AND client_id = ? ORDER BY position", rs -> rs.getString(1), tenant, id));
        assertTrue(auditVerifier.verify(tenant).intact());
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndWritesNothing() {
        String bad = "{\"name\":{\"given\":\"\",\"family\":\"X\"},\"birthDate\":\"2999-01-01\",\"sex\":\"other\","
                + "\"identifiers\":{\"ssn\":\"12-34\"},\"contact\":{\"email\":\"not-an-email\"}}";
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(bad).post("/api/v1/clients").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("birthDate", "contact.email", "identifiers.ssn", "name.given", "sex"))
                .body("detail", not(org.hamcrest.Matchers.containsString("12-34")));
        // A misplaced identifier is refused, not dropped: the caller would believe the SSN was stored.
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"name\":{\"given\":\"Zora\",\"family\":\"Hurston\"},\"birthDate\":\"1961-01-07\","
                        + "\"sex\":\"female\",\"ssn\":\"078-05-1120\"}")
                .post("/api/v1/clients").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("ssn")).body("errors[0].message", equalTo("is not a field of this resource"))
                .body(not(org.hamcrest.Matchers.containsString("078-05")));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM client WHERE tenant_id = ?", tenant));
    }

    @Test
    void aRepeatedKeyRegistersOnceAndConcurrentUpdatesLetOneWin() {
        String key = UUID.randomUUID().toString();
        String body = client("Clara", "Barton", "1961-12-25", null, null);
        String first = register(nora, key, body).then().statusCode(201).extract().path("id");
        register(nora, key, body).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM client WHERE tenant_id = ?", tenant));

        List<Integer> statuses = Race.of(3, i -> given().auth().oauth2(nora).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(client("Clara", "Barton-" + i, "1961-12-25", null, null))
                .put("/api/v1/clients/" + first).statusCode()).stream().sorted().toList();
        assertEquals(List.of(200, 412, 412), statuses);
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(body).put("/api/v1/clients/" + first).then()
                .statusCode(428);
    }

    @Test
    void theExternalIdIsUniqueInTheTenantAndNeverChanges() {
        String withExternal = "{\"name\":{\"given\":\"Lin\",\"family\":\"Wei\"},\"birthDate\":\"1990-03-03\","
                + "\"sex\":\"female\",\"externalId\":\"EXT-1\"}";
        String location = register(nora, null, withExternal).then().statusCode(201).extract().header("Location");
        register(nora, null, withExternal).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://trellis.app/problems/conflict/external-id-taken"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(withExternal.replace("EXT-1", "EXT-2")).put(location).then().statusCode(409);
        given().auth().oauth2(nora).get(location).then().body("externalId", equalTo("EXT-1"))
                .body("identifiers.ssnLast4", nullValue());
    }

    private Response register(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/clients");
    }

    private static String client(String given, String family, String birthDate, String ssn, String medicaid) {
        StringBuilder identifiers = new StringBuilder();
        if (ssn != null) {
            identifiers.append("\"ssn\":\"").append(ssn).append('"');
        }
        if (medicaid != null) {
            identifiers.append(identifiers.isEmpty() ? "" : ",").append("\"medicaidId\":\"").append(medicaid).append('"');
        }
        return "{\"name\":{\"given\":\"" + given + "\",\"family\":\"" + family + "\"},\"birthDate\":\"" + birthDate
                + "\",\"sex\":\"female\",\"language\":\"en\",\"contact\":{\"phone\":\"+1 555 0100\"},"
                + "\"identifiers\":{" + identifiers + "}}";
    }

    /** Every value of every table of the service's schema, as a backup or a curious DBA would see it. */
    private String dumpSchema() {
        StringBuilder dump = new StringBuilder();
        List<String> tables = Jdbc.query(db, "tables", "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE()", rs -> rs.getString(1));
        for (String table : tables) {
            Jdbc.query(db, "dump", "SELECT * FROM " + table, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    dump.append(rs.getString(c)).append('|');
                }
                return 0;
            });
        }
        return dump.toString();
    }
}

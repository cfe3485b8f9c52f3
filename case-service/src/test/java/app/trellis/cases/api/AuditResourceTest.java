package app.trellis.cases.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.Database;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    @Inject
    AgroalDataSource db;
    /** Tampering needs a database administrator: the service's own user may not change audit rows. */
    private final DataSource dba = Database.shared().adminDataSource("trellis_case");

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String nora = TestTokens.builder("nora").claim("tenant", tenant).team("team-a")
            .claim("realm_access", Map.of("roles", List.of("case-manager"))).build();
    private final String otto = TestTokens.user(tenant, "otto", "auditor");

    @Test
    void anAuditorSeesWhoTouchedAClientAndTheChainVerification() {
        String id = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .header("X-Request-Id", "audit-req-0001")
                .body("{\"name\":{\"given\":\"Ida\",\"family\":\"Wells\"},\"birthDate\":\"1962-07-16\",\"sex\":\"female\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        given().auth().oauth2(nora).get("/api/v1/clients/" + id).then().statusCode(200);

        given().auth().oauth2(otto).queryParam("clientId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("READ", "CREATE"))
                .body("items[1].actorName", equalTo("nora"))
                .body("items[1].requestId", equalTo("audit-req-0001"))
                .body("items[0].occurredAt", notNullValue());
        given().auth().oauth2(otto).get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("recordsChecked", equalTo(2));

        Sql.update(dba, "DELETE FROM audit_record WHERE tenant_id = ? AND position = 1", tenant);
        given().auth().oauth2(otto).get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenPosition", equalTo(1));
    }

    @Test
    void aPageOfSearchResultsIsAuditedOneRecordPerClientAndTheChainStaysGaplessUnderConcurrency() {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(nora).contentType(ContentType.JSON)
                    .body(Map.of("name", Map.of("given", "Given" + i, "family", "Searchable"), "birthDate", "1980-01-01",
                            "sex", "unknown"))
                    .post("/api/v1/clients").then().statusCode(201);
        }
        List<Integer> statuses = Race.of(6, i -> given().auth().oauth2(nora).queryParam("name", "Searchable")
                .get("/api/v1/clients").then().extract().statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);
        assertEquals(30, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND action = 'SEARCH'",
                tenant), "six pages of five clients: one record per client shown");
        given().auth().oauth2(otto).get("/api/v1/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("recordsChecked", equalTo(41));
    }

    @Test
    void aSearchThatFindsNoOneIsStillAuditedWithItsCriteriaButNotTheirValues() {
        given().auth().oauth2(nora).queryParam("identifier", "078-05-1120").queryParam("birthDate", "1961-01-07")
                .get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(otto).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("QUERY"))
                .body("items[0].resourceType", equalTo("client-search"))
                .body("items[0].actorName", equalTo("nora"));
        assertEquals(List.of("birthDate,identifier -> 0 results"), Jdbc.query(db, "purpose",
                "SELECT purpose FROM audit_record WHERE tenant_id = ?", rs -> rs.getString(1), tenant));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM audit_record WHERE tenant_id = ? AND CONCAT_WS('|',"
                + " resource_id, client_id, purpose, request_id) LIKE '%1120%'", tenant), "no searched value stored");
    }

    @Test
    void onlyAuditorsReadTheAuditAndOnlyTheirTenants() {
        given().auth().oauth2(nora).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).get("/api/v1/audit/verification").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.user("other-" + tenant, "rhea", "auditor")).get("/api/v1/audit").then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(otto).queryParam("clientId", "not-a-uuid").get("/api/v1/audit").then().statusCode(400);
    }
}

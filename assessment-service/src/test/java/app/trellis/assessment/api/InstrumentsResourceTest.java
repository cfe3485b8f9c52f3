package app.trellis.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstrumentsResourceTest {

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aTenantSeesItsOwnInstrumentsAndTheSharedLibraryButNoOtherTenants() throws Exception {
        String shared = "lib-" + UUID.randomUUID().toString().substring(0, 6);
        insert(null, "zz-" + shared, "Shared screening");
        insert(tenant, "zz-" + tenant + "-intake", "Intake");
        insert("other-" + tenant, "zz-" + tenant + "-secret", "Another tenant's form");

        String assessor = TestTokens.user(tenant, "ava", "assessor");
        var page = given().auth().oauth2(assessor).queryParam("limit", 200).get("/api/v1/instruments")
                .then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(page.getList("items.code").contains("zz-" + tenant + "-intake"));
        org.junit.jupiter.api.Assertions.assertTrue(page.getList("items.code").contains("zz-" + shared));
        org.junit.jupiter.api.Assertions.assertFalse(page.getList("items.code").contains("zz-" + tenant + "-secret"));
    }

    @Test
    void instrumentsArePagedByCode() throws Exception {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 6);
        String pager = "pager-" + tenant;
        for (int i = 1; i <= 3; i++) {
            insert(pager, prefix + "-" + i, "Form " + i);
        }
        String token = TestTokens.user(pager, "ava", "assessor");
        String cursor = given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/instruments").then()
                .statusCode(200).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("cursor", cursor).queryParam("limit", 200).get("/api/v1/instruments")
                .then().body("nextCursor", nullValue());
    }

    @Test
    void anAuditorMayNotReadTheCatalogueAndAPartnerNeedsTheScope() {
        given().auth().oauth2(TestTokens.user(tenant, "otto", "auditor")).get("/api/v1/instruments").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read"))
                .get("/api/v1/instruments").then().statusCode(403);
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/assessments.read"))
                .get("/api/v1/instruments").then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aTokenWithoutTenantIsForbidden() {
        given().auth().oauth2(TestTokens.withoutTenant("ava", "assessor")).get("/api/v1/instruments").then()
                .statusCode(403).body("type", equalTo("https://trellis.app/problems/missing-tenant"));
    }

    private void insert(String tenantId, String code, String title) {
        Sql.update(db, "INSERT INTO instrument (id, tenant_id, code, title, created_at) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), tenantId, code, title, Instant.now());
    }
}

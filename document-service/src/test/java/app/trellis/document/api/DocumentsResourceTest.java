package app.trellis.document.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
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
class DocumentsResourceTest {

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String caseManager = TestTokens.user(tenant, "nora", "case-manager");

    @Test
    void documentsOfACaseComeNewestFirstInPages() throws Exception {
        UUID caseId = UUID.randomUUID();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        insert(tenant, caseId, "first", t);
        insert(tenant, caseId, "second", t.plusSeconds(60));
        insert(tenant, caseId, "third", t.plusSeconds(120));
        insert(tenant, UUID.randomUUID(), "other case", t.plusSeconds(180));

        String cursor = given().auth().oauth2(caseManager).queryParam("caseId", caseId.toString()).queryParam("limit", 2)
                .get("/api/v1/documents").then().statusCode(200)
                .body("items.title", contains("third", "second")).extract().path("nextCursor");
        given().auth().oauth2(caseManager).queryParam("caseId", caseId.toString()).queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/api/v1/documents").then()
                .body("items.title", contains("first")).body("nextCursor", nullValue());
    }

    @Test
    void anotherTenantsDocumentsAreInvisible() throws Exception {
        UUID caseId = UUID.randomUUID();
        insert("other-" + tenant, caseId, "not yours", Instant.now());
        given().auth().oauth2(caseManager).queryParam("caseId", caseId.toString()).get("/api/v1/documents").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMalformedCaseIdIsRejected() {
        given().auth().oauth2(caseManager).queryParam("caseId", "not-a-uuid").get("/api/v1/documents").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("caseId"));
    }

    private void insert(String tenantId, UUID caseId, String title, Instant at) {
        String id = UUID.randomUUID().toString();
        Sql.update(db, "INSERT INTO document (id, tenant_id, case_id, title, content_type, size_bytes, object_key,"
                + " created_at) VALUES (?, ?, ?, ?, 'application/pdf', 10, ?, ?)", id, tenantId, caseId.toString(), title,
                tenantId + "/" + id, at);
    }
}

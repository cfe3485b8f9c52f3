package app.trellis.reporting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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
class FeedResourceTest {

    @Inject
    AgroalDataSource db;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aConsumerReadsItsTenantsFeedInOrderAndResumesFromItsBookmark() throws Exception {
        insert(tenant, "app.trellis.case.opened.v1");
        insert("other-" + tenant, "app.trellis.case.opened.v1");
        insert(tenant, "app.trellis.case.assigned.v1");
        insert(tenant, "app.trellis.case.closed.v1");
        String consumer = TestTokens.partner(tenant, "reporting-north", "feed.read");

        String bookmark = given().auth().oauth2(consumer).queryParam("limit", 2).get("/api/v1/feed").then()
                .statusCode(200)
                .body("items.type", contains("app.trellis.case.opened.v1", "app.trellis.case.assigned.v1"))
                .body("items[0].event.specversion", equalTo("1.0"))
                .extract().path("nextCursor");
        given().auth().oauth2(consumer).queryParam("cursor", bookmark).get("/api/v1/feed").then()
                .body("items.type", contains("app.trellis.case.closed.v1")).body("nextCursor", nullValue());
    }

    @Test
    void aPartnerWithoutTheFeedScopeIsRefused() {
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read")).get("/api/v1/feed")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(tenant, "nora", "case-manager")).get("/api/v1/feed")
                .then().statusCode(403);
    }

    private void insert(String tenantId, String type) {
        String id = UUID.randomUUID().toString();
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\"}";
        Sql.update(db, "INSERT INTO feed_event (event_id, tenant_id, type, subject, occurred_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, tenantId, type, "case/" + UUID.randomUUID(), Instant.now(), envelope);
    }
}

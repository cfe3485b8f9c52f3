package app.trellis.reporting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The feed as subscribers read it: order, bookmarks, types, scopes, tenants, and de-identified subscribers. */
@QuarkusTest
class FeedResourceTest {

    private static final String OPENED = "app.trellis.case.opened.v1";
    private static final String ASSIGNED = "app.trellis.case.assigned.v1";
    private static final String CLOSED = "app.trellis.case.closed.v1";

    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aConsumerReadsItsTenantsFeedInOrderAndResumesFromItsBookmark() {
        UUID caseId = UUID.randomUUID();
        apply(tenant, OPENED, caseId, UUID.randomUUID());
        apply("other-" + tenant, OPENED, caseId, UUID.randomUUID());
        apply(tenant, ASSIGNED, caseId, UUID.randomUUID());
        apply(tenant, CLOSED, caseId, UUID.randomUUID());
        String consumerToken = TestTokens.partner(tenant, "reporting-north", "feed.read");

        JsonPath first = given().auth().oauth2(consumerToken).queryParam("limit", 2).get("/api/v1/feed").then()
                .statusCode(200)
                .body("items.type", contains(OPENED, ASSIGNED))
                .body("items.position", contains(1, 2))
                .body("items[0].data.caseId", equalTo(caseId.toString()))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("source")))
                .extract().jsonPath();
        given().auth().oauth2(consumerToken).queryParam("cursor", first.getString("nextCursor")).get("/api/v1/feed")
                .then().body("items.type", contains(CLOSED)).body("nextCursor", nullValue());
        given().auth().oauth2(consumerToken).queryParam("after", 1).get("/api/v1/feed")
                .then().body("items.position", contains(2, 3));
        given().auth().oauth2(consumerToken).queryParam("after", 3).get("/api/v1/feed")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void typesNarrowTheFeedAndASubscriberOfSomeTypesGetsThoseOnly() {
        UUID caseId = UUID.randomUUID();
        apply(tenant, OPENED, caseId, UUID.randomUUID());
        apply(tenant, ASSIGNED, caseId, UUID.randomUUID());
        apply(tenant, CLOSED, caseId, UUID.randomUUID());

        given().auth().oauth2(TestTokens.partner(tenant, "reporting-north", "feed.read"))
                .queryParam("types", CLOSED + "," + OPENED).get("/api/v1/feed")
                .then().statusCode(200).body("items.type", contains(OPENED, CLOSED));
        String casesOnly = TestTokens.partner(tenant, "cases-only", "feed.read");
        given().auth().oauth2(casesOnly).get("/api/v1/feed")
                .then().statusCode(200).body("items.type", contains(OPENED, CLOSED));
        given().auth().oauth2(casesOnly).queryParam("types", ASSIGNED).get("/api/v1/feed")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("types"));
        given().auth().oauth2(casesOnly).queryParam("after", "x").get("/api/v1/feed")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
    }

    @Test
    void onlyConfiguredFeedReadClientsAndSupervisorsReadTheFeed() {
        apply(tenant, OPENED, UUID.randomUUID(), UUID.randomUUID());
        given().auth().oauth2(TestTokens.partner(tenant, "partner-north", "system/cases.read")).get("/api/v1/feed")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(tenant, "nora", "case-manager")).get("/api/v1/feed")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.partner(tenant, "unknown-warehouse", "feed.read")).get("/api/v1/feed")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("not-a-subscriber")).body("items", nullValue());
        given().get("/api/v1/feed").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).get("/api/v1/feed")
                .then().statusCode(200).body("items.type", contains(OPENED));
    }

    @Test
    void aDeidentifiedSubscriberSeesNoRealIdButStablePseudonymsOfItsOwn() {
        UUID caseId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        String opened = apply(tenant, OPENED, caseId, clientId);
        String closed = apply(tenant, CLOSED, caseId, clientId);
        String warehouseA = TestTokens.partner(tenant, "warehouse-a", "feed.read");

        String body = given().auth().oauth2(warehouseA).get("/api/v1/feed").then().statusCode(200)
                .body("items.type", contains(OPENED, CLOSED)).extract().asString();
        for (String real : List.of(caseId.toString(), clientId.toString(), opened, closed, TestTokens.subjectOf("nora"))) {
            assertThat("no real id anywhere in the response", body, not(containsString(real)));
        }
        JsonPath a = JsonPath.from(body);
        assertThat("one client, one pseudonym", a.getString("items[1].data.clientId"),
                equalTo(a.getString("items[0].data.clientId")));
        assertThat(a.getString("items[0].subject"), equalTo("case/" + a.getString("items[0].data.caseId")));
        assertThat(a.getString("items[0].data.program"), equalTo("care-coordination"));
        assertThat("stable between reads", given().auth().oauth2(warehouseA).get("/api/v1/feed").then().extract()
                .path("items[0].data.clientId"), equalTo(a.getString("items[0].data.clientId")));
        String other = given().auth().oauth2(TestTokens.partner(tenant, "warehouse-b", "feed.read")).get("/api/v1/feed")
                .then().extract().path("items[0].data.clientId");
        assertThat("another subscriber cannot join on it", other, not(equalTo(a.getString("items[0].data.clientId"))));
        assertThat(a.getList("items.data.clientId"), everyItem(not(equalTo(clientId.toString()))));
    }

    private String apply(String tenantId, String type, UUID caseId, UUID clientId) {
        var data = json.createObjectNode().put("caseId", caseId.toString()).put("clientId", clientId.toString());
        if (!type.equals(CLOSED)) {
            data.put("assignee", TestTokens.subjectOf("nora"));
        }
        data.put("program", "care-coordination");
        CloudEvent event = CloudEvent.of("/trellis/case-service", type, "case/" + caseId, Instant.now(), tenantId, 1, data);
        consumer.apply(event);
        return event.id();
    }
}

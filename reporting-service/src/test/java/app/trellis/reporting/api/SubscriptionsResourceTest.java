package app.trellis.reporting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.trellis.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registering delivery into a subscriber's own queue: what is accepted, what is a problem, whose is whose. */
@QuarkusTest
class SubscriptionsResourceTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String north = TestTokens.partner(tenant, "reporting-north", "feed.read");

    @Test
    void aSubscriberRegistersItsOwnQueueAndSeesAndCancelsOnlyItsOwnSubscriptions() {
        var created = given().auth().oauth2(north).contentType(ContentType.JSON)
                .body("{\"queue\":\"trellis-feed-reporting-north\",\"types\":[\"app.trellis.case.opened.v1\"]}")
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("deadLetterQueue", equalTo("trellis-feed-reporting-north-dlq"))
                .body("types", contains("app.trellis.case.opened.v1"))
                .body("deidentified", equalTo(false)).body("deliveredThrough", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/subscriptions/" + id));
        given().auth().oauth2(north).get("/api/v1/subscriptions").then().statusCode(200).body("items.id", contains(id));
        given().auth().oauth2(north).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("queue", equalTo("trellis-feed-reporting-north"));

        String warehouse = TestTokens.partner(tenant, "warehouse-a", "feed.read");
        given().auth().oauth2(warehouse).get("/api/v1/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(warehouse).get("/api/v1/subscriptions").then().body("items", hasSize(0));
        given().auth().oauth2(TestTokens.partner("other-" + tenant, "reporting-north", "feed.read"))
                .delete("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(warehouse).contentType(ContentType.JSON).body("{\"queue\":\"trellis-feed-warehouse-a-eu\"}")
                .post("/api/v1/subscriptions").then().statusCode(201).body("deidentified", equalTo(true));

        given().auth().oauth2(north).contentType(ContentType.JSON).body("{\"queue\":\"trellis-feed-reporting-north\"}")
                .post("/api/v1/subscriptions").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(north).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(north).get("/api/v1/subscriptions").then().body("items", hasSize(0));
    }

    @Test
    void badRegistrationsAreProblemsAndCreateNothing() {
        post(north, "{\"queue\":\"trellis-case-events\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("queue"));
        post(north, "{\"queue\":\"trellis-feed-warehouse-a\"}").then().statusCode(400).body("errors.field", contains("queue"));
        post(north, "{\"queue\":\"trellis-feed-reporting-north-dlq\"}").then().statusCode(400)
                .body("errors.field", contains("queue"));
        post(north, "{\"types\":[\"app.trellis.case.opened.v1\"]}").then().statusCode(400)
                .body("errors.field", contains("queue"));
        post(north, "{\"queue\":\"trellis-feed-reporting-north\",\"after\":-1}").then().statusCode(400)
                .body("errors.field", contains("after"));
        post(north, "{\"queue\":\"trellis-feed-reporting-north\",\"types\":[\"app.trellis.audit.recorded.v1\",\"x\"]}")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("types[0]", "types[1]"));
        post(north, "{\"queue\":\"trellis-feed-reporting-north\",\"ssn\":\"123\"}").then().statusCode(400)
                .contentType("application/problem+json");
        post(north, "not json").then().statusCode(400).contentType("application/problem+json");
        post(TestTokens.partner(tenant, "cases-only", "feed.read"),
                "{\"queue\":\"trellis-feed-cases-only\",\"types\":[\"app.trellis.case.assigned.v1\"]}").then()
                .statusCode(400).body("errors.field", contains("types[0]"));
        post(TestTokens.partner(tenant, "warehouse-a", "feed.read"),
                "{\"queue\":\"trellis-feed-warehouse-a\",\"deidentified\":false}").then().statusCode(400)
                .body("errors.field", contains("deidentified"));
        post(TestTokens.partner(tenant, "unknown-warehouse", "feed.read"), "{\"queue\":\"trellis-feed-unknown-warehouse\"}")
                .then().statusCode(403).contentType("application/problem+json");
        post(TestTokens.user(tenant, "sam", "supervisor"), "{\"queue\":\"trellis-feed-sam\"}").then().statusCode(403);

        for (String client : new String[] {"reporting-north", "cases-only", "warehouse-a"}) {
            given().auth().oauth2(TestTokens.partner(tenant, client, "feed.read")).get("/api/v1/subscriptions").then()
                    .statusCode(200).body("items", hasSize(0));
        }
    }

    private io.restassured.response.Response post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions");
    }
}

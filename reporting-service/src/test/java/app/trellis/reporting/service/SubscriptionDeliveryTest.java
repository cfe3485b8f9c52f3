package app.trellis.reporting.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Delivery into subscribers' own queues (ElasticMQ): a subscriber whose queue is missing does not delay another;
 * its batch is retried, then parked in its dead-letter queue, and its cursor moves on.
 */
@QuarkusTest
class SubscriptionDeliveryTest {

    private static final String HEALTHY = "trellis-feed-reporting-north";
    private static final String BROKEN = "trellis-feed-warehouse-a";
    private static final String BROKEN_DLQ = BROKEN + "-dlq";

    @Inject
    SubscriptionDelivery delivery;
    @Inject
    EventConsumer consumer;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID client = UUID.randomUUID();

    @BeforeEach
    void queues() {
        try (SqsClient sqs = MessageQueues.shared().client()) {
            // The broken subscriber has its dead-letter queue but its queue is missing (never made, or deleted).
            sqs.createQueue(b -> b.queueName(BROKEN_DLQ));
        }
        MessageQueues.shared().drain(HEALTHY);
        MessageQueues.shared().drain(BROKEN_DLQ);
    }

    @Test
    void aMissingQueueDelaysNoOtherSubscriberAndItsBatchIsParkedInItsDeadLetterQueueAndTheCursorMovesOn()
            throws Exception {
        String north = TestTokens.partner(tenant, "reporting-north", "feed.read");
        String warehouse = TestTokens.partner(tenant, "warehouse-a", "feed.read");
        subscribe(north, HEALTHY);
        String broken = subscribe(warehouse, BROKEN);
        List<String> ids = List.of(apply(), apply(), apply());

        long start = System.nanoTime();
        runDue();
        // A standard queue does not keep order: subscribers order by position, which is the feed's.
        List<JsonNode> delivered = ours(MessageQueues.shared().drain(HEALTHY), ids).stream()
                .sorted(Comparator.comparingLong(m -> m.get("position").asLong())).toList();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(delivered.stream().map(m -> m.get("id").asText()).toList(), equalTo(ids));
        assertThat(delivered.stream().map(m -> m.get("position").asLong()).toList(), contains(1L, 2L, 3L));
        assertThat("delivered at once, not after the broken queue's retries", millis, lessThan(5_000L));
        JsonPath failing = subscription(warehouse, broken);
        assertThat(failing.getInt("attempts"), equalTo(1));
        assertThat(failing.getString("lastError"), containsString("QueueDoesNotExist"));
        assertThat(failing.getLong("deliveredThrough"), equalTo(0L));

        for (int i = 0; i < 50 && subscription(warehouse, broken).getInt("parked") == 0; i++) {
            Thread.sleep(100);
            runDue();
        }
        JsonPath parked = subscription(warehouse, broken);
        assertThat(parked.getInt("parked"), equalTo(3));
        assertThat("the cursor moved past the parked batch", parked.getLong("deliveredThrough"), equalTo(3L));
        assertThat(parked.getInt("attempts"), equalTo(0));
        List<String> deadLetters = MessageQueues.shared().drain(BROKEN_DLQ);
        assertThat(deadLetters, hasSize(3));
        for (String message : deadLetters) {
            assertThat("de-identified there too", message, not(containsString(client.toString())));
            ids.forEach(id -> assertThat(message, not(containsString(id))));
        }

        String fourth = apply();
        runDue();
        assertThat(ours(MessageQueues.shared().drain(HEALTHY), List.of(fourth)), hasSize(1));
        JsonPath next = subscription(warehouse, broken);
        assertThat("the next batch is tried afresh", next.getInt("attempts"), equalTo(1));
        assertThat(next.getLong("deliveredThrough"), equalTo(3L));
    }

    private void runDue() {
        delivery.startDue().forEach(CompletableFuture::join);
    }

    private String subscribe(String token, String queue) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"queue\":\"" + queue + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    private JsonPath subscription(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
    }

    private String apply() {
        UUID caseId = UUID.randomUUID();
        CloudEvent event = CloudEvent.of("/trellis/case-service", "app.trellis.case.opened.v1", "case/" + caseId,
                Instant.now(), tenant, 1, json.createObjectNode().put("caseId", caseId.toString())
                        .put("clientId", client.toString()).put("program", "care-coordination"));
        consumer.apply(event);
        return event.id();
    }

    private List<JsonNode> ours(List<String> bodies, List<String> ids) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        for (String body : bodies) {
            JsonNode message = json.readTree(body);
            if (ids.contains(message.get("id").asText())) {
                mine.add(message);
            }
        }
        return mine;
    }
}

package app.trellis.reporting.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.event.MessagingMetrics;
import app.trellis.platform.testing.ConsumeUntilQuiet;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Race;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer half of the event backbone, against ElasticMQ and MariaDB: the events of one receive commit
 * together, one failing among them holds back only itself, duplicates (also concurrent) have one effect, poison messages reach the dead-letter queue after 5 receives without blocking the
 * rest, and a redrive after the fix applies them.
 */
@QuarkusTest
class EventConsumerTest {

    private static final String QUEUE = "trellis-reporting-events";
    private static final String DLQ = "trellis-reporting-events-dlq";

    @Inject
    EventConsumer consumer;
    @Inject
    PoisonSwitch poison;
    @Inject
    MessagingMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void emptyQueues() {
        MessageQueues.shared().drain(QUEUE);
        MessageQueues.shared().drain(DLQ);
        poison.set(true, Duration.ZERO);
    }

    @AfterEach
    void repair() {
        poison.set(false, Duration.ZERO);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        CloudEvent event = event("app.trellis.case.opened.v1");
        MessageQueues.shared().send(QUEUE, json.writeValueAsString(event));
        MessageQueues.shared().send(QUEUE, json.writeValueAsString(event));
        pollUntilEmpty();
        assertEquals(1, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", event.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", event.id()));
    }

    @Test
    void eventsReceivedTogetherAreAppliedInOneTransaction() throws Exception {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(event("app.trellis.case.opened.v1"));
            MessageQueues.shared().send(QUEUE, json.writeValueAsString(events.get(i)));
        }
        MessageQueues.shared().send(QUEUE, json.writeValueAsString(events.get(2)));
        DistributionSummary perTransaction = registry.get("trellis.consumer.transaction.events").summary();
        long transactionsBefore = perTransaction.count();
        double eventsBefore = perTransaction.totalAmount();

        assertEquals(7, consumer.pollOnce(Duration.ofSeconds(1)), "ElasticMQ hands out all seven in one receive");

        assertEquals(1, perTransaction.count() - transactionsBefore, "one commit for the receive");
        assertEquals(7.0, perTransaction.totalAmount() - eventsBefore);
        for (CloudEvent e : events) {
            assertEquals(1, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", e.id()));
            assertEquals(1, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", e.id()));
        }
        assertEquals(List.of(), MessageQueues.shared().drain(QUEUE), "all seven deleted, the duplicate too");
    }

    @Test
    void aFailingEventInAGroupCostsTheOthersNothingButASecondTry() throws Exception {
        CloudEvent bad = event(PoisonSwitch.POISON_TYPE);
        List<CloudEvent> good = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            good.add(event("app.trellis.case.opened.v1"));
        }
        for (CloudEvent e : List.of(good.get(0), good.get(1), bad, good.get(2), good.get(3))) {
            MessageQueues.shared().send(QUEUE, json.writeValueAsString(e));
        }

        assertEquals(5, consumer.pollOnce(Duration.ofSeconds(1)), "one receive, one group");

        for (CloudEvent e : good) {
            assertEquals(1, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", e.id()), "applied once");
            assertEquals(1, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", e.id()));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", bad.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", bad.id()));
        List<String> left = MessageQueues.shared().drain(QUEUE);
        assertEquals(1, left.size(), "only the failing one stays for a retry");
        assertTrue(left.get(0).contains(bad.id()));
    }

    @Test
    void concurrentDuplicatesHaveOneEffectAndOneInboxRow() {
        CloudEvent event = event("app.trellis.case.assigned.v1");
        List<EventConsumer.Outcome> outcomes = Race.of(4, i -> consumer.apply(event)).stream().sorted().toList();
        assertEquals(List.of(EventConsumer.Outcome.APPLIED, EventConsumer.Outcome.DUPLICATE,
                EventConsumer.Outcome.DUPLICATE, EventConsumer.Outcome.DUPLICATE), outcomes);
        assertEquals(1, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", event.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", event.id()));
    }

    @Test
    void aPoisonMessageReachesTheDeadLetterQueueWhileLaterMessagesFlowAndARedriveAfterTheFixAppliesIt()
            throws Exception {
        CloudEvent bad = event(PoisonSwitch.POISON_TYPE);
        MessageQueues.shared().send(QUEUE, json.writeValueAsString(bad));
        MessageQueues.shared().send(QUEUE, "{ this is not an event");
        List<CloudEvent> good = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            good.add(event("app.trellis.case.opened.v1"));
            MessageQueues.shared().send(QUEUE, json.writeValueAsString(good.get(i)));
        }
        pollUntilEmpty();

        for (CloudEvent e : good) {
            assertEquals(1, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", e.id()), "later messages flowed");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", bad.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", bad.id()), "failure kept nothing");

        String operator = TestTokens.user("ops", "opal", "platform-operator");
        given().auth().oauth2(operator).get("/ops/dead-letters").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("eventId", org.hamcrest.Matchers.hasItem(bad.id()));
        metrics.refresh();
        given().get("/q/metrics").then().body(containsString("trellis_consumer_dead_letters 2.0"));
        given().auth().oauth2(TestTokens.user(tenant, "sam", "supervisor")).post("/ops/dead-letters/redrive").then()
                .statusCode(403);

        poison.set(false, Duration.ZERO);
        given().auth().oauth2(operator).post("/ops/dead-letters/redrive").then().statusCode(200).body("moved", equalTo(2));
        pollUntilEmpty();
        assertEquals(1, count("SELECT COUNT(*) FROM feed_event WHERE event_id = ?", bad.id()), "applied after the fix");
        // The unreadable one cannot be fixed by a deploy: it is back in the dead-letter queue, not lost.
        assertEquals(1, MessageQueues.shared().drain(DLQ).size());
    }

    @Test
    void aSlowHandlerKeepsItsMessageInvisibleUntilDone() throws Exception {
        poison.set(false, Duration.ofSeconds(4));
        CloudEvent slow = event(PoisonSwitch.SLOW_TYPE);
        MessageQueues.shared().send(QUEUE, json.writeValueAsString(slow));
        // Visibility is 2 s in this test profile; without the heartbeat the message would reappear mid-handling.
        CompletableFuture<Integer> handling = CompletableFuture.supplyAsync(() -> consumer.pollOnce(Duration.ofSeconds(1)));
        Thread.sleep(2_500);
        var sqs = MessageQueues.shared().client();
        String url = sqs.getQueueUrl(b -> b.queueName(QUEUE)).queueUrl();
        int visibleMeanwhile = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0).visibilityTimeout(0)).messages().size();
        assertEquals(1, handling.join());
        assertEquals(0, visibleMeanwhile, "nobody else could take it while it was being handled");
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", slow.id()));
        assertTrue(MessageQueues.shared().drain(QUEUE).isEmpty(), "deleted once handled");
    }

    private void pollUntilEmpty() {
        ConsumeUntilQuiet.poll(consumer);
    }

    private CloudEvent event(String type) {
        return CloudEvent.of("/trellis/case-service", type, "case/" + UUID.randomUUID(), Instant.now(), tenant, 1,
                JsonNodeFactory.instance.objectNode().put("caseId", UUID.randomUUID().toString()));
    }

    private int count(String sql, String id) {
        return Sql.count(db, sql, id);
    }
}

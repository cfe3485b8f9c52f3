package app.trellis.reporting.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.event.OutboxConfig;
import app.trellis.platform.event.OutboxRelay;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.testing.ConsumeUntilQuiet;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.platform.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay against MariaDB and ElasticMQ: it leases rows in one short transaction, sends them outside
 * any transaction and marks them in another. A relay that dies mid-batch costs a delay (the lease), never
 * an event; two relays share the outbox without sending an event twice or out of its aggregate's order;
 * an SQS outage is waited out with backoff.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String QUEUE = "trellis-reporting-events";
    /** Routed to this service's queue only (topology "*"), and recorded in the feed by FeedRecorder. */
    private static final String TYPE = "app.trellis.case.assigned.v1";

    @Inject
    OutboxRelay relay;
    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxConfig config;
    @Inject
    EventConsumer consumer;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void startFromAnEmptyOutboxAndQueue() {
        relay.drain();
        MessageQueues.shared().drain(QUEUE);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        threads.shutdownNow();
    }

    @Test
    void aRelayThatDiesAfterSendingLeavesItsRowsLeasedAndTheyAreSentAgainWhenTheLeaseEndsWithOneEffect()
            throws Exception {
        List<String> ids = List.of(write("crash-a"), write("crash-b"), write("crash-c"));

        // The relay sends, then hangs where it would mark the rows sent: to the database it is as good as dead.
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch revive = new CountDownLatch(1);
        CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(() -> relay.relayBatch(() -> {
            sent.countDown();
            await(revive);
        }), threads);
        assertTrue(sent.await(20, TimeUnit.SECONDS), "the relay sent the batch");

        String leased = "SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL"
                + " AND lease_token IS NOT NULL AND next_attempt_at > NOW(6) + INTERVAL 20 SECOND";
        assertEquals(3, count(leased), "leased, not sent");
        relay.drain();
        assertEquals(3, count(leased), "another relay leaves leased rows alone while the lease lasts");

        clock.advance(config.lease().plusSeconds(1));
        relay.drain();
        clock.reset();
        assertEquals(0, unsent(), "once the lease had ended the rows were due again, and sent");

        revive.countDown();
        assertTrue(dying.get(20, TimeUnit.SECONDS) >= 3, "the late relay finishes without an error");
        assertEquals(3, count("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NOT NULL"
                + " AND lease_token IS NULL"), "the late relay's mark found no row still holding its lease");

        assertEquals(6, consumeAll(), "each event arrived twice: at least once");
        for (String id : ids) {
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM feed_event WHERE event_id = ?", id), "one effect");
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", id));
        }
    }

    @Test
    void aFailureThisProcessSurvivesHandsTheLeasedRowsBackAtOnce() {
        write("failed-mark");
        assertThrows(IllegalStateException.class, () -> relay.relayBatch(() -> {
            throw new IllegalStateException("marking failed after SQS accepted the batch");
        }));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL"
                + " AND lease_token IS NULL"), "handed back, not left to the lease");
        assertEquals(1, relay.drain());
        assertEquals(0, unsent());
        assertEquals(2, ours(MessageQueues.shared().drain(QUEUE)).size(), "sent again at once");
    }

    @Test
    void twoRelaysDrainingAtOnceSendEveryEventOnceAndEachAggregateInOrder() {
        int aggregates = 12;
        int perAggregate = 5;
        List<String> ordered = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ordered.add(UUID.randomUUID().toString());
        }
        for (int n = 0; n < perAggregate; n++) {
            for (String aggregate : ordered) {
                QuarkusTransaction.requiringNew().run(() -> outbox.append("case", aggregate, tenant, TYPE,
                        Map.of("caseId", aggregate)));
            }
        }
        // Numbered (unordered) events of one stream may go out together and in any order.
        String stream = UUID.randomUUID().toString();
        for (int n = 1; n <= 20; n++) {
            long sequence = n;
            QuarkusTransaction.requiringNew().run(() -> outbox.appendNumbered("stream", stream, sequence, tenant, TYPE,
                    Map.of("caseId", stream)));
        }
        int total = aggregates * perAggregate + 20;

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(relay::drain, threads);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(relay::drain, threads);
        int claimed = first.join() + second.join();
        // A drain stops at its first empty claim, which can come while the other relay holds an
        // aggregate's previous event; whatever is left is due now.
        claimed += relay.drain();

        assertEquals(total, claimed, "each row leased by exactly one relay");
        assertEquals(0, unsent());
        List<JsonNode> delivered = ours(MessageQueues.shared().drain(QUEUE));
        assertEquals(total, delivered.size());
        assertEquals(total, delivered.stream().map(e -> e.get("id").asText()).distinct().count(), "none twice");
        Map<String, List<Long>> sequences = new HashMap<>();
        for (JsonNode event : delivered) {
            sequences.computeIfAbsent(event.get("subject").asText(), s -> new ArrayList<>())
                    .add(event.get("sequence").asLong());
        }
        for (String aggregate : ordered) {
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sequences.get("case/" + aggregate), "in order per aggregate");
        }
        assertEquals(20, sequences.get("stream/" + stream).size());
    }

    @Test
    void whileSqsIsUnreachableTheRelayBacksOffAndLosesNothing() throws Exception {
        MessageQueues sqs = MessageQueues.shared();
        List<String> ids = new ArrayList<>();
        sqs.stop();
        try {
            for (int i = 0; i < 15; i++) {
                ids.add(write("outage-" + i));
            }
            Timestamp before = Timestamp.from(Instant.now());
            relay.drain();
            // next_attempt_at = time of the failure + backoff, and the failure came after `before`
            assertEquals(15, Sql.count(db, "SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL"
                    + " AND attempts >= 1 AND lease_token IS NULL AND last_error LIKE 'trellis-reporting-events: %'"
                    + " AND next_attempt_at >= ? + INTERVAL ? MICROSECOND", tenant, before,
                    config.initialBackoff().toNanos() / 1_000), "failed, and due again only after a backoff");
            Thread.sleep(config.initialBackoff().multipliedBy(3).toMillis());
            relay.drain();
            assertEquals(15, count("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL"
                    + " AND attempts >= 2"), "retried after the backoff, and failed again");
        } finally {
            sqs.restart();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (unsent() > 0 && System.nanoTime() < deadline) {
            relay.drain();
            Thread.sleep(100);
        }
        assertEquals(0, unsent());
        List<String> delivered = ours(sqs.drain(QUEUE)).stream().map(e -> e.get("id").asText()).sorted().toList();
        assertEquals(ids.stream().sorted().toList(), delivered, "every event arrived, once");
    }

    private String write(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append("case", UUID.randomUUID().toString(), tenant,
                TYPE, Map.of("caseId", caseId))).id();
    }

    private int consumeAll() {
        return ConsumeUntilQuiet.poll(consumer);
    }

    /** This test's events, in the order the queue delivered them. */
    private List<JsonNode> ours(List<String> bodies) {
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            try {
                JsonNode event = json.readTree(body);
                if (tenant.equals(event.get("tenantid").asText())) {
                    events.add(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    private int unsent() {
        return count("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL");
    }

    private int count(String sql) {
        return Sql.count(db, sql, tenant);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

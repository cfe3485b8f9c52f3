package app.trellis.reporting.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.testing.MessageQueues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay loop as it runs in production (switched on here): a commit that wrote an event wakes it, so
 * the event reaches its queue long before the poll interval (set to a minute here) would have found it.
 */
@QuarkusTest
@TestProfile(OutboxRelayLoopTest.LoopOn.class)
class OutboxRelayLoopTest {

    public static class LoopOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trellis.outbox.relay-enabled", "true", "trellis.outbox.poll-interval", "PT1M");
        }
    }

    @Inject
    OutboxWriter outbox;

    @Test
    void aCommitWakesTheRelayLoopAndTheEventIsSentWithinMomentsNotAtTheNextPoll() {
        MessageQueues.shared().drain("trellis-reporting-events");
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        String id = QuarkusTransaction.requiringNew().call(() -> outbox.append("case", UUID.randomUUID().toString(),
                tenant, "app.trellis.case.assigned.v1", Map.of("caseId", "woken"))).id();

        var sqs = MessageQueues.shared().client();
        String url = sqs.getQueueUrl(b -> b.queueName("trellis-reporting-events")).queueUrl();
        var messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10).maxNumberOfMessages(10)).messages();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertEquals(1, messages.stream().filter(m -> m.body().contains(id)).count(), "sent by the loop");
        assertTrue(seconds < 10, "woken by the commit, not found by a poll a minute later");
    }
}

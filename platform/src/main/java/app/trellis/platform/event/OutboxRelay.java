package app.trellis.platform.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Publishes committed outbox rows to the queues the topology routes them to. A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, sent, and marked sent in one transaction: another relay instance
 * skips the locked rows; a crash before the commit leaves them unsent, so they are sent again (at
 * least once; consumers deduplicate on the event id). Failed sends back off exponentially.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BATCHES_PER_RUN = 100;

    @Inject
    OutboxStore store;
    @Inject
    SqsClient sqs;
    @Inject
    QueueUrls queues;
    @Inject
    Topology topology;
    @Inject
    OutboxConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${trellis.outbox.poll-interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay run failed: %s", e.getClass().getSimpleName());
        }
    }

    /** Relays batches until the outbox has nothing due (bounded per call). Returns rows handled. */
    public int drain() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int handled = relayBatch();
            total += handled;
            // Only an aggregate's oldest unsent event is claimable, so a short batch does not mean the
            // outbox is empty: the next event of the same aggregate becomes due once this one is sent.
            if (handled == 0) {
                break;
            }
        }
        return total;
    }

    public int relayBatch() {
        return relayBatch(() -> {
        });
    }

    /**
     * One claim-send-mark cycle. {@code afterSend} runs between sending and marking sent; fault-injection
     * tests throw from it to simulate a crash at the worst moment.
     */
    public int relayBatch(Runnable afterSend) {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Instant now = clock.instant();
            List<OutboxStore.Pending> batch = store.claim(config.batchSize(), now);
            if (batch.isEmpty()) {
                return 0;
            }
            Map<String, String> failures = send(batch);
            afterSend.run();
            List<String> sent = batch.stream().map(OutboxStore.Pending::id).filter(id -> !failures.containsKey(id)).toList();
            store.markSent(sent, clock.instant());
            for (OutboxStore.Pending row : batch) {
                String error = failures.get(row.id());
                if (error != null) {
                    int attempts = row.attempts() + 1;
                    store.markFailed(row.id(), attempts, now.plus(backoff(attempts)), error);
                }
            }
            if (!failures.isEmpty()) {
                LOG.warnf("Outbox relay: %d of %d events not sent, will retry", failures.size(), batch.size());
            }
            return batch.size();
        });
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = config.initialBackoff().multipliedBy(factor);
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    /** Sends each row to every queue its type routes to; returns the ids that failed anywhere, with why. */
    private Map<String, String> send(List<OutboxStore.Pending> batch) {
        Map<String, List<OutboxStore.Pending>> byQueue = new LinkedHashMap<>();
        for (OutboxStore.Pending row : batch) {
            for (String queue : topology.queuesFor(row.type())) {
                byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(row);
            }
        }
        Map<String, String> failures = new HashMap<>();
        byQueue.forEach((queue, rows) -> {
            try {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    entries.add(entry(Integer.toString(i), rows.get(i)));
                }
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queues.url(queue)).entries(entries)
                        .overrideConfiguration(AwsRequestOverrideConfiguration.builder().apiCallTimeout(SEND_TIMEOUT).build()));
                for (BatchResultErrorEntry failed : response.failed()) {
                    failures.put(rows.get(Integer.parseInt(failed.id())).id(), queue + ": " + failed.code());
                }
            } catch (SdkException e) {
                rows.forEach(row -> failures.put(row.id(), queue + ": " + e.getClass().getSimpleName()));
            }
        });
        return failures;
    }

    private static SendMessageBatchRequestEntry entry(String entryId, OutboxStore.Pending row) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("eventType", text(row.type()));
        if (row.traceParent() != null) {
            attributes.put("traceparent", text(row.traceParent()));
        }
        if (row.requestId() != null) {
            attributes.put("requestId", text(row.requestId()));
        }
        return SendMessageBatchRequestEntry.builder().id(entryId).messageBody(row.envelope())
                .messageAttributes(attributes).build();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

package app.trellis.platform.event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends leased outbox rows to every queue the topology routes their type to: {@code SendMessageBatch}
 * calls of at most 10 entries (SQS' limit), several in flight at once on a small bounded pool, each with
 * its own timeout. Runs outside any transaction; the relay marks the outcome afterwards.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** SQS accepts at most 10 entries per SendMessageBatch. */
    static final int MAX_ENTRIES = 10;

    @Inject
    SqsClient sqs;
    @Inject
    QueueUrls queues;
    @Inject
    Topology topology;
    @Inject
    OutboxConfig config;

    private ExecutorService senders;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(Math.max(1, config.sendConcurrency()), r -> {
            Thread t = new Thread(r, "trellis-outbox-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /**
     * Sends each row to every queue of its type. No call starts once {@code lastStartNanos}
     * ({@link System#nanoTime()}) has passed, so that nothing reaches SQS after the lease has run out
     * (when another relay may be sending the same rows, and the next event of their aggregate after them).
     *
     * @return the ids that failed on at least one queue, with why (queue name and error code only)
     */
    public Map<String, String> send(List<OutboxStore.Pending> rows, long lastStartNanos) {
        Map<String, List<OutboxStore.Pending>> byQueue = new LinkedHashMap<>();
        for (OutboxStore.Pending row : rows) {
            for (String queue : topology.queuesFor(row.type())) {
                byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(row);
            }
        }
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        byQueue.forEach((queue, queued) -> {
            for (int from = 0; from < queued.size(); from += MAX_ENTRIES) {
                List<OutboxStore.Pending> chunk = queued.subList(from, Math.min(queued.size(), from + MAX_ENTRIES));
                calls.add(CompletableFuture.runAsync(() -> sendChunk(queue, chunk, lastStartNanos, failures), senders));
            }
        });
        calls.forEach(CompletableFuture::join);
        return failures;
    }

    private void sendChunk(String queue, List<OutboxStore.Pending> chunk, long lastStartNanos,
                           Map<String, String> failures) {
        if (System.nanoTime() - lastStartNanos > 0) {
            chunk.forEach(row -> failures.put(row.id(), queue + ": lease ran out before sending"));
            return;
        }
        try {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(entry(Integer.toString(i), chunk.get(i)));
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queues.url(queue)).entries(entries)
                    .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                            .apiCallTimeout(config.sendTimeout()).build()));
            for (BatchResultErrorEntry failed : response.failed()) {
                failures.put(chunk.get(Integer.parseInt(failed.id())).id(), queue + ": " + failed.code());
            }
        } catch (RuntimeException e) {
            // SdkException mostly; anything else (a queue URL that cannot be resolved) fails the same way.
            chunk.forEach(row -> failures.put(row.id(), queue + ": " + e.getClass().getSimpleName()));
        }
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

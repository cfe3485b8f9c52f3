package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.testing.MessageQueues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A benchmark, not a test: it prints numbers and asserts nothing about speed. Not part of `./mvnw verify` (the
 * class name does not match Surefire's test patterns). Run it with
 * {@code ./mvnw -pl reporting-service -am verify -Dtest=FeedLagBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and options {@code -Dbench.rate=200 -Dbench.seconds=30}.
 *
 * <p>Lag from an event published to reporting's queue (ElasticMQ) to its feed row being visible to a subscriber
 * (committed and numbered by the FeedSequencer), with the consumer loop that ships: one sender publishes at a
 * steady rate, a watcher reads the tenant's feed after its last position every 5 ms, as a subscriber would.
 */
@QuarkusTest
@TestProfile(EventBackboneBenchmark.RealLoops.class)
class FeedLagBenchmark {

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    @Test
    void lagFromPublishedToVisibleInTheFeed() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 6);

        run(tenant + "-warm", rate, 5);
        List<Long> lags = run(tenant, rate, seconds);
        List<Long> sorted = lags.stream().sorted().toList();
        System.out.printf("%n=== feed lag benchmark: %d events/s for %d s, published to SQS -> visible in the feed ===%n",
                rate, seconds);
        System.out.printf("visible: %d of %d events%n", sorted.size(), rate * seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("lag: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 0.50),
                    percentile(sorted, 0.90), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
            StringBuilder tenths = new StringBuilder();
            for (int t = 0; t < 10; t++) {
                List<Long> tenth = lags.subList(lags.size() * t / 10, lags.size() * (t + 1) / 10).stream().sorted().toList();
                tenths.append(tenth.isEmpty() ? "-" : String.format("%.0f", percentile(tenth, 0.99))).append(' ');
            }
            System.out.printf("lag p99 per tenth of the run, ms: %s%n", tenths.toString().trim());
        }
    }

    /** Publishes {@code rate} events a second for {@code seconds}; returns each event's lag (µs) in feed order. */
    private List<Long> run(String tenant, int rate, int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> lags = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        int events = rate * seconds;
        Thread watcher = new Thread(() -> {
            long after = 0;
            long deadline = Long.MAX_VALUE;
            while (lags.size() < events && System.nanoTime() < deadline) {
                List<String[]> rows = Jdbc.query(db, "bench watch", "SELECT sequence, event_id FROM feed_event"
                        + " WHERE tenant_id = ? AND sequence > ? ORDER BY sequence", rs -> new String[] {rs.getString(1),
                        rs.getString(2)}, tenant, after);
                long now = System.nanoTime();
                for (String[] row : rows) {
                    after = Long.parseLong(row[0]);
                    Long sent = sentAt.get(row[1]);
                    if (sent != null) {
                        lags.add((now - sent) / 1_000);
                    }
                }
                if (!sending.get() && deadline == Long.MAX_VALUE) {
                    deadline = now + 60_000_000_000L;
                }
                sleepUntil(now + 5_000_000);
            }
        }, "bench-watcher");
        watcher.start();
        try (SqsClient sqs = MessageQueues.shared().client()) {
            String url = sqs.getQueueUrl(b -> b.queueName("trellis-reporting-events")).queueUrl();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                sleepUntil(start + i * 1_000_000_000L / rate);
                UUID caseId = UUID.randomUUID();
                CloudEvent event = CloudEvent.of("/trellis/case-service", "app.trellis.case.opened.v1", "case/" + caseId,
                        Instant.now(), tenant, 1, json.createObjectNode().put("caseId", caseId.toString())
                                .put("clientId", UUID.randomUUID().toString()).put("program", "bench"));
                String body = json.writeValueAsString(event);
                sentAt.put(event.id(), System.nanoTime());
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
            }
        } finally {
            sending.set(false);
        }
        watcher.join();
        return lags;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1000.0;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

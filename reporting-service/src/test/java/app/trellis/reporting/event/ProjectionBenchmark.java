package app.trellis.reporting.event;

import static app.trellis.reporting.event.EventBackboneBenchmark.percentile;
import static app.trellis.reporting.event.EventBackboneBenchmark.sleepUntil;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.testing.MessageQueues;
import app.trellis.platform.testing.Sql;
import app.trellis.reporting.KnownEvents;
import app.trellis.reporting.service.ProjectionRebuild;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A benchmark, not a test: it prints numbers and asserts nothing about speed (the class name is outside Surefire's
 * patterns, so `./mvnw verify` leaves it out). Run it with
 * {@code ./mvnw -B -o -pl reporting-service -am verify -Dtest=ProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and options {@code -Dbench.rate=200 -Dbench.seconds=30 -Dbench.stored=100000}.
 *
 * <ol>
 *   <li>Lag: realistic tenant histories ({@link KnownEvents}: cases, assessments, due dates, notes, consents,
 *       documents) sent to the service's queue (ElasticMQ) at a steady rate, each event's {@code time} set as it is
 *       sent; the consumer loop that ships applies them. Lag is from that time to the commit of the transaction that
 *       updated the projections.</li>
 *   <li>Rebuild: the stored events are topped up to {@code bench.stored} (through the consumer, as live events are
 *       stored), then every projection is rebuilt from them and timed.</li>
 * </ol>
 */
@QuarkusTest
@TestProfile(ProjectionBenchmark.ConsumerLoop.class)
class ProjectionBenchmark {

    private static final String QUEUE = "trellis-reporting-events";

    /** The consumer runs its own loop here, with the production settings. */
    public static class ConsumerLoop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trellis.consumer.enabled", "true", "trellis.consumer.visibility-timeout", "PT30S",
                    "trellis.consumer.wait-time", "PT10S");
        }
    }

    @Inject
    ProjectionLagRecorder lag;
    @Inject
    ProjectionRebuild rebuild;
    @Inject
    EventConsumer consumer;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    private final AtomicInteger tenants = new AtomicInteger();

    @Test
    void lagAtASteadyRateAndAFullRebuild() {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int stored = Integer.getInteger("bench.stored", 100_000);
        MessageQueues.shared().drain(QUEUE);

        lag.switchOn(true);
        send(rate, 5 * rate);
        lag.lagMicros().clear();
        long start = System.nanoTime();
        int events = send(rate, seconds * rate);
        double took = (System.nanoTime() - start) / 1e9;
        lag.switchOn(false);
        List<Long> sorted = lag.lagMicros().stream().sorted().toList();
        System.out.printf("%n=== projection lag: %d events sent at %d events/s (%d s), consumer loop ===%n", events, rate,
                seconds);
        System.out.printf("projected: %d of %d in %.1f s%n", sorted.size(), events, took);
        if (!sorted.isEmpty()) {
            System.out.printf("sent-to-projection-committed lag: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
        }

        long have = Sql.count(db, "SELECT COUNT(*) FROM feed_event WHERE position > ?", 0);
        long fillStart = System.nanoTime();
        store(stored - have);
        long total = Sql.count(db, "SELECT COUNT(*) FROM feed_event WHERE position > ?", 0);
        System.out.printf("%n=== projection rebuild: %d stored events (topped up in %.1f s) ===%n", total,
                (System.nanoTime() - fillStart) / 1e9);
        rebuild.claim();
        long rebuildStart = System.nanoTime();
        long replayed = rebuild.run(line -> System.out.println("  " + line));
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        System.out.printf("rebuild: %d events in %.1f s = %.0f events/s%n", replayed, rebuildSeconds,
                replayed / rebuildSeconds);
    }

    /** Sends {@code count} events at {@code rate} per second from a few threads; waits until they are projected. */
    private int send(int rate, int count) {
        List<CloudEvent> events = histories(count);
        int before = lag.lagMicros().size();
        AtomicInteger next = new AtomicInteger();
        // One client and one queue URL for the run: MessageQueues.send makes a client per message.
        SqsClient sqs = MessageQueues.shared().client();
        String url = sqs.getQueueUrl(b -> b.queueName(QUEUE)).queueUrl();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                    sleepUntil(start + i * 1_000_000_000L / rate);
                    CloudEvent e = events.get(i);
                    CloudEvent sent = new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(),
                            Instant.now(), e.tenantid(), e.sequence(), e.datacontenttype(), e.data());
                    sqs.sendMessage(b -> b.queueUrl(url).messageBody(text(sent)));
                }
            }, pool));
        }
        senders.forEach(CompletableFuture::join);
        pool.shutdown();
        sqs.close();
        System.out.printf("sent %d events in %.1f s (%.0f events/s)%n", events.size(), (System.nanoTime() - start) / 1e9,
                events.size() / ((System.nanoTime() - start) / 1e9));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (lag.lagMicros().size() - before < events.size() && System.nanoTime() < deadline) {
            sleepUntil(System.nanoTime() + 20_000_000);
        }
        return events.size();
    }

    /** Stores {@code count} more events the way live ones are stored (applied through the consumer, 8 at a time). */
    private void store(long count) {
        List<CloudEvent> events = histories((int) Math.max(0, count));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<EventConsumer.Outcome>> applying = new ArrayList<>();
        for (CloudEvent event : events) {
            applying.add(CompletableFuture.supplyAsync(() -> consumer.apply(event), pool));
        }
        applying.forEach(CompletableFuture::join);
        pool.shutdown();
    }

    /** Whole tenant histories, cut to {@code count} events. */
    private List<CloudEvent> histories(int count) {
        List<CloudEvent> events = new ArrayList<>(count);
        Instant now = Instant.now();
        while (events.size() < count) {
            events.addAll(KnownEvents.story("bench-" + tenants.incrementAndGet(), json, now));
        }
        return events.subList(0, count);
    }

    private String text(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

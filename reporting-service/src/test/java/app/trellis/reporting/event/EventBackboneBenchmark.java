package app.trellis.reporting.event;

import app.trellis.platform.event.EventConsumer;
import app.trellis.platform.event.OutboxRelay;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.testing.MessageQueues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: it prints numbers and asserts nothing about speed. Not part of `./mvnw verify`
 * (the class name does not match Surefire's test patterns). Run it with
 * {@code ./mvnw -pl reporting-service -am verify -Dtest=EventBackboneBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dbench.events=5000 -Dbench.writers=2}).
 *
 * <p>End to end on one machine: writer threads commit one event per transaction into the outbox
 * (MariaDB), one relay publishes to ElasticMQ, one consumer long-polls and applies each event through
 * the inbox and the real feed handler (MariaDB again). Lag is commit to applied.
 */
@QuarkusTest
class EventBackboneBenchmark {

    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EventConsumer consumer;
    @Inject
    LagRecorder lag;

    @Test
    void publishAndConsumeEndToEnd() throws Exception {
        int events = Integer.getInteger("bench.events", 2000);
        int writers = Integer.getInteger("bench.writers", 2);
        MessageQueues.shared().drain("trellis-reporting-events");
        relay.drain();
        lag.lagMicros().clear();
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 6);

        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> relaying = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                if (relay.drain() == 0) {
                    sleep(5);
                }
            }
        });
        CompletableFuture<Void> consuming = CompletableFuture.runAsync(() -> {
            while (running.get() && lag.lagMicros().size() < events) {
                consumer.pollOnce(Duration.ofSeconds(1));
            }
        });

        long start = System.nanoTime();
        List<CompletableFuture<Void>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int share = events / writers + (w < events % writers ? 1 : 0);
            writing.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < share; i++) {
                    String aggregate = UUID.randomUUID().toString();
                    QuarkusTransaction.requiringNew().run(() -> outbox.append("bench", aggregate, tenant,
                            LagRecorder.BENCH_TYPE, Map.of("tickId", aggregate)));
                }
            }));
        }
        writing.forEach(CompletableFuture::join);
        long written = System.nanoTime();
        long deadline = written + Duration.ofMinutes(5).toNanos();
        while (lag.lagMicros().size() < events && System.nanoTime() < deadline) {
            sleep(20);
        }
        long consumed = System.nanoTime();
        running.set(false);
        relaying.join();
        consuming.join();

        List<Long> sorted = lag.lagMicros().stream().sorted().toList();
        double seconds = (consumed - start) / 1e9;
        System.out.printf("%n=== event backbone benchmark (%d events, %d writer threads, 1 relay, 1 consumer) ===%n",
                events, writers);
        System.out.printf("written (committed to outbox): %.0f events/s%n", events / ((written - start) / 1e9));
        System.out.printf("end to end (commit -> applied): %d of %d applied in %.1f s = %.0f events/s%n",
                sorted.size(), events, seconds, sorted.size() / seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("commit-to-consume lag: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

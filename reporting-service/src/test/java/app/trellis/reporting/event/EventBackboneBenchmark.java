package app.trellis.reporting.event;

import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: it prints numbers and asserts nothing about speed. Not part of `./mvnw verify`
 * (the class name does not match Surefire's test patterns). Run it with
 * {@code ./mvnw -pl reporting-service -am verify -Dtest=EventBackboneBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and options {@code -Dbench.events=4000 -Dbench.writers=8}; add {@code -Dbench.rate=200} for the paced mode.
 *
 * <p>End to end on one machine, with the relay and consumer loops that ship (switched on by a test
 * profile, as in production): writer threads commit one event per transaction into the outbox (MariaDB),
 * the relay publishes to ElasticMQ, the consumer long-polls and applies each event through the inbox and
 * a handler (MariaDB again). Lag is from the event's time (taken just before its commit) to applied.
 *
 * <ul>
 *   <li>Throughput mode (default): the writers commit as fast as they can; reports events/s end to end.</li>
 *   <li>Paced mode ({@code bench.rate} events/s): the writers commit on a fixed schedule, as steady traffic
 *       would; reports the lag percentiles at that rate.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(EventBackboneBenchmark.RealLoops.class)
class EventBackboneBenchmark {

    /** The relay and consumer run their own loops here, instead of being driven by hand as in tests. */
    public static class RealLoops implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trellis.outbox.relay-enabled", "true", "trellis.consumer.enabled", "true",
                    // the production values, not the test profile's short ones
                    "trellis.consumer.visibility-timeout", "PT30S", "trellis.consumer.wait-time", "PT10S",
                    // -Dbench.debug=true: per-batch timings of the relay and the consumer
                    "quarkus.log.category.\"app.trellis.platform.event\".level",
                    Boolean.getBoolean("bench.debug") ? "DEBUG" : "INFO");
        }
    }

    @Inject
    OutboxWriter outbox;
    @Inject
    LagRecorder lag;
    @Inject
    AgroalDataSource db;

    @Test
    void publishAndConsumeEndToEnd() {
        int events = Integer.getInteger("bench.events", 2000);
        int writers = Integer.getInteger("bench.writers", 2);
        int rate = Integer.getInteger("bench.rate", 0);
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 6);

        // Warm up the JIT, the pools and the queue before measuring anything.
        int warmUp = Math.min(1000, Math.max(100, events / 4));
        run(tenant, warmUp, writers, 0);
        lag.lagMicros().clear();

        Result result = run(tenant, events, writers, rate);
        List<Long> sorted = lag.lagMicros().stream().sorted().toList();
        System.out.printf("%n=== event backbone benchmark (%d events, %d writer threads, %s, relay and consumer loops) ===%n",
                events, writers, rate > 0 ? "paced at " + rate + " events/s" : "as fast as possible");
        System.out.printf("written (committed to outbox): %.0f events/s%n", events / result.writeSeconds());
        System.out.printf("relayed (outbox empty): %.0f events/s (after %.1f s)%n", events / result.relaySeconds(),
                result.relaySeconds());
        System.out.printf("end to end (commit -> applied): %d of %d applied in %.1f s = %.0f events/s%n",
                sorted.size(), events, result.totalSeconds(), sorted.size() / result.totalSeconds());
        if (!sorted.isEmpty()) {
            System.out.printf("commit-to-applied lag: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
            // Whether the lag is steady or grows (a backlog building up): median of each tenth, in arrival order.
            List<Long> arrival = List.copyOf(lag.lagMicros());
            StringBuilder tenths = new StringBuilder();
            for (int t = 0; t < 10; t++) {
                List<Long> tenth = arrival.subList(arrival.size() * t / 10, arrival.size() * (t + 1) / 10).stream()
                        .sorted().toList();
                tenths.append(tenth.isEmpty() ? "-" : String.format("%.0f", percentile(tenth, 0.5))).append(t < 9 ? " " : "");
            }
            System.out.printf("lag p50 per tenth of the run, ms: %s%n", tenths);
        }
    }

    private record Result(double writeSeconds, double relaySeconds, double totalSeconds) {
    }

    /** Commits {@code events} events from {@code writers} threads (at {@code rate} per second if positive). */
    private Result run(String tenant, int events, int writers, int rate) {
        int before = lag.lagMicros().size();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<CompletableFuture<Void>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writing.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                    if (rate > 0) {
                        sleepUntil(start + i * 1_000_000_000L / rate);
                    }
                    String aggregate = UUID.randomUUID().toString();
                    QuarkusTransaction.requiringNew().run(() -> outbox.append("bench", aggregate, tenant,
                            LagRecorder.BENCH_TYPE, Map.of("tickId", aggregate)));
                }
            }, pool));
        }
        writing.forEach(CompletableFuture::join);
        pool.shutdown();
        long written = System.nanoTime();
        long deadline = written + Duration.ofMinutes(5).toNanos();
        long relayed = 0;
        for (int i = 0; lag.lagMicros().size() - before < events && System.nanoTime() < deadline; i++) {
            // The outbox is looked at every 50 ms only: the benchmark should not load the database itself.
            if (relayed == 0 && i % 25 == 0 && Sql.count(db, "SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND sent_at IS NULL", tenant) == 0) {
                relayed = System.nanoTime();
            }
            sleepUntil(System.nanoTime() + 2_000_000);
        }
        long consumed = System.nanoTime();
        return new Result((written - start) / 1e9, ((relayed == 0 ? consumed : relayed) - start) / 1e9,
                (consumed - start) / 1e9);
    }

    static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1000.0;
    }

    static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package app.trellis.cases.bench;

import app.trellis.platform.audit.AuditVerifier;
import app.trellis.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: it prints numbers and asserts nothing about speed. Not part of `./mvnw verify`
 * (the class name does not match Surefire's test patterns). Run it with
 * {@code ./mvnw -pl case-service -am verify -Dtest=CaseServiceBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dbench.clients=2000 -Dbench.threads=8 -Dbench.seconds=20}).
 *
 * <p>Over HTTP against MariaDB, with synthetic clients of one tenant: registration (encryption, blind
 * indexes, audit, outbox and idempotency key in one transaction), reads of one client (each one an audit
 * append on the tenant's chain, the serial point), exact search by SSN and by name prefix, and the
 * auditor's verification of the whole chain.
 */
@QuarkusTest
class CaseServiceBenchmark {

    @Inject
    AuditVerifier verifier;

    private final String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 6);
    private final String sam = TestTokens.builder("sam").claim("tenant", tenant).expiresIn(3600)
            .claim("realm_access", java.util.Map.of("roles", List.of("supervisor"))).build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measure() throws Exception {
        int clients = Integer.getInteger("bench.clients", 2000);
        int threads = Integer.getInteger("bench.threads", 8);
        int seconds = Integer.getInteger("bench.seconds", 20);
        String base = "http://127.0.0.1:" + RestAssured.port + "/api/v1/clients";
        System.out.printf(Locale.ROOT, "case-service benchmark: %d clients, %d threads, %d s per read phase%n",
                clients, threads, seconds);

        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        report("register (POST /clients)", runCount(clients, threads, i -> {
            String body = "{\"name\":{\"given\":\"Given" + i + "\",\"family\":\"Family" + (i % 500) + "\"},"
                    + "\"birthDate\":\"1970-01-" + String.format(Locale.ROOT, "%02d", 1 + i % 28) + "\",\"sex\":\"unknown\","
                    + "\"identifiers\":{\"ssn\":\"" + ssn(i) + "\"}}";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body)));
            ids.add(r.body().substring(r.body().indexOf("\"id\":\"") + 6, r.body().indexOf("\"id\":\"") + 42));
            return r.statusCode();
        }));
        report("read one client (GET /clients/{id})", runFor(seconds, threads,
                i -> send(HttpRequest.newBuilder(URI.create(base + "/" + ids.get(i % ids.size()))).GET()).statusCode()));
        report("exact search by SSN", runFor(seconds, threads, i -> send(HttpRequest.newBuilder(
                URI.create(base + "?identifier=" + ssn(i % clients))).GET()).statusCode()));
        report("name prefix search, first page of 20", runFor(seconds, threads, i -> send(HttpRequest.newBuilder(
                URI.create(base + "?limit=20&name=Family" + (i % 500))).GET()).statusCode()));

        long start = System.nanoTime();
        AuditVerifier.Report chain = verifier.verify(tenant);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "audit verification: %d records in %.0f ms (%.0f records/s), intact=%s%n",
                chain.recordsChecked(), ms, chain.recordsChecked() / (ms / 1000), chain.intact());
    }

    private static String ssn(int i) {
        return String.format(Locale.ROOT, "9%02d-%02d-%04d", i % 100, 1 + (i / 100) % 99, i % 10000);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + sam).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int calls, int errors, double seconds, List<Long> micros) {
    }

    private static Result runCount(int total, int threads, IntFunction<Integer> call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return run(threads, () -> next.get() < total, () -> next.getAndIncrement(), call, total);
    }

    private static Result runFor(int seconds, int threads, IntFunction<Integer> call) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        return run(threads, () -> System.nanoTime() < end, next::getAndIncrement, call, Integer.MAX_VALUE);
    }

    private static Result run(int threads, java.util.function.BooleanSupplier more, java.util.function.IntSupplier index,
                              IntFunction<Integer> call, int limit) throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (more.getAsBoolean()) {
                    int i = index.getAsInt();
                    if (i >= limit) {
                        return;
                    }
                    long s = System.nanoTime();
                    int status = call.apply(i);
                    micros.add((System.nanoTime() - s) / 1000);
                    if (status >= 300) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return new Result(micros.size(), errors.get(), (System.nanoTime() - start) / 1e9, new ArrayList<>(micros));
    }

    private static void report(String what, Result r) {
        List<Long> sorted = new ArrayList<>(r.micros());
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-40s %6d calls %4d errors %8.1f /s  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                what, r.calls(), r.errors(), r.calls() / r.seconds(), pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }
}

package app.trellis.platform.audit;

import app.trellis.platform.config.AuditConfig;
import app.trellis.platform.event.OutboxRelay;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Group commit for the audit chain: one appender per service instance. Reads hand their records over and
 * wait until they are durable; writes leave intents in their own transactions and wake the appender after
 * commit. The appender takes everything pending (up to {@code trellis.audit.max-batch}), and per tenant locks
 * the chain head once, links the batch in memory, writes it with multi-row inserts, advances the head and
 * commits once ({@link ChainSealer}). Auditing therefore has no per-request serial point: a tenant's
 * concurrent reads share one head lock and one commit.
 *
 * <p>It runs on a connection pool of its own ({@code quarkus.datasource.audit}), so it never waits for a
 * connection a request holds, and a request waiting for its record never blocks the appender: the pools
 * cannot deadlock. If a batch fails, every request waiting on it fails (503) and returns no PHI.
 */
@Singleton
public class AuditAppender {

    private static final Logger LOG = Logger.getLogger(AuditAppender.class);
    private static final Pending WAKE = new Pending(List.of(), null);

    @Inject
    @DataSource("audit")
    AgroalDataSource db;
    @Inject
    ChainSealer sealer;
    @Inject
    AuditConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    OutboxRelay relay;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** True when a write committed an intent (or after a restart): the next batch sweeps intents. */
    private final AtomicBoolean intentsWaiting = new AtomicBoolean(true);
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());
    private volatile boolean running;
    private final List<Worker> workers = new ArrayList<>();

    private record Pending(List<AuditChain.Unchained> records, CompletableFuture<Void> durable) {
    }

    private Timer batchTime;
    private DistributionSummary batchSize;
    private Counter batchFailures;

    void onStart(@Observes StartupEvent start) {
        batchTime = Timer.builder("trellis.audit.batch.duration").description("One group commit of the audit chain")
                .publishPercentiles(0.5, 0.99).register(registry);
        batchSize = DistributionSummary.builder("trellis.audit.batch.records")
                .description("Records sealed per group commit").register(registry);
        batchFailures = Counter.builder("trellis.audit.batch.failures")
                .description("Group commits that failed (their waiting reads answered 503)").register(registry);
        start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    /** Starts the appender's workers (at startup; tests also use it to model a restart). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        intentsWaiting.set(true);
        for (int i = 0; i < config.workers(); i++) {
            Worker worker = new Worker("audit-appender-" + i);
            workers.add(worker);
            worker.thread.start();
        }
    }

    /** Stops after the batches in progress; whatever still waits fails with 503 (its PHI is never returned). */
    public synchronized void stop() {
        running = false;
        for (Worker worker : workers) {
            worker.thread.interrupt();
        }
        for (Worker worker : workers) {
            try {
                worker.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.discardConnection();
        }
        workers.clear();
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> queued.addAndGet(-p.records().size()));
        fail(left, new IllegalStateException("the audit appender stopped"));
    }

    /**
     * Makes the records durable in their chains, or fails with a 503 problem. Returns only once they are
     * committed: the caller may then release the PHI they describe.
     */
    void appendAndWait(List<AuditChain.Unchained> records) {
        if (records.isEmpty()) {
            return;
        }
        if (!running || queued.addAndGet(records.size()) > config.maxPending()) {
            if (running) {
                queued.addAndGet(-records.size());
            }
            throw unavailable();
        }
        Pending pending = new Pending(records, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.durable().get(config.awaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            // A timed-out batch may still commit later: then the record exists for data never returned,
            // which over-reports an access; it never under-reports one.
            throw unavailable();
        }
    }

    /** A write committed an intent: chain it promptly rather than at the next poll. */
    void wake() {
        if (!intentsWaiting.getAndSet(true)) {
            queue.offer(WAKE);
        }
    }

    /**
     * One of the appender's threads, with a connection of its own. Two of them overlap one batch's commit
     * (the log flush) with the next batch's statements; {@link ChainSealer} keeps their chain order.
     */
    private final class Worker {
        final Thread thread;
        private Connection connection;

        Worker(String name) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        private void run() {
            while (running) {
                List<Pending> batch = new ArrayList<>();
                try {
                    Pending first = queue.poll(config.intentPoll().toMillis(), TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        drainUpTo(batch, config.maxBatch());
                    }
                } catch (InterruptedException e) {
                    break;
                }
                batch.removeIf(p -> p == WAKE);
                long now = System.nanoTime();
                long due = nextSweep.get();
                boolean sweep = intentsWaiting.getAndSet(false)
                        || (now - due >= 0 && nextSweep.compareAndSet(due, now + config.intentPoll().toNanos()));
                if (batch.isEmpty() && !sweep) {
                    continue;
                }
                seal(this, batch, sweep);
            }
        }

        /**
         * The worker keeps one connection in manual-commit mode between batches (no autocommit switching and
         * no pool hand-over per batch); after any failure it is closed and the next batch takes a fresh one.
         */
        Connection connection() throws SQLException {
            if (connection == null) {
                Connection fresh = db.getConnection();
                fresh.setAutoCommit(false);
                connection = fresh;
            }
            return connection;
        }

        void discardConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // Already broken: the pool drops it.
                }
                connection = null;
            }
        }
    }

    private void drainUpTo(List<Pending> batch, int maxRecords) {
        int records = batch.get(0).records().size();
        Pending next;
        while (records < maxRecords && (next = queue.poll()) != null) {
            batch.add(next);
            records += next.records().size();
        }
    }

    private void seal(Worker worker, List<Pending> batch, boolean sweepIntents) {
        List<AuditChain.Unchained> records = new ArrayList<>();
        batch.forEach(p -> records.addAll(p.records()));
        long started = System.nanoTime();
        try {
            int intentLimit = sweepIntents ? config.maxBatch() : 0;
            int intents = sealer.seal(worker.connection(), records, intentLimit);
            if (intents > 0 && intents == intentLimit) {
                intentsWaiting.set(true);
            }
            batch.forEach(p -> p.durable().complete(null));
            if (intents > 0 || !records.isEmpty()) {
                // The batch wrote its published runs to the outbox: no need to wait for the relay's next poll.
                relay.wake();
            }
            if (!records.isEmpty()) {
                batchTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                batchSize.record(records.size());
            }
        } catch (SQLException | RuntimeException e) {
            batchFailures.increment();
            LOG.warnf("Audit batch of %d records failed, waiting requests get 503: %s", records.size(), failure(e));
            fail(batch, e);
            intentsWaiting.set(true);
            worker.discardConnection();
        } finally {
            batch.forEach(p -> queued.addAndGet(-p.records().size()));
        }
    }

    /** What failed, without the driver's message (it may quote values): the step, the exception, the SQLState. */
    private static String failure(Exception e) {
        if (e instanceof Jdbc.DataAccessFailure f) {
            return f.getMessage() + " (" + f.sqlCause().getClass().getSimpleName() + ", SQLState "
                    + f.sqlCause().getSQLState() + ")";
        }
        return e instanceof SQLException sql ? sql.getClass().getSimpleName() + " (SQLState " + sql.getSQLState() + ")"
                : e.getClass().getSimpleName();
    }

    private static void fail(List<Pending> batch, Exception cause) {
        batch.forEach(p -> {
            if (p.durable() != null) {
                p.durable().completeExceptionally(cause);
            }
        });
    }

    static ProblemException unavailable() {
        return new ProblemException(503, "audit-unavailable", "Audit trail unavailable",
                "The access could not be recorded in the audit trail, so no data was returned; retry shortly");
    }
}

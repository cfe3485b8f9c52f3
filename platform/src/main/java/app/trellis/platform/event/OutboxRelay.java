package app.trellis.platform.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the queues the topology routes them to, in three steps so that no
 * database transaction stays open while SQS answers:
 * <ol>
 *   <li>lease: a short transaction claims due rows ({@code FOR UPDATE SKIP LOCKED}), pushes their
 *       {@code next_attempt_at} to the end of a lease and stamps them with a fresh lease token;</li>
 *   <li>send, outside any transaction ({@link OutboxPublisher});</li>
 *   <li>mark: a second short transaction marks the rows sent, or failed with exponential backoff, but
 *       only rows that still hold this claim's token.</li>
 * </ol>
 * A relay that dies after sending leaves its rows leased; when the lease ends they are sent again (at
 * least once; consumers deduplicate on the event id). Several instances are safe: a leased row is
 * neither due nor locked-and-claimable elsewhere, and an aggregate's next ordered event waits until the
 * previous one is marked sent.
 *
 * <p>The loop drains while there is work, then sleeps until {@link #wake()} (a commit that wrote an
 * event, see {@link OutboxWriter}) or the poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_BATCHES_PER_DRAIN = 100;
    /** MySQL/MariaDB: deadlock, lock wait timeout. A claim touches nothing outside the database, so it retries. */
    private static final List<Integer> RETRYABLE = List.of(1213, 1205);
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);

    @Inject
    OutboxStore store;
    @Inject
    OutboxPublisher publisher;
    @Inject
    OutboxConfig config;
    @Inject
    Clock clock;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "trellis-outbox-relay");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop == null) {
            return;
        }
        running = false;
        wake();
        try {
            // A batch in flight finishes (or its lease expires and another instance resends it).
            loop.join(config.sendTimeout().toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.interrupt();
    }

    /** Asks the loop to look at the outbox now. Cheap and non-blocking; a no-op when the loop is off. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        while (running) {
            try {
                if (relayBatch() == 0) {
                    // A wake-up that came while the last batch ran left a permit: the next claim follows at once.
                    awaitWork(config.pollInterval());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay run failed: %s", e.getClass().getSimpleName());
                awaitWork(PAUSE_AFTER_ERROR.compareTo(config.pollInterval()) > 0 ? PAUSE_AFTER_ERROR : config.pollInterval());
            }
        }
    }

    private void awaitWork(Duration max) {
        try {
            if (wakeUps.tryAcquire(max.toNanos(), TimeUnit.NANOSECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Relays batches until the outbox has nothing due (bounded per call). Returns rows handled. */
    public int drain() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_DRAIN; i++) {
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
     * One lease-send-mark cycle; returns the rows it leased. {@code afterSend} runs between sending and
     * marking; fault-injection tests throw from it (or block in it) to fail at the worst moment. When it
     * throws, the rows are handed back at once, as after any failure this process survives; a process that
     * dies there cannot do that, and its rows wait for the lease to end.
     */
    public int relayBatch(Runnable afterSend) {
        String token = UUID.randomUUID().toString();
        long leasedAt = System.nanoTime();
        Instant now = clock.instant();
        List<OutboxStore.Pending> batch = lease(now, token);
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> ids = batch.stream().map(OutboxStore.Pending::id).toList();
        long sending = System.nanoTime();
        Map<String, String> failures;
        try {
            failures = publisher.send(batch, leasedAt + config.lease().minus(config.sendTimeout()).toNanos());
            afterSend.run();
        } catch (RuntimeException e) {
            release(ids, token);
            throw e;
        }
        long marking = System.nanoTime();
        mark(batch, failures, token, leasedAt);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Relayed %d events: lease %d ms, send %d ms, mark %d ms", batch.size(),
                    (sending - leasedAt) / 1_000_000, (marking - sending) / 1_000_000, (System.nanoTime() - marking) / 1_000_000);
        }
        return batch.size();
    }

    private List<OutboxStore.Pending> lease(Instant now, String token) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().timeout(10)
                        .call(() -> store.lease(config.batchSize(), now, now.plus(config.lease()), token));
            } catch (RuntimeException e) {
                // Two relays' claims can deadlock on the pending index; the loser simply claims again.
                if (attempt >= 3 || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private void mark(List<OutboxStore.Pending> batch, Map<String, String> failures, String token, long leasedAt) {
        List<String> sent = new ArrayList<>();
        // Failed rows grouped by their attempt count and error, so an outage costs one statement, not one per row.
        Map<List<Object>, List<String>> failed = new LinkedHashMap<>();
        for (OutboxStore.Pending row : batch) {
            String error = failures.get(row.id());
            if (error == null) {
                sent.add(row.id());
            } else {
                failed.computeIfAbsent(List.of(row.attempts() + 1, error), k -> new ArrayList<>()).add(row.id());
            }
        }
        Instant now = clock.instant();
        int lost = QuarkusTransaction.requiringNew().timeout(10).call(() -> {
            store.readCommitted();
            int marked = store.markSent(sent, token, now);
            for (Map.Entry<List<Object>, List<String>> group : failed.entrySet()) {
                int attempts = (Integer) group.getKey().get(0);
                marked += store.markFailed(group.getValue(), token, attempts, now.plus(backoff(attempts)),
                        (String) group.getKey().get(1));
            }
            return batch.size() - marked;
        });
        if (!failures.isEmpty()) {
            LOG.warnf("Outbox relay: %d of %d events not sent, will retry", failures.size(), batch.size());
        }
        if (lost > 0) {
            // Sent, but the lease ran out first (a pause longer than the lease): another claim owns them now.
            LOG.warnf("Outbox relay: lease of %d events ran out after %d ms; they may be sent twice", lost,
                    (System.nanoTime() - leasedAt) / 1_000_000);
        }
    }

    /** Best effort: a failure here only means the rows wait for their lease to end. */
    private void release(List<String> ids, String token) {
        try {
            QuarkusTransaction.requiringNew().timeout(10).run(() -> store.release(ids, token, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay: could not hand back %d leased events (%s); they wait for the lease",
                    ids.size(), e.getClass().getSimpleName());
        }
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = config.initialBackoff().multipliedBy(factor);
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }
}

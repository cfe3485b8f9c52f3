package app.trellis.platform.idempotency;

import app.trellis.platform.config.IdempotencyConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Forgets keys after the retention period, in small batches so it never holds long locks. */
@ApplicationScoped
public class IdempotencyPruner {

    private static final int BATCH = 500;

    @Inject
    IdempotencyStore store;
    @Inject
    IdempotencyConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${trellis.idempotency.prune-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void prune() {
        store.pruneOlderThan(clock.instant().minus(config.retention()), BATCH);
    }
}

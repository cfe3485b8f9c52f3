package app.trellis.document.event;

import app.trellis.document.service.DocumentRetention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Removes, on a schedule, the bytes of deleted documents whose retention ran out (see {@link DocumentRetention}). */
@ApplicationScoped
public class RetentionSweeper {

    @Inject
    DocumentRetention retention;

    @Scheduled(every = "${trellis.retention-sweep.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (retention.sweep() > 0) {
            // another batch
        }
    }
}

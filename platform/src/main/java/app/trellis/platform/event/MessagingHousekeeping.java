package app.trellis.platform.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Prunes sent outbox rows and old inbox rows in small batches, so it never holds long locks. */
@ApplicationScoped
public class MessagingHousekeeping {

    private static final int BATCH = 1000;

    @Inject
    OutboxStore outbox;
    @Inject
    InboxStore inbox;
    @Inject
    OutboxConfig outboxConfig;
    @Inject
    ConsumerConfig consumerConfig;
    @Inject
    Clock clock;

    @Scheduled(every = "${trellis.messaging.prune-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void prune() {
        QuarkusTransaction.requiringNew().run(() -> outbox.pruneSent(clock.instant().minus(outboxConfig.retention()), BATCH));
        QuarkusTransaction.requiringNew().run(() -> inbox.prune(clock.instant().minus(consumerConfig.inboxRetention()), BATCH));
    }
}

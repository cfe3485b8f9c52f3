package app.trellis.platform.event;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Gauges operators alert on: outbox backlog and age of the oldest unsent event, depth of this service's
 * queue (consumer lag) and of its dead-letter queue. Refreshed in the background so a scrape never
 * touches the database or SQS. No labels carry tenant or person data.
 */
@ApplicationScoped
public class MessagingMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    OutboxStore outbox;
    @Inject
    SqsClient sqs;
    @Inject
    QueueUrls queues;
    @Inject
    Clock clock;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    void register(@Observes StartupEvent startup) {
        Gauge.builder("trellis.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet sent").register(registry);
        Gauge.builder("trellis.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unsent outbox event").register(registry);
        Gauge.builder("trellis.consumer.queue.depth", queueDepth, AtomicLong::get)
                .description("Messages waiting or in flight on this service's queue").register(registry);
        Gauge.builder("trellis.consumer.dead.letters", deadLetters, AtomicLong::get)
                .description("Messages in this service's dead-letter queue").register(registry);
    }

    @Scheduled(every = "${trellis.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        OutboxStore.Backlog current = outbox.backlog();
        backlog.set(current.count());
        oldestAgeSeconds.set(current.oldest().map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(0L));
        try {
            queueDepth.set(depth(queues.ownQueue()));
            deadLetters.set(depth(queues.ownDeadLetterQueue()));
        } catch (RuntimeException e) {
            // SQS unreachable: readiness reports it; keep the last known values.
        }
    }

    private long depth(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }
}

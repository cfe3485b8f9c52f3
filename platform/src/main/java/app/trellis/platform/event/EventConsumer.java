package app.trellis.platform.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Long-polls this service's own queue and applies each event once: the inbox row and the handlers'
 * effects commit in one transaction (shared by up to {@code batch-size} events of one receive), then the
 * message is deleted. A failure leaves the message to come
 * back after {@code retry-delay}; after 5 receives SQS moves it to the dead-letter queue, while the
 * messages behind it keep flowing. A slow handler's message stays invisible through a heartbeat.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** What became of one delivery. */
    public enum Outcome { APPLIED, DUPLICATE, IGNORED, FAILED, UNREADABLE }

    @Inject
    SqsClient sqs;
    @Inject
    QueueUrls queues;
    @Inject
    ConsumerConfig config;
    @Inject
    InboxStore inbox;
    @Inject
    @Any
    Instance<EventHandler> handlers;
    @Inject
    Clock clock;
    @Inject
    Instance<EntityManager> entities;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** SQS returns at most 10 messages per receive. */
    private static final int MAX_PER_RECEIVE = 10;

    private volatile boolean running;
    /** Permits for messages received and not yet handled; bounds what one instance holds invisible. */
    private Semaphore room;
    private ExecutorService loop;
    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;

    /** Events applied per transaction: how much the grouping saves (1 = no grouping happened). */
    private DistributionSummary batches;

    void start(@Observes StartupEvent startup) {
        batches = DistributionSummary.builder("trellis.consumer.transaction.events")
                .description("Events applied in one consumer transaction").register(registry);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "trellis-consumer-heartbeat"));
        workers = Executors.newFixedThreadPool(config.concurrency(), r -> thread(r, "trellis-consumer-worker"));
        room = new Semaphore(Math.max(MAX_PER_RECEIVE, config.maxInFlight()));
        if (!config.enabled()) {
            return;
        }
        running = true;
        loop = Executors.newFixedThreadPool(config.pollers(), r -> thread(r, "trellis-consumer"));
        for (int i = 0; i < config.pollers(); i++) {
            loop.submit(this::run);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (loop != null) {
            loop.shutdown();
        }
        heartbeat.shutdownNow();
        workers.shutdown();
    }

    /**
     * A receive loop. It does not wait for the messages it hands to the workers: it receives again as long
     * as fewer than {@code max-in-flight} messages are being handled, so the round trips to SQS (receive,
     * delete) and to the database (each commit) overlap instead of adding up.
     */
    private void run() {
        while (running) {
            int taken = 0;
            try {
                taken = takeRoom();
                if (taken == 0) {
                    continue;
                }
                String url = queues.ownQueue();
                List<Message> messages = receive(url, config.waitTime(), taken);
                room.release(taken - messages.size());
                int received = messages.size();
                taken = 0;
                process(url, messages).whenComplete((done, failure) -> room.release(received));
            } catch (RuntimeException e) {
                room.release(taken);
                LOG.warnf("Polling %s failed (%s); retrying", consumer, e.getClass().getSimpleName());
                sleep(config.retryDelay());
            }
        }
    }

    /** Waits (while running) until there is room for a message in flight; takes up to one receive's worth. */
    private int takeRoom() {
        try {
            if (!room.tryAcquire(1, TimeUnit.SECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return 0;
        }
        int taken = 1;
        while (taken < MAX_PER_RECEIVE && room.tryAcquire()) {
            taken++;
        }
        return taken;
    }

    /** Receives up to 10 messages (waiting at most {@code wait}) and handles each; returns how many arrived. */
    public int pollOnce(Duration wait) {
        String url = queues.ownQueue();
        List<Message> messages = receive(url, wait, MAX_PER_RECEIVE);
        if (messages.isEmpty()) {
            return 0;
        }
        process(url, messages).join();
        return messages.size();
    }

    private List<Message> receive(String url, Duration wait, int max) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)
                .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                .visibilityTimeout((int) config.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                .messageAttributeNames("All")).messages();
    }

    /**
     * Handles the messages of one receive in groups of up to {@code batch-size}, each group in one transaction
     * (one commit, one round of the consumer's own bookkeeping, such as reporting's feed numbering, instead of
     * one per event), the groups side by side; then deletes the handled ones in one call. Each message is kept
     * invisible from its receipt until it is handled, also while it waits for a worker.
     */
    private CompletableFuture<Void> process(String url, List<Message> messages) {
        long received = System.nanoTime();
        List<ScheduledFuture<?>> keepInvisible = new ArrayList<>(messages.size());
        for (Message message : messages) {
            keepInvisible.add(extendVisibilityWhileRunning(url, message));
        }
        int size = Math.max(1, config.batchSize());
        List<CompletableFuture<List<Outcome>>> groups = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += size) {
            int to = Math.min(messages.size(), from + size);
            List<Message> group = messages.subList(from, to);
            List<ScheduledFuture<?>> heartbeats = keepInvisible.subList(from, to);
            groups.add(CompletableFuture.supplyAsync(() -> handleTogether(url, group, heartbeats), workers));
        }
        return CompletableFuture.allOf(groups.toArray(CompletableFuture[]::new))
                .thenRun(() -> {
                    long handled = System.nanoTime();
                    List<Outcome> outcomes = new ArrayList<>(messages.size());
                    groups.forEach(group -> outcomes.addAll(group.join()));
                    deleteHandled(url, messages, outcomes);
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("Consumed %d messages: handle %d ms, delete %d ms", messages.size(),
                                (handled - received) / 1_000_000, (System.nanoTime() - handled) / 1_000_000);
                    }
                })
                .whenComplete((done, failure) -> keepInvisible.forEach(heartbeat -> heartbeat.cancel(false)));
    }

    private void deleteHandled(String url, List<Message> messages, List<Outcome> outcomes) {
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome != Outcome.FAILED && outcome != Outcome.UNREADABLE) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(messages.get(i).receiptHandle()).build());
            }
        }
        if (done.isEmpty()) {
            return;
        }
        try {
            sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(done));
        } catch (RuntimeException e) {
            // Only means a redelivery, which the inbox turns into a no-op.
            LOG.warnf("Deleting %d handled messages from %s failed (%s)", done.size(), consumer,
                    e.getClass().getSimpleName());
        }
    }

    /** One received message: its event (null when unreadable), the request that caused it, its heartbeat. */
    private record Delivery(Message message, CloudEvent event, String requestId, ScheduledFuture<?> keepInvisible) {
    }

    /**
     * Applies a group of messages in one transaction. When any of them fails, nothing of the group is kept and
     * each is applied again on its own, so one bad event costs the others a second try, never their effect:
     * the failed one alone is left for a retry (and the dead-letter queue).
     */
    private List<Outcome> handleTogether(String url, List<Message> messages, List<ScheduledFuture<?>> heartbeats) {
        List<Delivery> deliveries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            MessageAttributeValue requestId = message.messageAttributes().get("requestId");
            deliveries.add(new Delivery(message, read(message), requestId == null ? null : requestId.stringValue(),
                    heartbeats.get(i)));
        }
        List<Delivery> applicable = deliveries.stream()
                .filter(d -> d.event() != null && !handlersOf(d.event()).isEmpty()).toList();
        if (applicable.size() > 1) {
            try {
                Map<Delivery, Outcome> outcomes = applyTogether(applicable);
                return deliveries.stream().map(d -> d.event() == null ? unreadable(url, d)
                        : outcomes.getOrDefault(d, Outcome.IGNORED)).toList();
            } catch (RuntimeException e) {
                LOG.debugf("A group of %d events failed in %s (%s); applying each on its own", applicable.size(),
                        consumer, e.getClass().getSimpleName());
            }
        }
        return deliveries.stream().map(d -> d.event() == null ? unreadable(url, d) : handleAlone(url, d)).toList();
    }

    private Map<Delivery, Outcome> applyTogether(List<Delivery> deliveries) {
        Map<Delivery, Outcome> outcomes = new IdentityHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Delivery delivery : deliveries) {
                if (!outcomes.isEmpty()) {
                    // What the previous event's handlers changed through entities is visible to this one's SQL.
                    flushEntities();
                }
                outcomes.put(delivery, withRequestId(delivery, () -> applyWithin(delivery.event(),
                        handlersOf(delivery.event()))));
            }
        });
        batches.record(deliveries.size());
        return outcomes;
    }

    private Outcome handleAlone(String url, Delivery delivery) {
        try {
            return withRequestId(delivery, () -> apply(delivery.event()));
        } catch (RuntimeException e) {
            LOG.warnf("Event %s (%s) failed in %s: %s", delivery.event().id(), delivery.event().type(), consumer,
                    e.getClass().getSimpleName());
            retryLater(url, delivery);
            return Outcome.FAILED;
        }
    }

    private Outcome unreadable(String url, Delivery delivery) {
        Message message = delivery.message();
        LOG.warnf("Unreadable message %s on %s (receive %s)", message.messageId(), consumer,
                message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        retryLater(url, delivery);
        return Outcome.UNREADABLE;
    }

    private static <T> T withRequestId(Delivery delivery, Supplier<T> work) {
        if (delivery.requestId() != null) {
            MDC.put("requestId", delivery.requestId());
        }
        try {
            return work.get();
        } finally {
            MDC.remove("requestId");
        }
    }

    /**
     * Applies an event exactly once per consumer, whatever delivered it (SQS, a redrive, a test).
     * Throws when a handler fails; nothing of it is then kept.
     */
    public Outcome apply(CloudEvent event) {
        List<EventHandler> applying = handlersOf(event);
        if (applying.isEmpty()) {
            // Nothing here acts on it, so there is nothing to apply once: no transaction and no inbox row (a
            // queue may carry types whose handler comes later, and each would otherwise cost a commit).
            return Outcome.IGNORED;
        }
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> applyWithin(event, applying));
        batches.record(1);
        return outcome;
    }

    /** The inbox row and the handlers' effects, in the caller's transaction. */
    private Outcome applyWithin(CloudEvent event, List<EventHandler> applying) {
        if (!inbox.record(consumer, event.id(), event.type(), clock.instant())) {
            return Outcome.DUPLICATE;
        }
        for (EventHandler handler : applying) {
            handler.handle(event);
        }
        return Outcome.APPLIED;
    }

    private List<EventHandler> handlersOf(CloudEvent event) {
        return handlers.stream().filter(h -> h.handles(event.type())).toList();
    }

    private void flushEntities() {
        if (entities.isResolvable()) {
            entities.get().flush();
        }
    }

    private CloudEvent read(Message message) {
        try {
            CloudEvent event = json.readValue(message.body(), CloudEvent.class);
            boolean complete = event.id() != null && event.type() != null && event.tenantid() != null
                    && CloudEvent.SPEC_VERSION.equals(event.specversion());
            return complete ? event : null;
        } catch (Exception e) {
            return null;
        }
    }

    private ScheduledFuture<?> extendVisibilityWhileRunning(String url, Message message) {
        long period = Math.max(1, config.visibilityTimeout().toSeconds() / 2);
        return heartbeat.scheduleAtFixedRate(() -> {
            try {
                sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) config.visibilityTimeout().toSeconds()));
            } catch (RuntimeException e) {
                LOG.debugf("Could not extend visibility of %s", message.messageId());
            }
        }, period, period, TimeUnit.SECONDS);
    }

    private void retryLater(String url, Delivery delivery) {
        // Its heartbeat would otherwise extend the visibility again and delay the retry.
        delivery.keepInvisible().cancel(false);
        Message message = delivery.message();
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())
                    .visibilityTimeout((int) config.retryDelay().toSeconds()));
        } catch (RuntimeException e) {
            // The visibility timeout brings it back anyway.
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(100, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

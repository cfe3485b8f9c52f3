package app.trellis.platform.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * effects commit in one transaction, then the message is deleted. A failure leaves the message to come
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

    void start(@Observes StartupEvent startup) {
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
     * Handles the messages of one receive side by side (each in its own transaction, so the database can
     * group the commits instead of paying one log flush after another), then deletes the handled ones in
     * one call. Each message is kept invisible from its receipt until it is handled, also while it waits
     * for a worker.
     */
    private CompletableFuture<Void> process(String url, List<Message> messages) {
        long received = System.nanoTime();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(messages.size());
        for (Message message : messages) {
            ScheduledFuture<?> keepInvisible = extendVisibilityWhileRunning(url, message);
            outcomes.add(CompletableFuture.supplyAsync(() -> handle(url, message, keepInvisible), workers));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenRun(() -> {
                    long handled = System.nanoTime();
                    deleteHandled(url, messages, outcomes);
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("Consumed %d messages: handle %d ms, delete %d ms", messages.size(),
                                (handled - received) / 1_000_000, (System.nanoTime() - handled) / 1_000_000);
                    }
                });
    }

    private void deleteHandled(String url, List<Message> messages, List<CompletableFuture<Outcome>> outcomes) {
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Outcome outcome = outcomes.get(i).join();
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

    Outcome handle(String url, Message message, ScheduledFuture<?> keepInvisible) {
        try {
            CloudEvent event = read(message);
            if (event == null) {
                LOG.warnf("Unreadable message %s on %s (receive %s)", message.messageId(), consumer,
                        message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                keepInvisible.cancel(false);
                retryLater(url, message);
                return Outcome.UNREADABLE;
            }
            MessageAttributeValue requestId = message.messageAttributes().get("requestId");
            if (requestId != null) {
                MDC.put("requestId", requestId.stringValue());
            }
            try {
                return apply(event);
            } catch (RuntimeException e) {
                LOG.warnf("Event %s (%s) failed in %s: %s", event.id(), event.type(), consumer,
                        e.getClass().getSimpleName());
                keepInvisible.cancel(false);
                retryLater(url, message);
                return Outcome.FAILED;
            }
        } finally {
            keepInvisible.cancel(false);
            MDC.remove("requestId");
        }
    }

    /**
     * Applies an event exactly once per consumer, whatever delivered it (SQS, a redrive, a test).
     * Throws when a handler fails; nothing of it is then kept.
     */
    public Outcome apply(CloudEvent event) {
        List<EventHandler> applying = handlers.stream().filter(h -> h.handles(event.type())).toList();
        if (applying.isEmpty()) {
            // Nothing here acts on it, so there is nothing to apply once: no transaction and no inbox row (a
            // queue may carry types whose handler comes later, and each would otherwise cost a commit).
            return Outcome.IGNORED;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.record(consumer, event.id(), event.type(), clock.instant())) {
                return Outcome.DUPLICATE;
            }
            for (EventHandler handler : applying) {
                handler.handle(event);
            }
            return Outcome.APPLIED;
        });
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

    private void retryLater(String url, Message message) {
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

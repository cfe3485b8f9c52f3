package app.trellis.reporting.service;

import app.trellis.reporting.config.FeedConfig;
import app.trellis.reporting.domain.FeedEvent;
import app.trellis.reporting.domain.FeedItem;
import app.trellis.reporting.domain.FeedReader;
import app.trellis.reporting.domain.FeedSubscription;
import app.trellis.reporting.event.SubscriberQueues;
import app.trellis.reporting.repository.FeedSubscriptionRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers each subscription's feed into its subscriber's queue, each subscription on a thread of its own and from
 * its own cursor: a slow, missing or failing queue delays only its own subscription. A subscription is leased
 * while it is delivered, so instances never deliver the same one at once; a batch that fails is retried with
 * backoff, and after {@code max-attempts} parked (sent to the subscriber's dead-letter queue where one exists)
 * while the cursor moves on.
 */
@ApplicationScoped
public class SubscriptionDelivery {

    private static final Logger LOG = Logger.getLogger(SubscriptionDelivery.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Batches per turn of one subscription, so a long backlog does not keep its thread forever. */
    private static final int BATCHES_PER_TURN = 50;

    @Inject
    FeedConfig config;
    @Inject
    FeedSubscriptionRepository subscriptions;
    @Inject
    EventFeed feed;
    @Inject
    FeedView view;
    @Inject
    Subscriptions registry;
    @Inject
    SubscriberQueues queues;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ExecutorService deliverers;
    private ScheduledExecutorService loop;

    void start(@Observes StartupEvent startup) {
        deliverers = Executors.newFixedThreadPool(config.delivery().threads(), r -> daemon(r, "trellis-feed-delivery"));
        if (config.delivery().enabled()) {
            loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "trellis-feed-delivery-loop"));
            long every = config.delivery().pollInterval().toMillis();
            loop.scheduleWithFixedDelay(this::startDue, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.shutdownNow();
        }
        deliverers.shutdown();
    }

    /** Starts delivery of every due subscription not already being delivered; returns at once. */
    public List<CompletableFuture<Void>> startDue() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        try {
            for (String id : subscriptions.due(clock.instant(), 100)) {
                if (running.add(id)) {
                    started.add(CompletableFuture.runAsync(() -> turn(id), deliverers)
                            .whenComplete((done, failure) -> running.remove(id)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Looking for due subscriptions failed (%s)", e.getClass().getSimpleName());
        }
        return started;
    }

    /** One turn of one subscription: batches until its feed is delivered, a batch fails, or the turn is used up. */
    void turn(String id) {
        if (!subscriptions.lease(id, clock.instant(), LEASE)) {
            return;
        }
        try {
            for (int i = 0; i < BATCHES_PER_TURN && deliverBatch(id); i++) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.warnf("Delivering subscription %s failed (%s)", id, e.getClass().getSimpleName());
        } finally {
            subscriptions.release(id);
        }
    }

    /** Delivers the next batch; true when a full batch went out and more may be waiting. */
    private boolean deliverBatch(String id) {
        Batch batch = QuarkusTransaction.requiringNew().call(() -> next(id));
        if (batch == null) {
            return false;
        }
        try {
            queues.send(batch.queue(), batch.messages());
        } catch (RuntimeException e) {
            failed(id, batch, e.getClass().getSimpleName());
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> subscriptions.findById(id).delivered(batch.last(), clock.instant()));
        return batch.positions().size() == config.delivery().batchSize();
    }

    /** The subscription's next entries as its subscriber sees them; null when there is nothing to deliver. */
    private Batch next(String id) {
        FeedSubscription subscription = subscriptions.findById(id);
        Optional<FeedReader> subscriber = subscription == null ? Optional.empty() : registry.subscriberOf(subscription);
        if (subscriber.isEmpty()) {
            return null;
        }
        FeedReader reader = subscriber.get();
        List<FeedEvent> entries = feed.entries(reader, subscription.deliveredThrough(), Set.of(),
                config.delivery().batchSize());
        if (entries.isEmpty()) {
            return null;
        }
        return new Batch(subscription.queue(), entries.stream().map(FeedEvent::sequence).toList(),
                entries.stream().map(e -> message(view.present(reader, e))).toList());
    }

    private record Batch(String queue, List<Long> positions, List<SubscriberQueues.Message> messages) {
        long last() {
            return positions.get(positions.size() - 1);
        }
    }

    private void failed(String id, Batch batch, String error) {
        FeedConfig.Delivery settings = config.delivery();
        boolean park = QuarkusTransaction.requiringNew().call(() -> subscriptions.findById(id)
                .failed(error, clock.instant(), settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff()));
        if (!park) {
            return;
        }
        boolean deadLettered = queues.deadLetter(batch.queue(), batch.messages());
        QuarkusTransaction.requiringNew().run(() -> {
            subscriptions.park(id, batch.positions(), clock.instant(), error, deadLettered);
            subscriptions.findById(id).delivered(batch.last(), clock.instant());
        });
        LOG.warnf("Subscription %s: %d entries parked after %d attempts (%s)", id, batch.positions().size(),
                settings.maxAttempts(), deadLettered ? "sent to the dead-letter queue" : "no dead-letter queue either");
    }

    private SubscriberQueues.Message message(FeedItem item) {
        try {
            return new SubscriberQueues.Message(json.writeValueAsString(item), item.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed entry not serializable", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

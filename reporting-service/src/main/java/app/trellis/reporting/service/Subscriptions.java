package app.trellis.reporting.service;

import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import app.trellis.reporting.domain.FeedReader;
import app.trellis.reporting.domain.FeedSubscription;
import app.trellis.reporting.repository.FeedSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subscribers register delivery of their feed into their own queue. The queue must be one of theirs
 * ({@code trellis-feed-<client id>}, optionally with a suffix): a subscriber can never make reporting write into
 * another subscriber's queue, nor into a service's own queue, which would inject events.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Pattern TYPE = Pattern.compile("app\\.trellis\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[0-9]+");
    private static final Pattern SUFFIX = Pattern.compile("(-[a-z0-9]+)*");
    private static final String AUDIT = "app.trellis.audit.";
    private static final int MAX_QUEUE_NAME = 80 - "-dlq".length();

    @Inject
    FeedSubscriptionRepository subscriptions;
    @Inject
    FeedSubscribers subscribers;
    @Inject
    Clock clock;

    /** What a subscriber asks for; {@code deidentified} null means as its configuration says. */
    public record Registration(List<String> types, String queue, Boolean deidentified, long after) {
    }

    @Transactional
    public FeedSubscription register(FeedReader subscriber, Registration request) {
        List<FieldError> errors = new ArrayList<>();
        String queue = request.queue() == null ? "" : request.queue();
        String own = "trellis-feed-" + subscriber.subscriber();
        if (!queue.startsWith(own) || !SUFFIX.matcher(queue.substring(own.length())).matches()
                || queue.endsWith("-dlq") || queue.length() > MAX_QUEUE_NAME) {
            errors.add(new FieldError("queue", "must be " + own + " or " + own + "-<suffix> (lowercase letters, digits)"));
        }
        List<String> types = request.types() == null ? List.of() : request.types();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type == null || !TYPE.matcher(type).matches() || type.startsWith(AUDIT)) {
                errors.add(new FieldError("types[" + i + "]", "is not an event type of the feed"));
            } else if (!subscriber.receives(type)) {
                errors.add(new FieldError("types[" + i + "]", "is not a type this subscriber receives"));
            }
        }
        if (Boolean.FALSE.equals(request.deidentified()) && subscriber.deidentified()) {
            errors.add(new FieldError("deidentified", "this subscriber receives de-identified events only"));
        }
        if (request.after() < 0) {
            errors.add(new FieldError("after", "must be a feed position (0 or more)"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid", errors.size() == 1
                    ? "1 field is not valid" : errors.size() + " fields are not valid", errors);
        }
        if (subscriptions.count("tenantId = ?1 and queue = ?2", subscriber.tenant(), queue) > 0) {
            throw ProblemException.conflict("queue-taken", "A subscription already delivers into this queue");
        }
        boolean deidentified = subscriber.deidentified() || Boolean.TRUE.equals(request.deidentified());
        FeedReader as = new FeedReader(subscriber.tenant(), subscriber.subscriber(), subscriber.types(), deidentified,
                subscriber.partner());
        FeedSubscription subscription = FeedSubscription.register(as, Set.copyOf(types), queue, request.after(),
                clock.instant());
        subscriptions.persist(subscription);
        return subscription;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedSubscription> list(FeedReader subscriber) {
        return subscriptions.of(subscriber.tenant(), subscriber.subscriber());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedSubscription get(FeedReader subscriber, String id) {
        return subscriptions.of(subscriber.tenant(), subscriber.subscriber(), id)
                .orElseThrow(() -> ProblemException.notFound("Subscription"));
    }

    @Transactional
    public void cancel(FeedReader subscriber, String id) {
        subscriptions.delete(get(subscriber, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long parked(FeedSubscription subscription) {
        return subscriptions.parked(subscription.id());
    }

    /** The subscriber a subscription delivers for, as configured now; empty once it is no longer configured. */
    public Optional<FeedReader> subscriberOf(FeedSubscription subscription) {
        return subscribers.reader(subscription.tenantId(), subscription.subscriber()).map(subscription::reader);
    }
}

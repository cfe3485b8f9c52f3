package app.trellis.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The external event feed: who may read it and how each subscriber sees it, and delivery to their queues. */
@ConfigMapping(prefix = "trellis.feed")
public interface FeedConfig {

    /**
     * The key de-identified subscribers' pseudonyms are made with ({@code TRELLIS_FEED_PSEUDONYM_KEY}, at least
     * 32 characters). Changing it changes every pseudonym; a dev default exists only in the dev and test profiles.
     */
    Optional<String> pseudonymKey();

    /**
     * The subscribers, by OAuth client id: a {@code feed.read} client not listed here reads nothing. Set as
     * {@code trellis.feed.subscribers.<client id>.types} and so on.
     */
    Map<String, Subscriber> subscribers();

    Delivery delivery();

    /** What one subscriber receives. */
    interface Subscriber {

        /** The event types it may receive; all (but audit) when absent. */
        Optional<Set<String>> types();

        /** Sees pseudonyms (stable for this subscriber) in place of every id. */
        @WithDefault("false")
        boolean deidentified();

        /** A partner agency: sees only events about clients whose data-sharing consent names its client id. */
        @WithDefault("false")
        boolean partner();
    }

    /** Delivery of registered subscriptions to the subscribers' own queues. */
    interface Delivery {

        /** Runs the delivery loop (off in tests, which drive it by hand). */
        @WithDefault("true")
        boolean enabled();

        /** How often due subscriptions are looked at. */
        @WithDefault("PT0.25S")
        Duration pollInterval();

        /** Events sent per message batch (SQS takes at most 10). */
        @WithDefault("10")
        int batchSize();

        /** Failed attempts at one batch before it is parked (sent to the subscriber's dead-letter queue). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further one up to {@code max-backoff}. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Subscriptions delivered at once; each on its own thread, so a slow queue holds up only its own. */
        @WithDefault("4")
        int threads();
    }
}

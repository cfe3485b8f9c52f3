package app.trellis.platform.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "trellis.consumer")
public interface ConsumerConfig {

    /** Whether this instance polls its queue (tests may drive it by hand). */
    @WithDefault("true")
    boolean enabled();

    /** SQS long-poll wait (max 20 s). */
    @WithDefault("PT10S")
    Duration waitTime();

    /** Visibility of a received message; extended while a slow handler runs. */
    @WithDefault("PT30S")
    Duration visibilityTimeout();

    /** How soon a failed message becomes visible again. */
    @WithDefault("PT5S")
    Duration retryDelay();

    /**
     * Receive loops polling the queue at once, each taking up to 10 messages per receive. One loop does not
     * wait for the handlers (see {@link #maxInFlight()}), so it keeps up while 10 messages per receive
     * round trip suffice; more loops mean smaller receives, i.e. more SQS calls per message.
     */
    @WithDefault("1")
    int pollers();

    /**
     * Groups of messages handled side by side (each group in its own transaction). Mostly waiting for
     * commits, so more than the cores: concurrent commits share one log flush. Each holds a database connection.
     */
    @WithDefault("8")
    int concurrency();

    /**
     * Events of one receive applied in one transaction (1 to 10): a commit and the consumer's per-transaction
     * bookkeeping are paid once per group instead of once per event. A group with a failing event is rolled
     * back and its events applied one by one, so only the failing one is retried.
     */
    @WithDefault("10")
    int batchSize();

    /** Messages received and not yet handled, at most; the receive loops wait while this many are. */
    @WithDefault("40")
    int maxInFlight();

    /** How long handled event ids are remembered; longer than SQS' longest redelivery (14 days). */
    @WithDefault("P15D")
    Duration inboxRetention();
}

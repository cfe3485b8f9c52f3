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
     * Messages handled side by side (each in its own transaction). Mostly waiting for commits, so more
     * than the cores: concurrent commits share one log flush. Each holds a database connection.
     */
    @WithDefault("8")
    int concurrency();

    /** Messages received and not yet handled, at most; the receive loops wait while this many are. */
    @WithDefault("40")
    int maxInFlight();

    /** How long handled event ids are remembered; longer than SQS' longest redelivery (14 days). */
    @WithDefault("P15D")
    Duration inboxRetention();
}

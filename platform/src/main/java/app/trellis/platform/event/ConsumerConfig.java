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

    /** Messages of one receive handled side by side (each in its own transaction). */
    @WithDefault("4")
    int concurrency();

    /** How long handled event ids are remembered; longer than SQS' longest redelivery (14 days). */
    @WithDefault("P15D")
    Duration inboxRetention();
}

package app.trellis.platform.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "trellis.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay loop (tests drive it by hand). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events per claim: SQS takes at most 10 per batch. */
    @WithDefault("10")
    int batchSize();

    /** First retry delay after a failed send; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT1M")
    Duration maxBackoff();

    /** How long sent rows are kept (for diagnosis) before pruning. */
    @WithDefault("P7D")
    Duration retention();
}

package app.trellis.platform.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "trellis.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay loop (tests drive it by hand). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events leased per claim; they go out as SendMessageBatch calls of at most 10 entries each. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long a claim owns its rows. It must outlast sending a batch: when it runs out, another relay may
     * send the rows again. A relay that dies mid-batch delays its rows by this much.
     */
    @WithDefault("PT30S")
    Duration lease();

    /** Timeout of each SQS call; a chunk is not sent when less than this is left of the lease. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** SendMessageBatch calls of one claim in flight at once (each waits mostly on the network). */
    @WithDefault("8")
    int sendConcurrency();

    /**
     * How long the relay loop sleeps when the outbox is empty. A commit in this instance wakes it at once;
     * the poll finds events written by other instances (or after a missed wake-up). Each poll is a claim
     * query: at 0.1 s, four idle services kept a quarter of this 2-core box busy.
     */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** First retry delay after a failed send; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT1M")
    Duration maxBackoff();

    /** How long sent rows are kept (for diagnosis) before pruning. */
    @WithDefault("P7D")
    Duration retention();
}

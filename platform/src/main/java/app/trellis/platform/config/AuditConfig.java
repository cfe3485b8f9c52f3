package app.trellis.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The group-commit audit appender (see {@code AuditAppender}). */
@ConfigMapping(prefix = "trellis.audit")
public interface AuditConfig {

    /**
     * Appender threads per instance, each with a connection: with two, one batch's statements overlap the
     * previous batch's log flush (the chain order is kept; see ChainSealer).
     */
    @WithDefault("2")
    int workers();

    /** Most entries sealed in one commit; larger batches amortise the commit, smaller ones bound its latency. */
    @WithDefault("500")
    int maxBatch();

    /** Entries that may wait for the appender before new reads are refused (503) instead of queued. */
    @WithDefault("20000")
    int maxPending();

    /** How long a request waits for its record to be durable before it answers 503 and returns no PHI. */
    @WithDefault("PT5S")
    Duration awaitTimeout();

    /**
     * How often the appender looks for writes' intents when no commit woke it: intents another instance left
     * behind (it crashed between a write's commit and chaining). A commit in this instance wakes it at once.
     */
    @WithDefault("PT1S")
    Duration intentPoll();

    /** An intent older than this is an alert: writes' records are not being chained. */
    @WithDefault("PT5S")
    Duration intentAlertAge();
}

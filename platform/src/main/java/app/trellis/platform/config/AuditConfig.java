package app.trellis.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The group-commit audit appender (see {@code AuditAppender}). */
@ConfigMapping(prefix = "trellis.audit")
public interface AuditConfig {

    /**
     * Appender threads per instance, each with a connection of its own. With two, one batch's statements may
     * overlap the previous batch's commit (the chain order is kept; see ChainSealer), but on MariaDB here two
     * measured worse than one (reads 110/s against 171/s, batches half the size): the second worker mostly
     * waits on the head's row lock. Worth measuring again on Aurora, whose commit is a network round trip.
     */
    @WithDefault("1")
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

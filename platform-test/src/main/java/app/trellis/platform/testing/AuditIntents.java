package app.trellis.platform.testing;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * Writes' audit records are chained by the appender a few milliseconds after their commit; a test that
 * counts chained records after a write waits for that first.
 */
public final class AuditIntents {

    private AuditIntents() {
    }

    /** Waits until no write's audit intent is left unchained (at most 10 s), or fails. */
    public static void awaitChained(DataSource db) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Sql.count(db, "SELECT COUNT(*) FROM audit_intent") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("audit intents were not chained within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

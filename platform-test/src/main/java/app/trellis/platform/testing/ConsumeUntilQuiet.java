package app.trellis.platform.testing;

import app.trellis.platform.event.EventConsumer;
import java.time.Duration;

/**
 * Drives a test's consumer by hand (the profile switches the receive loop off) until its queue has been empty
 * for two polls in a row: then everything sent before the call has been handled, retries after a zero
 * retry delay included.
 */
public final class ConsumeUntilQuiet {

    private ConsumeUntilQuiet() {
    }

    /** Polls at most {@code maxPolls} times (1 s long-poll each); returns how many messages arrived. */
    public static int poll(EventConsumer consumer, int maxPolls) {
        int received = 0;
        int quiet = 0;
        for (int i = 0; i < maxPolls && quiet < 2; i++) {
            int n = consumer.pollOnce(Duration.ofSeconds(1));
            received += n;
            quiet = n == 0 ? quiet + 1 : 0;
        }
        return received;
    }

    public static int poll(EventConsumer consumer) {
        return poll(consumer, 40);
    }
}

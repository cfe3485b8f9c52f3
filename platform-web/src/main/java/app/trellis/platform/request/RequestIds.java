package app.trellis.platform.request;

import io.smallrye.common.vertx.ContextLocals;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id of the request being served. It lives in the request's Vert.x context, so it
 * follows the request from the I/O thread to worker threads, and in the log MDC as {@code requestId}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "trellis.requestId";
    static final String TRACE_KEY = "trellis.traceparent";
    public static final String TRACE_HEADER = "traceparent";
    /** A caller's id is reused only when it cannot smuggle anything into logs or headers. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {
    }

    /** The id of the current request, or null outside a request. */
    public static String current() {
        try {
            return ContextLocals.<String>get(KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException outsideOfRequest) {
            return null;
        }
    }

    /** The W3C trace context of the current request, if the caller sent one; travels with events. */
    public static String traceParent() {
        try {
            return ContextLocals.<String>get(TRACE_KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException outsideOfRequest) {
            return null;
        }
    }

    static String acceptOrCreate(String offered) {
        if (offered != null && SAFE.matcher(offered).matches()) {
            return offered;
        }
        // Unique, not secret: a UUID v4 from the thread's own generator, where UUID.randomUUID() would have
        // every request queue on the one SecureRandom.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}

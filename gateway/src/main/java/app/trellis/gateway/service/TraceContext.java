package app.trellis.gateway.service;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context at the edge: a caller's valid {@code traceparent} keeps its trace id and gets the
 * gateway's hop as the parent span; a missing or malformed one starts a new trace.
 */
final class TraceContext {

    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);

    private TraceContext() {
    }

    static String next(String incoming) {
        if (incoming != null) {
            var matcher = VALID.matcher(incoming.trim());
            if (matcher.matches() && !matcher.group(1).equals(ZERO_TRACE) && !matcher.group(2).equals("0".repeat(16))) {
                return "00-" + matcher.group(1) + "-" + hex(8) + "-" + matcher.group(3);
            }
        }
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            String b = Integer.toHexString(random.nextInt(256));
            text.append(b.length() == 1 ? "0" : "").append(b);
        }
        return text.toString();
    }
}

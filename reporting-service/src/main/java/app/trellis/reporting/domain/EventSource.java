package app.trellis.reporting.domain;

/** A CloudEvents {@code source} such as {@code /trellis/case-service}, and the service it names. */
public final class EventSource {

    private static final String PREFIX = "/trellis/";

    private EventSource() {
    }

    public static String service(String source) {
        return source.startsWith(PREFIX) ? source.substring(PREFIX.length()) : source;
    }
}

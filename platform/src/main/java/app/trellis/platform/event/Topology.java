package app.trellis.platform.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The messaging topology ({@code trellis/topology.json}): every consumer queue, its dead-letter queue,
 * and which event types reach it. One file read by the local stack, the tests, the relay and the AWS
 * templates, so queue names and routes cannot drift apart.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Topology(int maxReceiveCount, List<Queue> queues, List<Route> routes) {

    public static final String RESOURCE = "trellis/topology.json";
    public static final String DLQ_SUFFIX = "-dlq";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Queue(String name, String consumer) {
        public String deadLetterQueue() {
            return name + DLQ_SUFFIX;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Route(List<String> eventTypes, List<String> queues) {
        boolean matches(String eventType) {
            return eventTypes.contains("*") || eventTypes.contains(eventType);
        }
    }

    public static Topology load() {
        try (InputStream in = Topology.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper().readValue(in, Topology.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The queues (unprefixed) that an event of this type must reach, in declaration order. */
    public Set<String> queuesFor(String eventType) {
        Set<String> targets = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.matches(eventType)) {
                targets.addAll(route.queues());
            }
        }
        return targets;
    }
}

package app.trellis.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped topology: what ARCHITECTURE.md says each consumer receives. */
class TopologyTest {

    private final Topology topology = Topology.load();

    @Test
    void eachServiceOwnsOneQueueWithADeadLetterQueueAfterFiveReceives() {
        assertEquals(5, topology.maxReceiveCount());
        Set<String> names = topology.queues().stream().map(Topology.Queue::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(List.of("trellis-case-events", "trellis-assessment-events",
                "trellis-document-events", "trellis-reporting-events")));
        assertEquals("trellis-case-events-dlq", topology.queues().get(0).deadLetterQueue());
    }

    @Test
    void routesFollowTheArchitecture() {
        assertEquals(Set.of("trellis-case-events", "trellis-reporting-events"),
                topology.queuesFor("app.trellis.assessment.submitted.v1"));
        assertEquals(Set.of("trellis-assessment-events", "trellis-document-events", "trellis-reporting-events"),
                topology.queuesFor("app.trellis.case.closed.v1"));
        assertEquals(Set.of("trellis-reporting-events"), topology.queuesFor("app.trellis.note.added.v1"));
    }

    @Test
    void everyRouteNamesADeclaredQueue() {
        Set<String> names = topology.queues().stream().map(Topology.Queue::name).collect(Collectors.toSet());
        topology.routes().forEach(route -> assertTrue(names.containsAll(route.queues()), route.toString()));
    }
}

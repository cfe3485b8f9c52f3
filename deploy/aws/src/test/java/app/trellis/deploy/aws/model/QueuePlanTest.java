package app.trellis.deploy.aws.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.trellis.platform.event.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Who may consume and send what follows from the routing file and what each service publishes. */
class QueuePlanTest {

    private final QueuePlan plan = QueuePlan.fromRoutingFile();

    @Test
    void eachServiceSendsWhereTheRoutingFileCarriesItsEvents() {
        assertEquals(Set.of("trellis-assessment-events", "trellis-document-events", "trellis-reporting-events",
                "trellis-case-events"), plan.sendsTo(ServiceCatalog.named("case-service")));
        assertEquals(Set.of("trellis-case-events", "trellis-reporting-events", "trellis-assessment-events"),
                plan.sendsTo(ServiceCatalog.named("assessment-service")));
        assertEquals(Set.of("trellis-reporting-events", "trellis-document-events"),
                plan.sendsTo(ServiceCatalog.named("document-service")));
        assertEquals(Set.of(), plan.sendsTo(ServiceCatalog.named("gateway")));
        assertEquals(Optional.empty(), plan.consumedBy(ServiceCatalog.named("gateway")));
    }

    @Test
    void aNewRouteChangesOnlyThePublishersPermissions() {
        Topology routed = new Topology(5, List.of(new Topology.Queue("trellis-case-events", "case-service"),
                new Topology.Queue("trellis-reporting-events", "reporting-service")),
                List.of(new Topology.Route(List.of("app.trellis.document.filed.v1"), List.of("trellis-case-events"))));
        QueuePlan plan = new QueuePlan(routed, ServiceCatalog.SERVICES);
        assertEquals(Set.of("trellis-case-events"), plan.sendsTo(ServiceCatalog.named("document-service")));
        assertEquals(Set.of(), plan.sendsTo(ServiceCatalog.named("assessment-service")));
    }

    @Test
    void aRouteToAnUndeclaredQueueIsRefused() {
        Topology broken = new Topology(5, List.of(new Topology.Queue("trellis-case-events", "case-service")),
                List.of(new Topology.Route(List.of("*"), List.of("trellis-missing-events"))));
        assertThrows(IllegalStateException.class, () -> new QueuePlan(broken, ServiceCatalog.SERVICES));
    }

    @Test
    void everyQueueOfTheFileIsConsumedByOneOfOurServicesOrAnExternalSubscriber() {
        for (Topology.Queue queue : plan.queues()) {
            boolean ours = ServiceCatalog.find(queue.consumer()).isPresent();
            assertTrue(ours || queue.consumer().startsWith("external "), queue.toString());
            assertEquals(!ours, plan.isExternal(queue));
        }
    }

    /** A new event type whose aggregate no service claims would get no SQS permission: the build says so. */
    @Test
    void everyPublishedEventTypeHasExactlyOnePublisher() throws Exception {
        List<String> types = contractTypes();
        assertTrue(types.size() > 10, types.toString());
        for (String type : types) {
            String aggregate = QueuePlan.aggregateOf(type).orElseThrow();
            long publishers = ServiceCatalog.SERVICES.stream()
                    .filter(s -> s.publishes().contains(aggregate) && !aggregate.equals("audit")).count();
            assertEquals(aggregate.equals("audit") ? 0 : 1, publishers, type);
        }
    }

    /** The event types whose schemas ship in the platform jar ({@code trellis/contracts/<type>.schema.json}). */
    private static List<String> contractTypes() throws IOException, java.net.URISyntaxException {
        URL url = Topology.class.getClassLoader().getResource("trellis/contracts");
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.getPath("trellis/contracts"));
            }
        }
        return list(Path.of(uri));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .filter(n -> n.startsWith("app.trellis."))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        }
    }
}

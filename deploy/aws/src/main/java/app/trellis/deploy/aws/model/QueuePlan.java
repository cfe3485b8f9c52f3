package app.trellis.deploy.aws.model;

import app.trellis.platform.event.Topology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queues of the routing file ({@code trellis/topology.json}, read through the platform's own {@link Topology})
 * and who may do what with them: a service consumes the queue whose {@code consumer} it is (and its dead-letter
 * queue, for the operators' peek and redrive), and sends to every queue a route carries its events to.
 */
public final class QueuePlan {

    private static final String EVENT_TYPE_PREFIX = "app.trellis.";
    private static final String EVERY_TYPE = "*";

    private final Topology topology;
    private final List<TrellisService> services;

    public QueuePlan(Topology topology, List<TrellisService> services) {
        this.topology = topology;
        this.services = services;
        Set<String> declared = new LinkedHashSet<>(queueNames());
        topology.routes().forEach(route -> {
            if (!declared.containsAll(route.queues())) {
                throw new IllegalStateException("a route names an undeclared queue: " + route);
            }
        });
    }

    public static QueuePlan fromRoutingFile() {
        return new QueuePlan(Topology.load(), ServiceCatalog.SERVICES);
    }

    public int maxReceiveCount() {
        return topology.maxReceiveCount();
    }

    public List<Topology.Queue> queues() {
        return topology.queues();
    }

    public List<String> queueNames() {
        return topology.queues().stream().map(Topology.Queue::name).toList();
    }

    /** The queue a service consumes, if the routing file names it as a consumer. */
    public Optional<Topology.Queue> consumedBy(TrellisService service) {
        return topology.queues().stream().filter(q -> q.consumer().equals(service.name())).findFirst();
    }

    /** A queue whose consumer is not one of ours (an external subscriber's feed). */
    public boolean isExternal(Topology.Queue queue) {
        return services.stream().noneMatch(s -> s.name().equals(queue.consumer()));
    }

    /**
     * The queues a service's outbox relay sends to: every queue a route carries one of its aggregates' events to,
     * plus its own queue (the operators' redrive moves dead letters back there).
     */
    public Set<String> sendsTo(TrellisService service) {
        Set<String> targets = new LinkedHashSet<>();
        if (service.publishesEvents()) {
            for (Topology.Route route : topology.routes()) {
                if (route.eventTypes().stream().anyMatch(type -> publishes(service, type))) {
                    targets.addAll(route.queues());
                }
            }
        }
        consumedBy(service).ifPresent(q -> targets.add(q.name()));
        return targets;
    }

    private static boolean publishes(TrellisService service, String eventType) {
        return eventType.equals(EVERY_TYPE) || aggregateOf(eventType).map(service.publishes()::contains).orElse(false);
    }

    /** {@code case} for {@code app.trellis.case.opened.v1}. */
    public static Optional<String> aggregateOf(String eventType) {
        if (!eventType.startsWith(EVENT_TYPE_PREFIX)) {
            return Optional.empty();
        }
        String rest = eventType.substring(EVENT_TYPE_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot > 0 ? Optional.of(rest.substring(0, dot)) : Optional.empty();
    }
}

package app.trellis.deploy.aws.model;

import app.trellis.deploy.aws.model.TrellisService.ScalingSignal;
import java.util.List;
import java.util.Optional;

/**
 * The modules that run on ECS, with the facts the templates need that no other file states: ports as in
 * ../shared/CONVENTIONS.md and what each publishes (ARCHITECTURE.md's table). Queues and routes are not here:
 * they come from the routing file ({@link QueuePlan}).
 */
public final class ServiceCatalog {

    public static final String GATEWAY = "gateway";
    public static final String DOCUMENT_SERVICE = "document-service";

    public static final List<TrellisService> SERVICES = List.of(
            new TrellisService("case-service", 8081, true,
                    List.of("client", "case", "note", "careplan", "consent", "program", "audit"), ScalingSignal.CPU, false),
            new TrellisService("assessment-service", 8082, true,
                    List.of("assessment", "instrument", "audit"), ScalingSignal.CPU, false),
            new TrellisService(DOCUMENT_SERVICE, 8083, true,
                    List.of("document", "audit"), ScalingSignal.CPU, true),
            // Fed by every event: its backlog, not its CPU, says when it falls behind.
            new TrellisService("reporting-service", 8084, true,
                    List.of("audit"), ScalingSignal.QUEUE_DEPTH, false),
            new TrellisService(GATEWAY, 8080, false, List.of(), ScalingSignal.ALB_REQUESTS, false));

    private ServiceCatalog() {
    }

    public static TrellisService named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    public static Optional<TrellisService> find(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The services behind the gateway, each reached through Service Connect by its name. */
    public static List<TrellisService> backends() {
        return SERVICES.stream().filter(s -> !s.name().equals(GATEWAY)).toList();
    }
}

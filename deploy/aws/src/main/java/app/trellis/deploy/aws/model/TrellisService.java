package app.trellis.deploy.aws.model;

import java.util.List;

/**
 * One deployable module as AWS sees it: its port, whether it owns a schema, which event aggregates it publishes
 * (its outbox; the routing file says where they go) and the signal it scales on.
 *
 * @param publishes aggregates of the event types it writes to its outbox, e.g. {@code case} for
 *                  {@code app.trellis.case.opened.v1}; every service with an audit trail publishes {@code audit}
 */
public record TrellisService(String name, int port, boolean ownsSchema, List<String> publishes, ScalingSignal scaling,
                             boolean storesDocuments) {

    /** What a service's task count follows. */
    public enum ScalingSignal {
        /** Requests per target at the load balancer: the service behind the ALB. */
        ALB_REQUESTS,
        /** Average CPU: the APIs behind the gateway. */
        CPU,
        /** Messages waiting in its own queue: a service that is mostly an event consumer. */
        QUEUE_DEPTH
    }

    /** {@code case} for {@code case-service}: the stem of its schema and database users. */
    public String stem() {
        return name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
    }

    /** The schema the service owns, as in ../shared/CONVENTIONS.md ({@code trellis_case}). */
    public String schema() {
        return "trellis_" + stem().replace('-', '_');
    }

    /** The runtime database user ({@code case_service}): reads and writes rows, nothing else. */
    public String runtimeUser() {
        return name.replace('-', '_');
    }

    /** The schema's owner ({@code case_service_migrator}): only the migration task logs in as it. */
    public String migrationUser() {
        return runtimeUser() + "_migrator";
    }

    public boolean publishesEvents() {
        return !publishes.isEmpty();
    }
}

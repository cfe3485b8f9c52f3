package app.trellis.reporting.domain;

import java.time.Instant;

/**
 * One access to a client's data as a service's published audit chain recorded it: who (the actor's token
 * subject), where (the producing service, by its event source), when, what (action on a resource) and the request to trace it by. Why: the
 * action says whether it was a break-glass use; its free-text reason stays in the producing service (event
 * data carries codes, never free text), found there by the request id.
 */
public record ClientAccess(String source, long position, Instant occurredAt, String actor, String action,
                           String resourceType, String resourceId, String requestId) {

    private static final String BREAK_GLASS = "BREAK_GLASS";

    /** The producing service by name ({@code case-service}), from its event source. */
    public String service() {
        return EventSource.service(source);
    }

    public boolean breakGlass() {
        return action.startsWith(BREAK_GLASS);
    }
}

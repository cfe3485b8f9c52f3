package app.trellis.reporting.api;

import app.trellis.reporting.domain.ChainContinuity;
import app.trellis.reporting.domain.ClientAccess;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Response records of the consolidated audit trail. */
final class AuditResponses {

    private AuditResponses() {
    }

    /**
     * One access to a client's data: who ({@code actor}, a token subject), where ({@code service}), when, what
     * ({@code action} on {@code resourceType}/{@code resourceId}) and why as far as it travels: whether it was a
     * break-glass use; the reason itself is in that service's own audit trail under {@code requestId}.
     */
    record Access(String service, Instant occurredAt, String actor, String action, String resourceType,
                  String resourceId, boolean breakGlass, String requestId, long position) {

        static final List<String> HEADER = List.of("service", "occurredAt", "actor", "action", "resourceType",
                "resourceId", "breakGlass", "requestId", "position");

        static Access from(ClientAccess a) {
            return new Access(a.service(), a.occurredAt(), a.actor(), a.action(), a.resourceType(), a.resourceId(),
                    a.breakGlass(), a.requestId(), a.position());
        }

        List<Object> fields() {
            return Arrays.asList(service, occurredAt, actor, action, resourceType, resourceId, breakGlass,
                    requestId, position);
        }
    }

    /** A service's chain as reporting holds it, and every break found in it. */
    record Continuity(String service, boolean intact, long records, long lastPosition, List<Break> breaks,
                      boolean truncated) {

        static Continuity from(ChainContinuity c) {
            return new Continuity(c.service(), c.intact(), c.records(), c.lastPosition(),
                    c.breaks().stream().map(b -> new Break(b.kind().name(), b.position(), b.count())).toList(),
                    c.truncated());
        }
    }

    /** {@code MISSING} ({@code count} records from {@code position}), {@code BROKEN_LINK} or {@code ALTERED}. */
    record Break(String kind, long position, long count) {
    }

    record Chains(List<Continuity> chains) {
    }
}

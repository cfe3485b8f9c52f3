package app.trellis.platform.audit;

import java.time.Instant;

/**
 * {@code app.trellis.audit.recorded.v1}, subject {@code audit/<tenant>}: one audit record, published for
 * the consolidated trail in reporting. Ids and codes only.
 */
public record AuditRecorded(String recordId, long position, String actor, String action, String resourceType,
                            String resourceId, String clientId, String requestId, Instant occurredAt) {
    public static final String TYPE = "app.trellis.audit.recorded.v1";
}

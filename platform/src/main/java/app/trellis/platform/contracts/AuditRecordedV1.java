package app.trellis.platform.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code app.trellis.audit.recorded.v1}, subject {@code audit/<tenant>}, {@code sequence} = {@code position}:
 * one record of a tenant's audit chain, for the consolidated trail in reporting. Services now publish records
 * in sealed runs ({@link AuditSealedV1}, whose items have this shape); consumers still accept this type alone,
 * from outbox rows written before. Delivery is not in
 * order; a consumer orders by position and can check continuity: each record's {@code previousHash} is the
 * {@code hash} of the record before it. Ids and codes only: the purpose (a free-text reason) stays in the
 * producing service.
 *
 * @param actor      the token subject of the user or client that acted
 * @param action     e.g. {@code READ}, {@code CREATE}, {@code BREAK_GLASS_USE}
 * @param clientId   the client whose data was touched, when there is one
 * @param hash       HMAC-SHA256 (hex) over the record and {@code previousHash}; {@code GENESIS} precedes
 *                   position 1
 */
public record AuditRecordedV1(UUID recordId, long position, String actor, String action, String resourceType,
                              String resourceId, String clientId, String requestId, Instant occurredAt,
                              String previousHash, String hash) {
    public static final String TYPE = "app.trellis.audit.recorded.v1";
}

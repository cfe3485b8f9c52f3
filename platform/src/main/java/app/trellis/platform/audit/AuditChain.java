package app.trellis.platform.audit;

import app.trellis.platform.crypto.FieldCipher;
import java.time.Instant;

/** How one audit record is linked to the one before it. */
final class AuditChain {

    private AuditChain() {
    }

    record Link(long position, String tenant, String id, String actor, String actorName, String action,
                String resourceType, String resourceId, String clientId, String requestId, String purpose,
                Instant occurredAt, String previousHash) {
    }

    static String hash(FieldCipher keys, Link link) {
        // Unit separators keep "ab"+"c" and "a"+"bc" apart; null and "" differ too.
        StringBuilder canonical = new StringBuilder("audit.v1");
        for (Object part : new Object[] {link.position(), link.tenant(), link.id(), link.actor(), link.actorName(),
                link.action(), link.resourceType(), link.resourceId(), link.clientId(), link.requestId(),
                link.purpose(), link.occurredAt(), link.previousHash()}) {
            canonical.append('\u001f').append(part == null ? "\u0000" : part.toString());
        }
        return keys.hmac(canonical.toString());
    }
}

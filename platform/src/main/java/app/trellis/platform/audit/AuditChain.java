package app.trellis.platform.audit;

import app.trellis.platform.crypto.AuditKeys;
import java.time.Instant;

/** How one audit record is linked to the one before it, and how intents and heads are sealed. */
final class AuditChain {

    static final String GENESIS = "GENESIS";

    private AuditChain() {
    }

    /** An audit record before it has a place in its tenant's chain. */
    record Unchained(String id, String tenant, String actor, String actorName, String action, String resourceType,
                     String resourceId, String clientId, String requestId, String purpose, Instant occurredAt) {

        Link at(long position, String previousHash) {
            return new Link(position, tenant, id, actor, actorName, action, resourceType, resourceId, clientId,
                    requestId, purpose, occurredAt, previousHash);
        }
    }

    record Link(long position, String tenant, String id, String actor, String actorName, String action,
                String resourceType, String resourceId, String clientId, String requestId, String purpose,
                Instant occurredAt, String previousHash) {
    }

    static String hash(AuditKeys keys, String keyId, Link link) {
        return keys.hmac(keyId, canonical("audit.v1", link.position(), link.tenant(), link.id(), link.actor(),
                link.actorName(), link.action(), link.resourceType(), link.resourceId(), link.clientId(),
                link.requestId(), link.purpose(), link.occurredAt(), link.previousHash()));
    }

    /** Seals a write's intent until the appender chains it. */
    static String intentMac(AuditKeys keys, String keyId, Unchained e) {
        return keys.hmac(keyId, canonical("intent.v1", e.id(), e.tenant(), e.actor(), e.actorName(), e.action(),
                e.resourceType(), e.resourceId(), e.clientId(), e.requestId(), e.purpose(), e.occurredAt()));
    }

    /** Seals the chain head: a head edited or re-created behind the service's back no longer matches. */
    static String headMac(AuditKeys keys, String keyId, String tenant, long position, String hash) {
        return keys.hmac(keyId, canonical("head.v1", tenant, position, hash));
    }

    private static String canonical(String kind, Object... parts) {
        // Unit separators keep "ab"+"c" and "a"+"bc" apart; null and "" differ too.
        StringBuilder canonical = new StringBuilder(kind);
        for (Object part : parts) {
            canonical.append('\u001f').append(part == null ? "\u0000" : part.toString());
        }
        return canonical.toString();
    }
}

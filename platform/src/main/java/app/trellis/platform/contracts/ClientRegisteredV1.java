package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.client.registered.v1}, subject {@code client/<clientId>}: a person became a client
 * of the tenant. No name, birth date or identifier, and no external id either: an agency's external id
 * names a person in another system as surely as an SSN does, and an event feed (with its subscribers and
 * dead-letter queues) is no place for it. Consumers that need it ask case-service, which audits the read.
 *
 * @param clientId the client
 */
public record ClientRegisteredV1(UUID clientId) {
    public static final String TYPE = "app.trellis.client.registered.v1";
}

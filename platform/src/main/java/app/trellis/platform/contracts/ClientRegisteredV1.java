package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.client.registered.v1}, subject {@code client/<clientId>}: a person became a client
 * of the tenant. No name, birth date or identifier: consumers that need them ask case-service.
 *
 * @param clientId   the client
 * @param externalId the tenant's partner-facing id, if any
 */
public record ClientRegisteredV1(UUID clientId, String externalId) {
    public static final String TYPE = "app.trellis.client.registered.v1";
}

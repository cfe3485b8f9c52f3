package app.trellis.platform.contracts;

import java.util.UUID;

/** {@code app.trellis.client.updated.v1}, subject {@code client/<clientId>}: a client's details changed. */
public record ClientUpdatedV1(UUID clientId) {
    public static final String TYPE = "app.trellis.client.updated.v1";
}

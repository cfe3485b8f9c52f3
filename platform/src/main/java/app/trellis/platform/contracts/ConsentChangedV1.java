package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.consent.changed.v1}, subject {@code client/<clientId>}: a consent was granted or
 * revoked. Type: release-of-information, treatment or data-sharing; status: granted or revoked.
 */
public record ConsentChangedV1(UUID consentId, UUID clientId, String type, String partner, String status) {
    public static final String TYPE = "app.trellis.consent.changed.v1";
}

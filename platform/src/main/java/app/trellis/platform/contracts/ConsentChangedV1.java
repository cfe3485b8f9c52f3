package app.trellis.platform.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code app.trellis.consent.changed.v1}, subject {@code client/<clientId>}: a consent was granted or
 * revoked. Type: release-of-information, treatment or data-sharing; status: granted or revoked. The days
 * it covers travel with it, so a service keeping its own copy of who may see a client (a partner, through
 * data sharing) decides as case-service does. Both were added after the first events; consumers treat a
 * missing effective date as "no access" (fail closed).
 */
public record ConsentChangedV1(UUID consentId, UUID clientId, String type, String partner, String status,
                               LocalDate effectiveDate, LocalDate expiryDate) {
    public static final String TYPE = "app.trellis.consent.changed.v1";
}

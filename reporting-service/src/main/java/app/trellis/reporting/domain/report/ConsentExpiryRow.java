package app.trellis.reporting.domain.report;

import java.time.LocalDate;

/** A granted consent whose last covered day falls in the range asked for. */
public record ConsentExpiryRow(String consentId, String clientId, String type, String partner,
                               LocalDate effectiveDate, LocalDate expiryDate) {
}

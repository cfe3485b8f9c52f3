package app.trellis.cases.service;

import java.time.LocalDate;

/** A client's details as a use case receives them, identifiers still in clear (sealed by {@link ClientRegistry}). */
public record ClientInput(String givenName, String familyName, String middleName, String preferredName,
                          LocalDate birthDate, String sex, String genderIdentity, String language, String phone,
                          String email, String addressLine1, String addressLine2, String city, String region,
                          String postalCode, String ssn, String medicaidId, String legacyId, String externalId) {
}

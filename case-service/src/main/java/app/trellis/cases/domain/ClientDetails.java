package app.trellis.cases.domain;

/** The editable details of a client, with the sensitive identifiers already sealed. */
public record ClientDetails(String givenName, String familyName, String middleName, String preferredName,
                            SealedValue birthDate, String sex, String genderIdentity, String language, String phone,
                            String email, String addressLine1, String addressLine2, String city, String region,
                            String postalCode, SealedValue ssn, SealedValue medicaidId, String legacyId,
                            String externalId) {
}

package app.trellis.cases.api;

import app.trellis.cases.service.ClientInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/clients} and {@code PUT /api/v1/clients/{id}} (a full replacement). */
public record ClientRequest(
        @NotNull @Valid Name name,
        @Size(max = 100) String preferredName,
        @NotNull @Past LocalDate birthDate,
        /** Sex recorded at birth or as administratively recorded: female, male, intersex, unknown. */
        @NotNull @Pattern(regexp = "female|male|intersex|unknown", message = "must be female, male, intersex or unknown") String sex,
        @Size(max = 60) String genderIdentity,
        /** Preferred language as a BCP 47 tag, e.g. {@code es} or {@code zh-Hant}. */
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or es-MX") String language,
        @Valid Contact contact,
        @Valid Identifiers identifiers,
        /** The tenant's partner-facing id; unique in the tenant, never changes once set. */
        @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be 1-100 letters, digits, dots, dashes or underscores") String externalId) {

    public record Name(@NotBlank @Size(max = 100) String given, @NotBlank @Size(max = 100) String family,
                       @Size(max = 100) String middle) {
    }

    public record Contact(@Pattern(regexp = "[+0-9 ()-]{5,40}", message = "must be a phone number") String phone,
                          @Email @Size(max = 254) String email, @Valid Address address) {
    }

    public record Address(@Size(max = 200) String line1, @Size(max = 200) String line2, @Size(max = 100) String city,
                          @Size(max = 100) String region, @Size(max = 20) String postalCode) {
    }

    public record Identifiers(
            @Pattern(regexp = "\\d{3}-?\\d{2}-?\\d{4}", message = "must be 9 digits (dashes allowed)") String ssn,
            @Pattern(regexp = "[A-Za-z0-9]{6,20}", message = "must be 6-20 letters or digits") String medicaidId,
            @Size(max = 100) String legacyId) {
    }

    ClientInput toInput() {
        Contact c = contact == null ? new Contact(null, null, null) : contact;
        Address a = c.address() == null ? new Address(null, null, null, null, null) : c.address();
        Identifiers i = identifiers == null ? new Identifiers(null, null, null) : identifiers;
        return new ClientInput(name.given(), name.family(), name.middle(), preferredName, birthDate, sex, genderIdentity,
                language, c.phone(), c.email(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), i.ssn(),
                i.medicaidId(), i.legacyId(), externalId);
    }
}

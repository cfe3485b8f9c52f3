package app.trellis.cases.api;

import app.trellis.cases.domain.Client;
import app.trellis.cases.service.ClientView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client as the API shows it: SSN and Medicaid id only as their last four characters. */
public record ClientResponse(UUID id, ClientRequest.Name name, String preferredName, LocalDate birthDate, String sex,
                             String genderIdentity, String language, ClientRequest.Contact contact,
                             Identifiers identifiers, String externalId, Instant createdAt, Instant updatedAt) {

    public record Identifiers(String ssnLast4, String medicaidIdLast4, String legacyId) {
    }

    static ClientResponse from(ClientView view) {
        Client c = view.client();
        return new ClientResponse(c.id(), new ClientRequest.Name(c.givenName(), c.familyName(), c.middleName()),
                c.preferredName(), view.birthDate(), c.sex(), c.genderIdentity(), c.language(),
                new ClientRequest.Contact(c.phone(), c.email(), new ClientRequest.Address(c.addressLine1(),
                        c.addressLine2(), c.city(), c.region(), c.postalCode())),
                new Identifiers(view.ssnLast4(), view.medicaidLast4(), c.legacyId()), c.externalId(), c.createdAt(),
                c.updatedAt());
    }
}

package app.trellis.cases.api;

import app.trellis.cases.domain.Consent;
import app.trellis.cases.service.Consents;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.security.PersonRef;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A client's consents: record, list (with whether each is in force today), revoke. */
@Path("/api/v1/clients/{clientId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
public class ConsentsResource {

    @Inject
    Consents consents;
    @Inject
    IdempotentCreates idempotent;

    /** {@code partner} (the partner's OAuth client id) is required for data-sharing; {@code documentId} points at the signed form in document-service. */
    public record Request(
            @NotBlank @Pattern(regexp = "release-of-information|treatment|data-sharing",
                    message = "must be release-of-information, treatment or data-sharing") String type,
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,99}",
                    message = "must be the partner's client id: 2-100 lowercase letters, digits or dashes") String partner, @NotNull LocalDate effectiveDate, LocalDate expiryDate, UUID documentId) {
    }

    public record Revocation(@NotBlank @Size(max = 500) String reason) {
    }

    public record ConsentResponse(UUID id, String type, String partner, String status, boolean inForce,
                                  LocalDate effectiveDate, LocalDate expiryDate, UUID documentId, PersonRef recordedBy,
                                  Instant revokedAt, String revokeReason, Instant createdAt) {
        static ConsentResponse from(Consent c, LocalDate today) {
            return new ConsentResponse(c.id(), c.type(), c.partner(), c.status(), c.inForceOn(today), c.effectiveDate(),
                    c.expiryDate(), c.documentId(), PersonRef.of(c.recordedBy()), c.revokedAt(), c.revokeReason(), c.createdAt());
        }
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentResponse.class)))
    public Response recordConsent(@PathParam("clientId") UUID clientId, @Valid @NotNull Request body,
                                  @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            Consent consent = consents.recordConsent(clientId, body.type(), body.partner(), body.effectiveDate(),
                    body.expiryDate(), body.documentId());
            return Response.created(uri.getAbsolutePathBuilder().path(consent.id().toString()).build())
                    .tag(ETags.of(consent.version())).entity(ConsentResponse.from(consent, consents.today())).build();
        }, id -> consents.consents(clientId)); // no GET of one consent: the consents' GET checks the client and audits
    }

    @GET
    public Page<ConsentResponse> consents(@PathParam("clientId") UUID clientId) {
        LocalDate today = consents.today();
        return Page.whole(consents.consents(clientId).stream().map(c -> ConsentResponse.from(c, today)).toList());
    }

    @POST
    @Path("{consentId}/revocation")
    public Response revokeConsent(@PathParam("clientId") UUID clientId, @PathParam("consentId") UUID consentId,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Revocation body) {
        Consent consent = consents.revokeConsent(clientId, consentId, ifMatch, body.reason());
        return Response.ok(ConsentResponse.from(consent, consents.today())).tag(ETags.of(consent.version())).build();
    }
}

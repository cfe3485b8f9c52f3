package app.trellis.cases.api;

import app.trellis.cases.domain.EmergencyAccess;
import app.trellis.cases.service.BreakGlass;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.PersonRef;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;

/** The supervisors' review queue of break-glass access ({@code ?reviewed=false} for what is waiting). */
@Path("/api/v1/emergency-access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmergencyAccessResource {

    @Inject
    BreakGlass breakGlass;

    /** Why the record is needed now; it is shown to the reviewer and kept in the audit trail. */
    public record Request(@NotBlank @Size(min = 10, max = 1000) String reason) {
    }

    public record Review(@Size(max = 1000) String note) {
    }

    public record Grant(UUID id, UUID caseId, PersonRef grantee, String reason, Instant grantedAt, Instant expiresAt,
                        PersonRef reviewedBy, Instant reviewedAt, String reviewNote) {
        static Grant from(EmergencyAccess a) {
            return new Grant(a.id(), a.caseId(), PersonRef.of(a.grantee()), a.reason(), a.grantedAt(), a.expiresAt(),
                    PersonRef.of(a.reviewedBy()),
                    a.reviewedAt(), a.reviewNote());
        }
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    public Page<Grant> grants(@QueryParam("reviewed") Boolean reviewed, @QueryParam("limit") Integer limit,
                              @QueryParam("cursor") String cursor) {
        return breakGlass.grants(reviewed, PageRequest.of(limit, cursor)).map(Grant::from);
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.SUPERVISOR)
    public Grant review(@PathParam("id") UUID id, @Valid Review body) {
        return Grant.from(breakGlass.review(id, body == null ? null : body.note()));
    }
}

package app.trellis.cases.api;

import app.trellis.cases.service.BreakGlass;
import app.trellis.cases.service.CaseManagement;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Break-glass on one case: time-boxed access outside one's assignment, for a stated reason. */
@Path("/api/v1/cases/{caseId}/emergency-access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseEmergencyAccessResource {

    @Inject
    BreakGlass breakGlass;
    @Inject
    CaseManagement cases;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR})
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmergencyAccessResource.Grant.class)))
    public Response requestEmergencyAccess(@PathParam("caseId") UUID caseId,
                                           @Valid @NotNull EmergencyAccessResource.Request body,
                                           @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        return idempotent.run(idempotencyKey, body, () -> Response.status(201).entity(EmergencyAccessResource.Grant.from(
                breakGlass.requestEmergencyAccess(caseId, body.reason()))).build(),
                // The grant names the case: a replay shows it only while the caller may read the case (the grant live).
                id -> cases.caseFile(caseId));
    }
}

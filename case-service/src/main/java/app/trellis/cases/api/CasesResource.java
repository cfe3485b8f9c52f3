package app.trellis.cases.api;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.service.CaseManagement;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.QueryParams;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Cases: open, read, list, move along the lifecycle, assign. Lifecycle rule breaks are 409 naming the rule. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {

    @Inject
    CaseManagement management;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    public Response openCase(@Valid @NotNull CaseRequests.Open body,
                             @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            CaseFile file = management.openCase(new CaseManagement.Opening(body.clientId(), body.program(),
                    body.assignee(), body.team(), "open".equals(body.status())));
            return Response.created(uri.getAbsolutePathBuilder().path(file.id().toString()).build())
                    .tag(ETags.of(file.version())).entity(CaseResponse.from(file)).build();
        }, id -> management.caseFile(UUID.fromString(id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_CASES_READ})
    public Response caseFile(@PathParam("id") UUID id) {
        CaseFile file = management.caseFile(id);
        return Response.ok(CaseResponse.from(file)).tag(ETags.of(file.version())).build();
    }

    /** {@code assignee=me} lists the caller's own cases. */
    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_CASES_READ})
    public Page<CaseResponse> cases(@QueryParam("assignee") String assignee, @QueryParam("status") String status,
                                    @QueryParam("clientId") String clientId, @QueryParam("program") String program,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return management.cases(assignee, status == null ? null : CaseStatusCodes.parse("status", status),
                QueryParams.uuid("clientId", clientId).orElse(null), program, PageRequest.of(limit, cursor))
                .map(CaseResponse::from);
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull CaseRequests.StatusChange body) {
        CaseFile file = management.changeStatus(id, ifMatch, CaseStatusCodes.parse("status", body.status()), body.reason());
        return Response.ok(CaseResponse.from(file)).tag(ETags.of(file.version())).build();
    }

    @POST
    @Path("{id}/assignment")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response assignCase(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull CaseRequests.Assignment body) {
        CaseFile file = management.assignCase(id, ifMatch, body.assignee(), body.team());
        return Response.ok(CaseResponse.from(file)).tag(ETags.of(file.version())).build();
    }

    @GET
    @Path("{id}/assignments")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_CASES_READ})
    public Page<CaseResponse.AssignmentPeriod> assignments(@PathParam("id") UUID id) {
        return Page.whole(management.assignmentHistory(id).stream().map(CaseResponse.AssignmentPeriod::from).toList());
    }

    /**
     * The latest score of each instrument on the case (from assessment-service's submissions): total, band, flags,
     * the instrument version that scored it. For the people working the case; partners read assessments, with
     * their own scope and consent, from assessment-service.
     */
    @GET
    @Path("{id}/scores")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Page<CaseResponse.Score> scores(@PathParam("id") UUID id) {
        return Page.whole(management.latestScores(id).stream().map(CaseResponse.Score::from).toList());
    }
}

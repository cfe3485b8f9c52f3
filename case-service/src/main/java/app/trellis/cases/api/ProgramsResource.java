package app.trellis.cases.api;

import app.trellis.cases.domain.Program;
import app.trellis.cases.service.ProgramService;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** The tenant's program list. Tenant admins maintain it; every staff role reads it. */
@Path("/api/v1/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgramsResource {

    @Inject
    ProgramService service;
    @Inject
    IdempotentCreates idempotent;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramResponse.class)))
    public Response defineProgram(@Valid @NotNull ProgramCreate body,
                                  @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
                                  @Context UriInfo uri) {
        String tenant = caller.tenant();
        return idempotent.run(idempotencyKey, body, () -> {
            Program program = service.defineProgram(tenant, body.code(), body.name(), body.description());
            return Response.created(uri.getAbsolutePathBuilder().path(program.id().toString()).build())
                    .tag(ETags.of(program.version())).entity(ProgramResponse.from(program)).build();
        }, id -> service.program(tenant, UUID.fromString(id)));
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR, Roles.TENANT_ADMIN})
    public Page<ProgramResponse> programs(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.programs(caller.tenant(), PageRequest.of(limit, cursor)).map(ProgramResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR, Roles.TENANT_ADMIN})
    public Response program(@PathParam("id") UUID id) {
        Program program = service.program(caller.tenant(), id);
        return Response.ok(ProgramResponse.from(program)).tag(ETags.of(program.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Response reviseProgram(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull ProgramUpdate body) {
        Program program = service.reviseProgram(caller.tenant(), id, ifMatch, body.name(), body.description(),
                body.active());
        return Response.ok(ProgramResponse.from(program)).tag(ETags.of(program.version())).build();
    }
}

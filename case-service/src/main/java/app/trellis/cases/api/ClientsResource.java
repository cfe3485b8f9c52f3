package app.trellis.cases.api;

import app.trellis.cases.service.ClientRegistry;
import app.trellis.cases.service.ClientSearch;
import app.trellis.cases.service.ClientView;
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

/** The people served. Every read and write is audited; auditors, assessors and admins get 403 here. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientsResource {

    @Inject
    ClientRegistry registry;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientResponse.class)))
    public Response registerClient(@Valid @NotNull ClientRequest body,
                                   @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            ClientView client = registry.registerClient(body.toInput());
            return Response.created(uri.getAbsolutePathBuilder().path(client.client().id().toString()).build())
                    .tag(ETags.of(client.client().version())).entity(ClientResponse.from(client)).build();
        }, id -> registry.client(UUID.fromString(id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_CLIENTS_READ})
    public Response client(@PathParam("id") UUID id) {
        ClientView client = registry.client(id);
        return Response.ok(ClientResponse.from(client)).tag(ETags.of(client.client().version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response reviseClient(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull ClientRequest body) {
        ClientView client = registry.reviseClient(id, ifMatch, body.toInput());
        return Response.ok(ClientResponse.from(client)).tag(ETags.of(client.client().version())).build();
    }

    /** {@code name}: prefix of a family, given or preferred name; {@code birthDate} and {@code identifier}: exact. */
    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.SCOPE_CLIENTS_READ})
    public Page<ClientResponse> findClients(@QueryParam("name") String name, @QueryParam("birthDate") String birthDate,
                                            @QueryParam("identifier") String identifier,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        ClientSearch search = new ClientSearch(name, QueryParams.date("birthDate", birthDate).orElse(null), identifier);
        return registry.findClients(search, PageRequest.of(limit, cursor)).map(ClientResponse::from);
    }
}

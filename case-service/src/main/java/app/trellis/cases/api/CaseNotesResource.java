package app.trellis.cases.api;

import app.trellis.cases.domain.CaseNote;
import app.trellis.cases.service.CaseNotes;
import app.trellis.platform.idempotency.IdempotentCreates;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Append-only case notes: write, add an addendum, mark entered in error, read. No PUT, no DELETE. */
@Path("/api/v1/cases/{caseId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
public class CaseNotesResource {

    @Inject
    CaseNotes notes;
    @Inject
    IdempotentCreates idempotent;

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteResponse.class)))
    public Response addNote(@PathParam("caseId") UUID caseId, @Valid @NotNull NoteRequests.Note body,
                            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            CaseNote note = notes.addNote(caseId, body.type(), body.occurredAt(), body.text());
            return created(uri.getAbsolutePathBuilder().path(note.id().toString()).build(), note);
        }, id -> notes.readNote(caseId, UUID.fromString(id)));
    }

    @POST
    @Path("{noteId}/addenda")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resource",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteResponse.class)))
    public Response addAddendum(@PathParam("caseId") UUID caseId, @PathParam("noteId") UUID noteId,
                                @Valid @NotNull NoteRequests.Addendum body,
                                @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, body, () -> {
            CaseNote addendum = notes.addAddendum(caseId, noteId, body.text());
            return created(uri.getBaseUriBuilder().path("api/v1/cases").path(caseId.toString()).path("notes")
                    .path(addendum.id().toString()).build(), addendum);
        }, id -> notes.readNote(caseId, UUID.fromString(id)));
    }

    @POST
    @Path("{noteId}/entered-in-error")
    public NoteResponse markEnteredInError(@PathParam("caseId") UUID caseId, @PathParam("noteId") UUID noteId,
                                           @Valid @NotNull NoteRequests.EnteredInError body) {
        return NoteResponse.from(notes.markEnteredInError(caseId, noteId, body.reason()));
    }

    @GET
    @Path("{noteId}")
    public NoteResponse note(@PathParam("caseId") UUID caseId, @PathParam("noteId") UUID noteId) {
        return NoteResponse.from(notes.readNote(caseId, noteId));
    }

    @GET
    public Page<NoteResponse> notes(@PathParam("caseId") UUID caseId, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return notes.notes(caseId, PageRequest.of(limit, cursor)).map(NoteResponse::from);
    }

    private static Response created(URI location, CaseNote note) {
        return Response.created(location).entity(NoteResponse.from(note)).build();
    }
}

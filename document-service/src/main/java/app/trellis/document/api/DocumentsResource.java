package app.trellis.document.api;

import app.trellis.document.service.DocumentLibrary;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.QueryParams;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    @Inject
    DocumentLibrary library;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR, Roles.SCOPE_DOCUMENTS_READ})
    public Page<DocumentResponse> documents(@QueryParam("caseId") String caseId, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        return library.documents(caller.tenant(), QueryParams.uuid("caseId", caseId), PageRequest.of(limit, cursor))
                .map(DocumentResponse::from);
    }
}

package app.trellis.document.api;

import app.trellis.document.domain.Document;
import app.trellis.document.service.DocumentFiling;
import app.trellis.document.service.DocumentReader;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;

/**
 * Large files go straight to S3: the caller promises type, size and SHA-256, PUTs the bytes to a short-lived
 * presigned URL, then completes the upload; only bytes that keep the promise become a document.
 */
@Path("/api/v1/documents/uploads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR})
public class UploadsResource {

    @Inject
    DocumentFiling filing;
    @Inject
    DocumentReader reader;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(DocumentRequests.Upload request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        if (request.sizeBytes() == null) {
            throw ProblemException.badRequest("sizeBytes", "is required");
        }
        DocumentFiling.NewDocument document = null;
        if (request.documentId() == null) {
            if (request.clientId() == null) {
                throw ProblemException.badRequest("clientId", "is required for a new document");
            }
            document = new DocumentFiling.NewDocument(request.clientId(), request.caseId(),
                    DocumentsResource.category(request.category()), request.title());
        }
        DocumentFiling.PresignedUpload upload = filing.openUpload(document, request.documentId(), request.contentType(),
                request.sizeBytes(), request.sha256());
        return Response.created(uri.getAbsolutePathBuilder().path(upload.session().id().toString()).build())
                .entity(new DocumentRequests.UploadTarget(upload.session().id(), upload.url().toString(), "PUT",
                        Map.of("Content-Type", upload.session().contentType()), upload.expiresAt())).build();
    }

    @POST
    @Path("/{id}/complete")
    public Response complete(@PathParam("id") String id, @Context UriInfo uri) {
        UUID session;
        try {
            session = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Upload");
        }
        Document document = filing.completeUpload(session);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/documents").path(document.id().toString()).build())
                .tag(ETags.of(document.rowVersion())).entity(DocumentResponse.from(reader.describe(document))).build();
    }
}

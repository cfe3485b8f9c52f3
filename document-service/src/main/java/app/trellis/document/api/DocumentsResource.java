package app.trellis.document.api;

import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentCategory;
import app.trellis.document.service.DocumentFiling;
import app.trellis.document.service.DocumentReader;
import app.trellis.document.service.DocumentRetention;
import app.trellis.document.service.Incoming;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.problem.QueryParams;
import app.trellis.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Documents of clients and cases: upload through the service (multipart, streamed to S3), metadata and versions,
 * lists, content (streamed, or a presigned GET of at most 5 minutes), soft delete and legal holds. Who sees a
 * document follows its case or client; partners read with the documents scope and a consent in force; auditors
 * read the audit trail, not documents.
 */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {


    @Inject
    DocumentFiling filing;
    @Inject
    DocumentReader reader;
    @Inject
    DocumentRetention retention;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR})
    public Response upload(@RestForm("file") FileUpload file, @RestForm String clientId, @RestForm String caseId,
                           @RestForm String category, @RestForm String title, @RestForm String sha256,
                           @Context UriInfo uri) {
        UUID client = QueryParams.uuid("clientId", clientId)
                .orElseThrow(() -> ProblemException.badRequest("clientId", "is required"));
        DocumentFiling.NewDocument document = new DocumentFiling.NewDocument(client,
                QueryParams.uuid("caseId", caseId).orElse(null), category(category), title);
        Document filed = filing.file(document, incoming(file, sha256));
        return Response.created(uri.getAbsolutePathBuilder().path(filed.id().toString()).build())
                .tag(ETags.of(filed.rowVersion())).entity(DocumentResponse.from(reader.describe(filed))).build();
    }

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR, Roles.SCOPE_DOCUMENTS_READ})
    public Page<DocumentResponse> documents(@QueryParam("clientId") String clientId, @QueryParam("caseId") String caseId,
                                            @QueryParam("category") String category, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        String wanted = category == null ? null : category(category).wire();
        return reader.list(QueryParams.uuid("clientId", clientId).orElse(null),
                QueryParams.uuid("caseId", caseId).orElse(null), wanted, PageRequest.of(limit, cursor))
                .map(DocumentResponse::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR, Roles.SCOPE_DOCUMENTS_READ})
    public Response document(@PathParam("id") String id) {
        DocumentReader.Described described = reader.document(documentId(id));
        return Response.ok(DocumentResponse.from(described)).tag(ETags.of(described.document().rowVersion())).build();
    }

    /**
     * The bytes of a version (the newest unless {@code version} is given): streamed by default, or with
     * {@code delivery=redirect} a 303 to a presigned GET valid for at most 5 minutes. Audited before either.
     */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR, Roles.SCOPE_DOCUMENTS_READ})
    public Response content(@PathParam("id") String id, @QueryParam("version") Integer version,
                            @QueryParam("delivery") String delivery) {
        if (delivery != null && !delivery.equals("stream") && !delivery.equals("redirect")) {
            throw ProblemException.badRequest("delivery", "must be stream or redirect");
        }
        DocumentReader.Content content = reader.content(documentId(id), version, "redirect".equals(delivery));
        if (content.redirect() != null) {
            return Response.seeOther(URI.create(content.redirect().toString())).header("Cache-Control", "no-store").build();
        }
        InputStream bytes = content.bytes();
        StreamingOutput body = out -> {
            try (InputStream in = bytes) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, content.version().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, content.version().sizeBytes())
                .header("Content-Disposition", "attachment; filename=\"" + content.downloadName() + "\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + content.version().sha256()).build();
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR, Roles.ASSESSOR})
    public Response addVersion(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @RestForm("file") FileUpload file, @RestForm String sha256, @Context UriInfo uri) {
        Document document = filing.addVersion(documentId(id), ifMatch, incoming(file, sha256));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/documents").path(document.id().toString()).build())
                .tag(ETags.of(document.rowVersion())).entity(DocumentResponse.from(reader.describe(document))).build();
    }

    /** Soft delete: gone from lists and reads, bytes kept until retention passes; 409 under a legal hold. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.SUPERVISOR})
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        retention.delete(documentId(id), ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    public Response legalHold(@PathParam("id") String id, DocumentRequests.LegalHold request) {
        if (request == null || request.hold() == null) {
            throw ProblemException.badRequest("hold", "is required (true to hold, false to release)");
        }
        Document document = retention.hold(documentId(id), request.hold());
        return Response.ok(DocumentResponse.from(reader.describe(document))).tag(ETags.of(document.rowVersion())).build();
    }

    static UUID documentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Document");
        }
    }

    static DocumentCategory category(String category) {
        return DocumentCategory.fromWire(category).orElseThrow(() -> ProblemException.badRequest("category",
                "must be one of " + DocumentCategory.allowed()));
    }

    private static Incoming incoming(FileUpload file, String sha256) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("file", "is required (a multipart part named file)");
        }
        return new Incoming(file.uploadedFile(), file.size(), file.contentType(), file.fileName(),
                Optional.ofNullable(sha256).filter(s -> !s.isBlank()).orElse(null));
    }
}

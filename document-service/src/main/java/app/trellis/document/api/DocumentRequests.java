package app.trellis.document.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the document API (JSON; uploads through the service are multipart forms). */
public final class DocumentRequests {

    private DocumentRequests() {
    }

    /** A legal hold placed ({@code hold} true) or released. */
    public record LegalHold(Boolean hold) {
    }

    /**
     * A presigned upload: of a new document (client, optional case, category, title) or of a new version of
     * {@code documentId}; the file's type, exact size and hex SHA-256 are promised up front and checked on completion.
     */
    public record Upload(UUID clientId, UUID caseId, UUID documentId, String category, String title, String contentType,
                         Long sizeBytes, String sha256) {
    }

    /** Where to PUT the bytes: the URL, the method and the headers the signature covers, and until when. */
    public record UploadTarget(UUID id, String url, String method, Map<String, String> headers,
                               Instant expiresAt) {
    }
}

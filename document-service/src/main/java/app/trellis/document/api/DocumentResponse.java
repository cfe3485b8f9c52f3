package app.trellis.document.api;

import app.trellis.document.domain.Document;
import java.time.Instant;
import java.util.UUID;

/** Document metadata; the object key stays inside the service. */
public record DocumentResponse(UUID id, UUID caseId, String title, String contentType, long sizeBytes,
                               Instant createdAt) {

    static DocumentResponse from(Document document) {
        return new DocumentResponse(document.id(), document.caseId(), document.title(), document.contentType(),
                document.sizeBytes(), document.createdAt());
    }
}

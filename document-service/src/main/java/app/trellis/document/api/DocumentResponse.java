package app.trellis.document.api;

import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.service.DocumentReader;
import app.trellis.platform.security.PersonRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A document with its versions (oldest first); the S3 keys and original file names stay inside the service. */
public record DocumentResponse(UUID id, UUID clientId, UUID caseId, String category, String title, String status,
                               boolean legalHold, Instant retainUntil, int currentVersion, List<VersionResponse> versions,
                               Instant createdAt, PersonRef createdBy, Instant updatedAt) {

    /** One version: what its bytes are and whether they may be served ({@code scan} is {@code clean}). */
    public record VersionResponse(int version, String contentType, long sizeBytes, String sha256, String scan,
                                  Instant createdAt, PersonRef createdBy) {

        static VersionResponse from(DocumentVersion v) {
            return new VersionResponse(v.versionNo(), v.contentType(), v.sizeBytes(), v.sha256(), v.scanState().wire(),
                    v.createdAt(), PersonRef.of(v.createdBy()));
        }
    }

    static DocumentResponse from(DocumentReader.Described described) {
        Document d = described.document();
        return new DocumentResponse(d.id(), d.clientId(), d.caseId(), d.category().wire(), described.title(),
                d.status().wire(), d.legalHold(), d.retainUntil(), d.currentVersion(),
                described.versions().stream().map(VersionResponse::from).toList(), d.createdAt(),
                PersonRef.of(d.createdBy()), d.updatedAt());
    }
}

package app.trellis.platform.contracts;

import java.util.UUID;

/** {@code app.trellis.document.version-added.v1}, subject {@code document/<documentId>}: a new version, pending its scan. */
public record DocumentVersionAddedV1(UUID documentId, UUID clientId, UUID caseId, String category, int version,
                                     String contentType, long sizeBytes, String sha256, String scan) {
    public static final String TYPE = "app.trellis.document.version-added.v1";
}

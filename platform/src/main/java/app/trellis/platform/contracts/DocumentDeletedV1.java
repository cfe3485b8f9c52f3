package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.document.deleted.v1}, subject {@code document/<documentId>}: a document left every list (soft
 * delete); its bytes stay until the retention period passes.
 */
public record DocumentDeletedV1(UUID documentId, UUID clientId, UUID caseId, String category, int versions) {
    public static final String TYPE = "app.trellis.document.deleted.v1";
}

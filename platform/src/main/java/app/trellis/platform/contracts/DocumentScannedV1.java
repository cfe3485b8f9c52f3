package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.document.scanned.v1}, subject {@code document/<documentId>}: a version's scan finished.
 *
 * @param scan {@code clean} or {@code infected}; infected content is never served
 */
public record DocumentScannedV1(UUID documentId, UUID clientId, UUID caseId, String category, int version,
                                String sha256, String scan) {
    public static final String TYPE = "app.trellis.document.scanned.v1";
}

package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.document.uploaded.v1}, subject {@code document/<documentId>}: a document was filed with its
 * first version, which waits for its scan. Never the title or file name: they may name a person.
 *
 * @param caseId   null for a document filed on the client only
 * @param sha256   hex SHA-256 of the stored bytes
 * @param scan     {@code pending-scan} at upload
 */
public record DocumentUploadedV1(UUID documentId, UUID clientId, UUID caseId, String category, int version,
                                 String contentType, long sizeBytes, String sha256, String scan) {
    public static final String TYPE = "app.trellis.document.uploaded.v1";
}

package app.trellis.document.domain;

/**
 * Bytes that are in the bucket and passed the checks: where, what type the bytes are (detected, not declared),
 * how many, their SHA-256 (hex), and the sealed original file name (may be null).
 */
public record StoredContent(String objectKey, String contentType, long sizeBytes, String sha256, String fileNameSealed) {
}

package app.trellis.document.service;

import java.nio.file.Path;

/**
 * A file as it arrived in a request, spooled to the service's disk by the HTTP layer (never held in memory):
 * its declared type, original name (may hold PHI: sealed before it is stored) and, optionally, the SHA-256 the
 * sender computed, checked against what was stored.
 */
public record Incoming(Path file, long size, String declaredType, String fileName, String expectedSha256) {
}

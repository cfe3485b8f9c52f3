package app.trellis.gateway.service;

/**
 * What the gateway keeps of a verified access token: who to count against rate limits (the OAuth client, null when the token names none), whether it names a
 * tenant, and until when the verification may be reused (nanoTime).
 */
public record VerifiedToken(String subject, String client, boolean hasTenant, long trustedUntil) {
}

package app.trellis.platform.concurrency;

import app.trellis.platform.problem.PreconditionProblems;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: the ETag is the entity's version; an update must present it in
 * {@code If-Match}. Missing is 428, a different version is 412. Two writers that present the same
 * (current) ETag at once are separated by the database version check, which also ends in 412.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Returns the version the caller read, after checking it against the current one. */
    public static long requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionProblems.required();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return currentVersion;
            }
            if (tag.startsWith("W/")) {
                // If-Match uses the strong comparison (RFC 9110 13.1.1): weak tags never match.
                continue;
            }
            if (tag.equals("\"" + currentVersion + "\"")) {
                return currentVersion;
            }
        }
        throw PreconditionProblems.failed();
    }
}

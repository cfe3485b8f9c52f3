package app.trellis.platform.problem;

import jakarta.ws.rs.core.Response;

/** The problems of conditional requests (RFC 9110 section 13), shared by the ETag checks and the mappers. */
public final class PreconditionProblems {

    private PreconditionProblems() {
    }

    /** A write that lost the race for a version: what {@link #failed()} says, as a response. */
    public static Response stale(String path) {
        return ProblemResponses.of(412, "precondition-failed", "Precondition failed",
                "The resource was changed since it was read; read it again and retry with the new ETag", path, null);
    }

    public static ProblemException failed() {
        return new ProblemException(412, "precondition-failed", "Precondition failed",
                "The resource was changed since it was read; read it again and retry with the new ETag");
    }

    public static ProblemException required() {
        return new ProblemException(428, "precondition-required", "Precondition required",
                "Updates need an If-Match header with the ETag of the last read");
    }
}

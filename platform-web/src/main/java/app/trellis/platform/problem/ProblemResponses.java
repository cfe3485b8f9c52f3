package app.trellis.platform.problem;

import app.trellis.platform.request.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses with the request's path and id filled in. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String slug, String title, String detail, String path,
                              List<FieldError> errors) {
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, path,
                RequestIds.current(), errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

package app.trellis.platform.problem;

import app.trellis.platform.request.RequestIds;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems answered below the REST layer (plain Vert.x routes, such as the gateway's proxy): the same
 * RFC 9457 document, path and request id as {@link ProblemResponses} writes.
 */
public final class RoutingProblems {

    private RoutingProblems() {
    }

    /** Answers the request with a problem, unless an answer has already begun. */
    public static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(json(rc.request().path(), status, slug, title, detail));
    }

    /** The problem document as JSON, for answers that are not written through the routing context. */
    public static String json(String path, int status, String slug, String title, String detail) {
        return Json.encode(new Problem(Problem.TYPE_BASE + slug, title, status, detail, path, RequestIds.current(), null));
    }
}

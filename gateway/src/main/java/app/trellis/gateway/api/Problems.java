package app.trellis.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problems written by the gateway itself, in the same shape the services use. */
public final class Problems {

    private static final String TYPE_BASE = "https://trellis.app/problems/";

    private Problems() {
    }

    public static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", TYPE_BASE + slug).put("title", title).put("status", status).put("detail", detail)
                .put("instance", rc.request().path()).put("requestId", RequestIds.of(rc));
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(problem.encode());
    }
}

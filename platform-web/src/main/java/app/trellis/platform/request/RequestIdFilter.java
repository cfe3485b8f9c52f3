package app.trellis.platform.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.MDC;

/**
 * Accepts the caller's {@code X-Request-Id} (or makes one) before anything else runs, so that
 * security failures, problems and log lines of one request all carry the same id.
 */
@Singleton
public class RequestIdFilter {

    /** Runs before authentication and the REST layer. */
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
            ContextLocals.put(RequestIds.KEY, id);
            String trace = ctx.request().getHeader(RequestIds.TRACE_HEADER);
            if (trace != null && trace.length() <= 100) {
                ContextLocals.put(RequestIds.TRACE_KEY, trace);
            }
            MDC.put("requestId", id);
            // Set on the request too, so that whatever is forwarded (the gateway's proxy) carries the same id.
            ctx.request().headers().set(RequestIds.HEADER, id);
            ctx.response().putHeader(RequestIds.HEADER, id);
            ctx.next();
        }, PRIORITY);
    }
}

package app.trellis.gateway.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The gateway is where most requests get their id: a caller's safe {@code X-Request-Id} is kept,
 * anything else is replaced, and the id is passed on to the service and returned to the caller.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "trellis.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String offered = rc.request().getHeader(HEADER);
            String id = offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            rc.put(KEY, id);
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            rc.next();
        }, 1000);
    }

    public static String of(RoutingContext rc) {
        return rc.get(KEY);
    }
}

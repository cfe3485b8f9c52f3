package app.trellis.gateway.service;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.ext.web.RoutingContext;

/** One request on its way through the gateway: what was decided about it so far. */
final class Exchange {

    final RoutingContext rc;
    final RouteTable.Route route;
    final long started = System.nanoTime();
    long deadlineTimer = -1;
    HttpClientRequest upstream;
    boolean timedOut;
    boolean tooLarge;
    /** The answer is the gateway's own problem, not the upstream's. */
    boolean answeredHere;

    Exchange(RoutingContext rc, RouteTable.Route route) {
        this.rc = rc;
        this.route = route;
    }

    String service() {
        return route == null ? "none" : route.service();
    }

    String label() {
        return route == null ? ProxyMetrics.UNMATCHED : route.prefix();
    }
}

package app.trellis.gateway.service;

import app.trellis.gateway.config.GatewayConfig;
import app.trellis.platform.problem.RoutingProblems;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Forwards {@code /api/*} to the owning service with Vert.x's reverse proxy, streaming bodies both ways.
 * Before any upstream is called: the route is known, the declared body fits, the token is verified
 * (signature, issuer, audience, expiry), the caller is within its rate limits and the upstream's breaker
 * is closed. The token is passed on unchanged: every service verifies it again.
 */
@Singleton
public class ApiProxy {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Inject
    Vertx vertx;
    @Inject
    RouteTable routes;
    @Inject
    GatewayConfig config;
    @Inject
    EdgeAuthentication authentication;
    @Inject
    RateLimits limits;
    @Inject
    CircuitBreakers breakers;
    @Inject
    ProxyMetrics metrics;

    /**
     * One client, and so one connection pool, per event loop. A pooled connection does its I/O on the event
     * loop that opened it; shared between loops, a request arriving on one loop would be sent on a
     * connection of another, and every exchange would cross threads twice (a wake-up and a context switch
     * each way). Per loop, the caller's and the service's connection of an exchange share one thread.
     */
    private final ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(this::newClient);

    void register(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true).setKeepAliveTimeout(60).setMaxPoolSize(config.poolSize())
                .setTcpNoDelay(true).setDecompressionSupported(false));
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals("/api/docs") || path.startsWith("/api/docs/")) {
            rc.next();
            return;
        }
        HttpServerRequest request = rc.request();
        request.pause();
        Exchange exchange = new Exchange(rc, routes.match(path).orElse(null));
        rc.addEndHandler(done -> finish(exchange));
        if (exchange.route == null) {
            refuse(exchange, 404, "not-found", "Resource not found", "No Trellis service serves this path");
            return;
        }
        if (declaredLength(request) > exchange.route.routeClass().maxBodyBytes()) {
            closeAfterAnswer(exchange);
            refuse(exchange, 413, "body-too-large", "Request body too large", "The body is larger than this route accepts");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(exchange, 401, "unauthorized", "Not authenticated", "A valid bearer token is required");
            return;
        }
        authentication.verify(authorization.substring(7).trim(), rc).subscribe().with(
                token -> admit(exchange, token),
                failure -> {
                    if (failure instanceof EdgeAuthentication.Refused refused && refused.unavailable()) {
                        refuse(exchange, 503, "identity-provider-unavailable", "Service unavailable",
                                "Tokens cannot be verified right now; retry later");
                    } else {
                        refuse(exchange, 401, "unauthorized", "Not authenticated", "A valid bearer token is required");
                    }
                });
    }

    private void admit(Exchange exchange, VerifiedToken token) {
        if (!token.hasTenant()) {
            refuse(exchange, 403, "missing-tenant", "Forbidden", "The access token carries no tenant");
            return;
        }
        RouteTable.Route route = exchange.route;
        long wait = limits.take("user:" + token.subject() + '|' + route.className(), route.routeClass().userRate());
        if (token.client() != null) {
            wait = Math.max(wait,
                    limits.take("client:" + token.client() + '|' + route.className(), route.routeClass().clientRate()));
        }
        if (wait > 0) {
            exchange.rc.response().putHeader("Retry-After", Long.toString(wait));
            refuse(exchange, 429, "too-many-requests", "Too many requests", "The rate limit of this route is reached");
            return;
        }
        if (!breakers.allow(route.service())) {
            exchange.rc.response().putHeader("Retry-After", Long.toString(Math.max(1, config.breaker().openFor().toSeconds())));
            refuse(exchange, 503, "upstream-unavailable", "Service unavailable",
                    "The service is failing and is given time to recover; retry later");
            return;
        }
        forward(exchange);
    }

    private void forward(Exchange exchange) {
        HttpServerRequest request = exchange.rc.request();
        if (request.version() == HttpVersion.HTTP_2 && WITH_BODY.contains(request.method())
                && request.getHeader("Content-Length") == null) {
            // An HTTP/2 body has no length and no chunking of its own; the HTTP/1.1 hop to the service needs one.
            request.headers().set("Transfer-Encoding", "chunked");
        }
        exchange.deadlineTimer = vertx.setTimer(exchange.route.routeClass().deadline().toMillis(), t -> expire(exchange));
        HttpClient client = clients.get();
        UpstreamCall call = new UpstreamCall(exchange, client, vertx, breakers, config.connectRetries());
        HttpProxy.reverseProxy(client).origin(call::open).addInterceptor(call).handle(request);
    }

    /** The deadline passed: before the answer began that is a 504, after it only a reset can say so. */
    private static void expire(Exchange exchange) {
        exchange.deadlineTimer = -1;
        exchange.timedOut = true;
        if (exchange.upstream != null) {
            exchange.upstream.reset(0, new TimeoutException());
        }
    }

    private void finish(Exchange exchange) {
        if (exchange.deadlineTimer >= 0) {
            vertx.cancelTimer(exchange.deadlineTimer);
        }
        metrics.record(exchange.label(), exchange.service(), exchange.rc.request().method().name(),
                exchange.rc.response().getStatusCode(), System.nanoTime() - exchange.started);
    }

    /**
     * The body is not read: the connection cannot carry another request, and waiting for the caller to
     * finish sending would only keep it open.
     */
    static void closeAfterAnswer(Exchange exchange) {
        HttpServerRequest request = exchange.rc.request();
        if (request.version() != HttpVersion.HTTP_2) {
            exchange.rc.response().putHeader("Connection", "close");
            exchange.rc.addEndHandler(done -> request.connection().close());
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(Exchange exchange, int status, String slug, String title, String detail) {
        exchange.answeredHere = true;
        exchange.rc.request().resume();
        RoutingProblems.send(exchange.rc, status, slug, title, detail);
    }
}

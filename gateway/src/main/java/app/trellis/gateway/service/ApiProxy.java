package app.trellis.gateway.service;

import app.trellis.gateway.config.GatewayConfig;
import app.trellis.platform.problem.RoutingProblems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Forwards {@code /api/*} to the owning service, streaming bodies both ways. The token is checked here
 * first (401/403 as problem+json) and passed on unchanged, because every service validates it again.
 */
@Singleton
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    /** RFC 9110 7.6.1 hop-by-hop headers, plus Host, which becomes the upstream's. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    @Inject
    Vertx vertx;
    @Inject
    RouteTable routes;
    @Inject
    GatewayConfig config;
    @Inject
    IdentityProviderManager identities;

    private HttpClient client;

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setKeepAlive(true)
                .setMaxPoolSize(64).setIdleTimeout(60));
        router.route("/api/*").handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause();
        var target = routes.match(rc.normalizedPath());
        if (target.isEmpty()) {
            refuse(rc, 404, "not-found", "Resource not found", "No Trellis service serves this path");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(rc, 401, "unauthorized", "Not authenticated", "A valid bearer token is required");
            return;
        }
        // Verified through the OIDC identity provider directly, so that every failure is ours to answer.
        var credential = new AccessTokenCredential(authorization.substring(7).trim());
        Uni<SecurityIdentity> identity = identities.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new TokenAuthenticationRequest(credential), rc));
        identity.subscribe().with(
                caller -> {
                    if (caller == null || caller.isAnonymous()) {
                        refuse(rc, 401, "unauthorized", "Not authenticated", "A valid bearer token is required");
                    } else if (!hasTenant(caller)) {
                        refuse(rc, 403, "missing-tenant", "Forbidden", "The access token carries no tenant");
                    } else {
                        forward(rc, target.get());
                    }
                },
                failure -> refuse(rc, 401, "unauthorized", "Not authenticated", "A valid bearer token is required"));
    }

    private void forward(RoutingContext rc, RouteTable.Target target) {
        HttpServerRequest request = rc.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(target.url().getHost())
                .setPort(target.url().getPort())
                .setURI(rc.normalizedPath() + (query == null ? "" : "?" + query))
                .setIdleTimeout(config.upstreamTimeout().toMillis())
                .setHeaders(upstreamHeaders(request));
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                upstreamFailed(rc, target, opened.cause());
                return;
            }
            HttpClientRequest upstream = opened.result();
            boolean hasBody = request.headers().contains("Content-Length") || request.headers().contains("Transfer-Encoding");
            var sent = hasBody ? upstream.send(request) : upstream.send();
            if (!hasBody) {
                request.resume();
            }
            sent.onComplete(answered -> {
                if (answered.failed()) {
                    upstreamFailed(rc, target, answered.cause());
                } else {
                    relay(answered.result(), rc.response());
                }
            });
        });
    }

    private static MultiMap upstreamHeaders(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String prior = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", prior == null ? client : prior + ", " + client);
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        return headers;
    }

    private static void relay(HttpClientResponse upstream, HttpServerResponse response) {
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // The gateway already set X-Request-Id; the service echoes the same one.
            if (!HOP_BY_HOP.contains(name) && !name.equals("x-request-id")) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        response.send(upstream);
    }

    private static void upstreamFailed(RoutingContext rc, RouteTable.Target target, Throwable cause) {
        if (cause instanceof TimeoutException) {
            LOG.warnf("Upstream %s timed out", target.service());
            refuse(rc, 504, "upstream-timeout", "Gateway timeout", "The service did not answer in time");
        } else {
            LOG.warnf("Upstream %s unavailable: %s", target.service(), cause.getClass().getSimpleName());
            refuse(rc, 502, "upstream-unavailable", "Bad gateway", "The service is not reachable; retry later");
        }
    }

    private static void refuse(RoutingContext rc, int status, String slug, String title, String detail) {
        rc.request().resume();
        RoutingProblems.send(rc, status, slug, title, detail);
    }

    private static boolean hasTenant(SecurityIdentity caller) {
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            Object tenant = token.getClaim("tenant");
            return tenant != null && !tenant.toString().replace("\"", "").isBlank();
        }
        return false;
    }
}

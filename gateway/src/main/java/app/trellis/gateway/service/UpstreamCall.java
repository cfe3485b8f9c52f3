package app.trellis.gateway.service;

import app.trellis.platform.problem.Problem;
import app.trellis.platform.problem.RoutingProblems;
import app.trellis.platform.request.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The upstream half of one exchange, plugged into Vert.x's reverse proxy: opens the connection (retrying
 * the connect for idempotent methods), rewrites the headers on the way out and in, caps the body, and
 * turns a failed call into a problem response the proxy then sends.
 */
final class UpstreamCall implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamCall.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final Exchange exchange;
    private final HttpClient client;
    private final Vertx vertx;
    private final CircuitBreakers breakers;
    private final int retries;

    UpstreamCall(Exchange exchange, HttpClient client, Vertx vertx, CircuitBreakers breakers, int retries) {
        this.exchange = exchange;
        this.client = client;
        this.vertx = vertx;
        this.breakers = breakers;
        this.retries = retries;
    }

    /** The proxy's origin: a request on a pooled connection to the route's upstream. */
    Future<HttpClientRequest> open(ProxyContext context) {
        var url = exchange.route.url();
        RequestOptions options = new RequestOptions().setHost(url.getHost()).setPort(url.getPort())
                .setIdleTimeout(exchange.route.routeClass().idleTimeout().toMillis());
        boolean retryable = IDEMPOTENT.contains(context.request().getMethod());
        return connect(options, retryable ? retries : 0).onSuccess(request -> exchange.upstream = request);
    }

    private Future<HttpClientRequest> connect(RequestOptions options, int retriesLeft) {
        if (exchange.timedOut) {
            return Future.failedFuture(new TimeoutException());
        }
        return client.request(options).recover(failure -> {
            if (retriesLeft <= 0) {
                return Future.failedFuture(failure);
            }
            // Nothing was sent yet, and the method may be repeated anyway: try again after a short pause.
            Promise<HttpClientRequest> retried = Promise.promise();
            vertx.setTimer(50L * (retries - retriesLeft + 1),
                    t -> connect(options, retriesLeft - 1).onComplete(retried));
            return retried.future();
        });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        // The path the route was chosen by, not the raw one: dot segments must not lead the service elsewhere.
        String query = request.proxiedRequest().query();
        request.setURI(exchange.rc.normalizedPath() + (query == null ? "" : "?" + query));
        HopHeaders.strip(request.headers());
        HopHeaders.forward(request.headers(), request.proxiedRequest());
        request.headers().set(RequestIds.TRACE_HEADER, TraceContext.next(request.headers().get(RequestIds.TRACE_HEADER)));
        Body body = request.getBody();
        if (body != null && body.length() < 0 && mayCarryUnsizedBody(request.proxiedRequest())) {
            // A declared length was checked against the cap before anything was forwarded; only a body
            // without one (chunked, or HTTP/2) has to be counted on its way through.
            request.setBody(Body.body(new CappedBody(body.stream(), exchange.route.routeClass().maxBodyBytes(),
                    () -> exchange.tooLarge = true), body.length()));
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(failed(context, failure)));
    }

    /** HTTP/1.1 without Content-Length and Transfer-Encoding has no body at all (RFC 9112 6.3). */
    private static boolean mayCarryUnsizedBody(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 || request.headers().contains("Transfer-Encoding");
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        if (!exchange.answeredHere) {
            int status = response.getStatusCode();
            if (status == 502 || status == 503 || status == 504) {
                breakers.failed(exchange.service());
            } else {
                breakers.succeeded(exchange.service());
            }
            HopHeaders.strip(response.headers());
            // The gateway answers with the id it already set; the service echoes the same one.
            response.headers().remove(RequestIds.HEADER);
        }
        return context.sendResponse();
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure) {
        exchange.answeredHere = true;
        String path = exchange.rc.request().path();
        if (exchange.rc.response().closed()) {
            // The caller went away and the proxy reset the upstream call: nothing is wrong with the service.
            return context.request().release().response().setStatusCode(499);
        }
        ProxyResponse response = context.request().release().response();
        int status;
        String body;
        if (exchange.tooLarge) {
            status = 413;
            body = RoutingProblems.json(path, status, "body-too-large", "Request body too large",
                    "The body is larger than this route accepts");
            ApiProxy.closeAfterAnswer(exchange);
        } else if (exchange.timedOut || failure instanceof TimeoutException) {
            breakers.failed(exchange.service());
            LOG.warnf("Upstream %s did not answer in time", exchange.service());
            status = 504;
            body = RoutingProblems.json(path, status, "upstream-timeout", "Gateway timeout",
                    "The service did not answer in time");
        } else {
            breakers.failed(exchange.service());
            LOG.warnf("Upstream %s unavailable: %s", exchange.service(), failure.getClass().getSimpleName());
            status = 502;
            body = RoutingProblems.json(path, status, "upstream-unavailable", "Bad gateway",
                    "The service is not reachable; retry later");
        }
        return response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(body)));
    }
}

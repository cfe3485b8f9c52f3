package app.trellis.gateway.api;

import app.trellis.gateway.service.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One API document for the whole platform at {@code /api/docs/openapi.json}: the services' own documents,
 * fetched from them, merged, and shown by the one Swagger UI at {@code /api/docs}. A service contributes
 * only the paths the gateway routes to it; one that cannot be reached is left out and named in
 * {@code x-trellis-missing}, and the merge is tried again on the next request instead of being cached.
 */
@Singleton
public class ApiDocs {

    static final String PATH = "/api/docs";
    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    Vertx vertx;
    @Inject
    RouteTable routes;

    private HttpClient client;
    private volatile Buffer merged;
    private volatile long mergedAt;

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setMaxPoolSize(4));
        router.get(PATH + "/openapi.json").order(-10).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        Buffer cached = merged;
        if (cached != null && System.nanoTime() - mergedAt < FRESH_NANOS) {
            send(rc, cached);
            return;
        }
        List<RouteTable.Route> upstreams = routes.upstreams();
        List<Future<JsonObject>> documents = new ArrayList<>();
        for (RouteTable.Route upstream : upstreams) {
            documents.add(fetch(upstream).otherwise(failure -> {
                LOG.warnf("No API document from %s: %s", upstream.service(), failure.getClass().getSimpleName());
                return null;
            }));
        }
        Future.join(documents).onComplete(done -> {
            JsonObject document = OpenApiMerge.base();
            boolean complete = true;
            for (int i = 0; i < upstreams.size(); i++) {
                JsonObject part = documents.get(i).result();
                if (part == null) {
                    complete = false;
                    document.getJsonArray("x-trellis-missing").add(upstreams.get(i).service());
                } else {
                    String service = upstreams.get(i).service();
                    OpenApiMerge.add(document, part, path -> routes.routesTo(path, service));
                }
            }
            Buffer body = document.toBuffer();
            if (complete) {
                merged = body;
                mergedAt = System.nanoTime();
            }
            send(rc, body);
        });
    }

    private Future<JsonObject> fetch(RouteTable.Route upstream) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.url().getHost())
                .setPort(upstream.url().getPort()).setURI("/q/openapi?format=json").setTimeout(5_000)
                .putHeader("Accept", "application/json");
        return client.request(options).compose(request -> request.send().compose(HttpClientResponse::body))
                .map(JsonObject::new);
    }

    private static void send(RoutingContext rc, Buffer body) {
        rc.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(body);
    }
}

package app.trellis.gateway;

import app.trellis.platform.testing.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP servers standing in the services' places: each answers with what it received, so tests
 * can see which service a path reached and what the gateway passed on. Assessment points at a closed
 * port (a service that is down).
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int casePort = echo("case");
        int documentPort = echo("document");
        int reportingPort = echo("reporting");
        return Map.of(
                "trellis.gateway.routes.case.url", "http://127.0.0.1:" + casePort,
                "trellis.gateway.routes.document.url", "http://127.0.0.1:" + documentPort,
                "trellis.gateway.routes.reporting.url", "http://127.0.0.1:" + reportingPort,
                "trellis.gateway.routes.assessment.url", "http://127.0.0.1:" + Ports.free());
    }

    private int echo(String service) {
        int port = Ports.free();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (req.path().endsWith("/slow")) {
                return;
            }
            JsonObject echo = new JsonObject().put("service", service).put("method", req.method().name())
                    .put("uri", req.uri()).put("body", body.toString())
                    .put("authorization", req.getHeader("Authorization"))
                    .put("requestId", req.getHeader("X-Request-Id"))
                    .put("forwardedFor", req.getHeader("X-Forwarded-For"));
            req.response().putHeader("Content-Type", "application/json").putHeader("ETag", "\"7\"")
                    .putHeader("X-Request-Id", req.getHeader("X-Request-Id") == null ? "none" : req.getHeader("X-Request-Id"))
                    .setStatusCode(req.method().name().equals("POST") ? 201 : 200).end(echo.encode());
        }));
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        servers.add(server);
        return port;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}

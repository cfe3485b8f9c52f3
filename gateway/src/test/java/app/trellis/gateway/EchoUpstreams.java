package app.trellis.gateway;

import app.trellis.platform.testing.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Real HTTP servers standing in the services' places. Each answers with what it received (method, uri,
 * headers, body size and checksum, counted as it streams in, never held), so tests see which service a
 * path reached and what the gateway passed on. Paths ending in {@code /slow} never answer;
 * {@code /download/<bytes>} streams that many bytes. {@code /control/...} on each server counts the
 * requests it served and switches it between answering and resetting every connection (a failing
 * service). The {@code dead} and {@code gone} routes point at ports nobody listens on.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"case", "assessment", "document", "reporting"}) {
            config.put("trellis.gateway.routes." + service + ".url", "http://127.0.0.1:" + echo(service));
        }
        config.put("trellis.gateway.routes.dead.url", "http://127.0.0.1:" + Ports.free());
        config.put("trellis.gateway.routes.dead.prefixes", "/api/v1/dead");
        config.put("trellis.gateway.routes.gone.url", "http://127.0.0.1:" + Ports.free());
        config.put("trellis.gateway.routes.gone.prefixes", "/api/v1/gone");
        config.put("quarkus.management.test-port", Integer.toString(Ports.free()));
        return config;
    }

    private int echo(String service) {
        int port = Ports.free();
        AtomicLong served = new AtomicLong();
        AtomicBoolean failing = new AtomicBoolean();
        var server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().startsWith("/control/")) {
                control(req, served, failing);
                return;
            }
            served.incrementAndGet();
            if (failing.get()) {
                req.connection().close();
                return;
            }
            if (req.path().equals("/q/openapi")) {
                openApi(req, service);
                return;
            }
            if (req.path().contains("/download/")) {
                download(req, Long.parseLong(req.path().substring(req.path().lastIndexOf('/') + 1)));
                return;
            }
            CRC32 crc = new CRC32();
            long[] size = {0};
            req.handler(chunk -> {
                size[0] += chunk.length();
                crc.update(chunk.getBytes());
            });
            req.endHandler(v -> {
                if (req.path().endsWith("/slow")) {
                    return;
                }
                JsonObject headers = new JsonObject();
                req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                JsonObject echo = new JsonObject().put("service", service).put("method", req.method().name())
                        .put("uri", req.uri()).put("size", size[0]).put("crc", crc.getValue()).put("headers", headers);
                req.response().putHeader("Content-Type", "application/json").putHeader("ETag", "\"7\"")
                        .putHeader("X-Request-Id", "upstream-echo")
                        .putHeader("Connection", "keep-alive, X-Upstream-Hop").putHeader("X-Upstream-Hop", "secret")
                        .setStatusCode(req.method().name().equals("POST") ? 201 : 200).end(echo.encode());
            });
        });
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return port;
    }

    private static void control(HttpServerRequest req, AtomicLong served, AtomicBoolean failing) {
        if (req.path().endsWith("/fail")) {
            failing.set(true);
        } else if (req.path().endsWith("/recover")) {
            failing.set(false);
        }
        req.response().end(Long.toString(served.get()));
    }

    private static void openApi(HttpServerRequest req, String service) {
        JsonObject paths = new JsonObject()
                .put("/api/v1/" + service + "-things", new JsonObject().put("get", new JsonObject().put("summary", "x")))
                .put("/api/v1/programs/" + service, new JsonObject().put("get", new JsonObject().put("summary", service)))
                .put("/api/v1/documents/" + service, new JsonObject().put("get", new JsonObject().put("summary", service)));
        JsonObject doc = new JsonObject().put("openapi", "3.1.0").put("paths", paths)
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object"))
                        .put(service + "Thing", new JsonObject().put("type", "object"))))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)));
        req.response().putHeader("Content-Type", "application/json").end(doc.encode());
    }

    /** Streams {@code total} bytes in 64 KiB pieces, each written when the gateway has taken the last. */
    private static void download(HttpServerRequest req, long total) {
        var response = req.response().putHeader("Content-Length", Long.toString(total))
                .putHeader("Content-Type", "application/octet-stream");
        Buffer piece = Buffer.buffer(new byte[64 * 1024]);
        long[] sent = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (sent[0] < total && !response.writeQueueFull()) {
                int n = (int) Math.min(piece.length(), total - sent[0]);
                response.write(n == piece.length() ? piece : piece.slice(0, n));
                sent[0] += n;
            }
            if (sent[0] >= total) {
                response.end();
            } else {
                response.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}

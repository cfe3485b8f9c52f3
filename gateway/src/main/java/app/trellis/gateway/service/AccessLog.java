package app.trellis.gateway.service;

import app.trellis.gateway.config.GatewayConfig;
import app.trellis.platform.request.RequestIds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * The gateway's access log: one line per answered request with method, path without the query (a query or a
 * body may hold PHI: a name searched for, a birth date), protocol, status, bytes sent, milliseconds and the
 * request id.
 *
 * <p>Written in blocks, as nginx's {@code access_log ... buffer=} and Envoy do: through Quarkus' access log and
 * JBoss logging, formatting and writing each line on the event loop was a quarter of the gateway's CPU per
 * request (bench/gateway). Lines wait in memory at most {@code flush-every} and are written on shutdown; a
 * crash of the process loses at most that much of the access log, never a request. A block is at most
 * {@value #BLOCK} bytes of whole lines: a write that small to a pipe (a container's standard output) is never
 * interleaved with the other log lines.
 */
@Singleton
public class AccessLog {

    static final int BLOCK = 4096;
    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private final StringBuilder pending = new StringBuilder(BLOCK);
    private AccessLine format;
    private OutputStream out;
    private long flushTimer = -1;

    @PostConstruct
    void open() throws IOException {
        format = new AccessLine(config.accessLog().json());
        var file = config.accessLog().file();
        out = file.isPresent()
                ? Files.newOutputStream(file.get(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : new FileOutputStream(FileDescriptor.out);
    }

    void start(@Observes StartupEvent start) {
        if (!config.accessLog().enabled()) {
            return;
        }
        flushTimer = vertx.setPeriodic(config.accessLog().flushEvery().toMillis(), id -> flush());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (flushTimer >= 0) {
            vertx.cancelTimer(flushTimer);
        }
        flush();
    }

    /** Before everything else, so that a request refused by any later handler is logged too. */
    void register(@Observes Filters filters) {
        if (!config.accessLog().enabled()) {
            return;
        }
        filters.register(rc -> {
            long started = System.nanoTime();
            rc.addEndHandler(done -> record(rc, started));
            rc.next();
        }, 2000);
    }

    private void record(RoutingContext rc, long started) {
        HttpServerRequest request = rc.request();
        long micros = (System.nanoTime() - started) / 1000;
        long now = System.currentTimeMillis();
        synchronized (this) {
            String line = format.line(now, requestId(request), request.method().name(), request.path(),
                    protocol(request), rc.response().getStatusCode(), rc.response().bytesWritten(), micros);
            if (pending.length() + line.length() > BLOCK) {
                write();
            }
            pending.append(line);
        }
    }

    private static String requestId(HttpServerRequest request) {
        // Set (and checked to be short and plain) by the request-id filter, which runs right after this one.
        return request.getHeader(RequestIds.HEADER);
    }

    private static String protocol(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2.0";
        };
    }

    /** Writes what waits; called with the lock held, when a block is full, by the timer and on shutdown. */
    synchronized void flush() {
        if (pending.length() > 0) {
            write();
        }
    }

    private void write() {
        if (out == null) {
            pending.setLength(0);
            return;
        }
        try {
            out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            LOG.warnf("Access log lines could not be written: %s", e.getClass().getSimpleName());
        }
        pending.setLength(0);
    }
}

package app.trellis.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway routes where, and how much each kind of route may take. Configuration, not code per route. */
@ConfigMapping(prefix = "trellis.gateway")
public interface GatewayConfig {

    /** Upstream services by name, each with the path prefixes it owns. */
    Map<String, Upstream> routes();

    /** Route classes by name: deadlines, body sizes and rate limits shared by the routes of one kind. */
    Map<String, RouteClass> classes();

    /** Longest the gateway waits for a connection to an upstream; a refused or slow connect may be retried. */
    @WithDefault("2S")
    Duration connectTimeout();

    /** Further attempts to connect for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE). */
    @WithDefault("2")
    int connectRetries();

    /** Connections kept per upstream and event loop (the gateway runs two event loops per core). */
    @WithDefault("32")
    int poolSize();

    Breaker breaker();

    Tokens tokens();

    AccessLog accessLog();

    interface Upstream {
        URI url();

        List<String> prefixes();

        /** The class of its routes (see {@link #classes()}). */
        @WithDefault("standard")
        String routeClass();
    }

    interface RouteClass {
        /** The whole exchange, from the request to the last byte of the answer; then 504 (or a reset once streaming). */
        Duration deadline();

        /** Longest silence on an upstream connection while an exchange is under way. */
        @WithDefault("30S")
        Duration idleTimeout();

        /** Largest request body, declared or streamed; larger is 413. */
        long maxBodyBytes();

        /** Requests per second per OAuth client ({@code azp}), with a burst of twice that. */
        int clientRate();

        /** Requests per second per user ({@code sub}), with a burst of twice that. */
        int userRate();
    }

    interface Breaker {
        /** Consecutive failures (no connection, timeout, 502/503/504) that open an upstream's breaker. */
        @WithDefault("5")
        int failures();

        /** How long an open breaker answers 503 before it lets one trial request through. */
        @WithDefault("10S")
        Duration openFor();
    }

    interface Tokens {
        /** Longest a verified token is trusted without verifying it again (never beyond its own expiry). */
        @WithDefault("60S")
        Duration cacheFor();

        /** Verified tokens remembered at most. */
        @WithDefault("10000")
        int cacheSize();
    }

    interface AccessLog {
        /** One line per answered request: method, path without the query, protocol, status, bytes, time, request id. */
        @WithDefault("true")
        boolean enabled();

        /** Lines as JSON objects (for CloudWatch Logs Insights), else as text. */
        @WithDefault("false")
        boolean json();

        /** Where the lines go; unset: standard output, next to the other log lines. */
        Optional<Path> file();

        /** Longest a line waits in memory before it is written. */
        @WithDefault("200MS")
        Duration flushEvery();
    }
}

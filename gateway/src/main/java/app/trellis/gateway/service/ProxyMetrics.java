package app.trellis.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests through the gateway, labelled by route template (the configured prefix), upstream, method and
 * status: never the path itself, which holds client and case ids and would let random paths fill the
 * label space. Served on the management port only.
 */
@Singleton
public class ProxyMetrics {

    static final String UNMATCHED = "unmatched";

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    @Inject
    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String route, String service, String method, int status, long nanos) {
        String key = route + ' ' + method + ' ' + status;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("trellis.gateway.requests")
                    .description("Requests through the gateway by route template")
                    .tag("route", route).tag("upstream", service).tag("method", method)
                    .tag("status", Integer.toString(status)).register(registry));
        }
        timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}

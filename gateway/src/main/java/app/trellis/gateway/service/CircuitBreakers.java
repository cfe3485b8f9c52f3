package app.trellis.gateway.service;

import app.trellis.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One breaker per upstream: after a run of failures the upstream is answered for (503) without being
 * called, so a dead service costs its callers nothing and the other services keep their connections and
 * threads. After the open period one trial request goes through; its success closes the breaker.
 */
@Singleton
public class CircuitBreakers {

    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();
    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;

    @Inject
    public CircuitBreakers(GatewayConfig config) {
        this(config.breaker().failures(), config.breaker().openFor().toNanos(), System::nanoTime);
    }

    CircuitBreakers(int threshold, long openNanos, LongSupplier clock) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.clock = clock;
    }

    /** Whether a request may go to {@code service} now; a yes from a half-open breaker must be reported back. */
    public boolean allow(String service) {
        return breaker(service).allow();
    }

    public void succeeded(String service) {
        breaker(service).succeeded();
    }

    public void failed(String service) {
        breaker(service).failed();
    }

    public boolean isOpen(String service) {
        return breaker(service).isOpen();
    }

    private Breaker breaker(String service) {
        return breakers.computeIfAbsent(service, s -> new Breaker());
    }

    private final class Breaker {
        private int failures;
        private long openUntil;
        private boolean open;
        private boolean trialUnderWay;

        synchronized boolean allow() {
            if (!open) {
                return true;
            }
            if (trialUnderWay || clock.getAsLong() - openUntil < 0) {
                return false;
            }
            trialUnderWay = true;
            return true;
        }

        synchronized void succeeded() {
            failures = 0;
            open = false;
            trialUnderWay = false;
        }

        synchronized void failed() {
            failures++;
            if (trialUnderWay || failures >= threshold) {
                open = true;
                trialUnderWay = false;
                openUntil = clock.getAsLong() + openNanos;
            }
        }

        synchronized boolean isOpen() {
            return open;
        }
    }
}

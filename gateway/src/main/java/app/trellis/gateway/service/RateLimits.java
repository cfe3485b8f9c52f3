package app.trellis.gateway.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per OAuth client and per user, each per route class: a partner's batch job cannot starve
 * the case managers, nor one person everybody else. A bucket holds two seconds' worth of requests.
 * In memory per gateway instance: with N instances behind the load balancer the effective limit is up to
 * N times higher, which is accepted for a limit that protects the services rather than bills anyone.
 */
@Singleton
public class RateLimits {

    private static final int MAX_BUCKETS = 100_000;
    private static final long NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** 0 when the request may pass, otherwise the seconds after which it may be retried. */
    public long take(String key, int perSecond) {
        if (perSecond <= 0) {
            return 0;
        }
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
            // A flood of new keys (forged tokens never get here; many real users might): forget full buckets.
            forgetIdle();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond)).take(perSecond, System.nanoTime());
    }

    @Scheduled(every = "60s")
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int perSecond) {
            this.tokens = 2.0 * perSecond;
            this.updated = System.nanoTime();
        }

        synchronized long take(int perSecond, long now) {
            double capacity = 2.0 * perSecond;
            tokens = Math.min(capacity, tokens + (now - updated) * (double) perSecond / NANOS);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean isFull(long now) {
            return (now - updated) > 2 * NANOS;
        }
    }
}

package app.trellis.platform.audit;

import app.trellis.platform.config.AuditConfig;
import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes' audit intents still waiting to be chained: how many, and the age of the oldest. A write's
 * record is chained within milliseconds; an intent older than {@code trellis.audit.intent-alert-age} means
 * the appender is not keeping up or not running, which operators alert on (and the log says so).
 */
@ApplicationScoped
public class AuditMetrics {

    private static final Logger LOG = Logger.getLogger(AuditMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource db;
    @Inject
    AuditConfig config;
    @Inject
    Clock clock;

    private final AtomicLong intents = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    void register(@Observes StartupEvent startup) {
        Gauge.builder("trellis.audit.intents.pending", intents, AtomicLong::get)
                .description("Writes' audit records not yet chained").register(registry);
        Gauge.builder("trellis.audit.intents.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest write's audit record not yet chained").register(registry);
    }

    @Scheduled(every = "${trellis.audit.metrics-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        Jdbc.query(db, "audit intent backlog", "SELECT COUNT(*), MIN(occurred_at) FROM audit_intent", rs -> {
            intents.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
            oldestAgeSeconds.set(Math.max(0, age.toSeconds()));
            if (age.compareTo(config.intentAlertAge()) > 0) {
                LOG.warnf("%d audit intents wait to be chained; the oldest for %d s", rs.getLong(1), age.toSeconds());
            }
            return null;
        });
    }
}

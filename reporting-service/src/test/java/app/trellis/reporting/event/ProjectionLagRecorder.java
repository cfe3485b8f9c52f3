package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import app.trellis.platform.jdbc.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For {@link ProjectionBenchmark}, while switched on: how long each projected event took from its {@code time}
 * (set when it was sent to the queue) to the commit of the transaction that updated the projections.
 */
@ApplicationScoped
public class ProjectionLagRecorder implements EventHandler {

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    @Any
    Instance<Projection> projections;

    private final List<Long> lagMicros = new CopyOnWriteArrayList<>();
    private volatile boolean on;

    /** Through methods: callers hold a client proxy, whose fields are not the bean's. */
    public void switchOn(boolean on) {
        this.on = on;
    }

    public List<Long> lagMicros() {
        return lagMicros;
    }

    @Override
    public boolean handles(String type) {
        return on && projections.stream().anyMatch(p -> p.handles(type));
    }

    @Override
    public void handle(CloudEvent event) {
        Instant sent = event.time();
        // The consumer applies one event per transaction: once per transaction is once per event.
        AfterCommit.runOnce(transactions, this,
                () -> lagMicros.add(Duration.between(sent, Instant.now()).toNanos() / 1_000));
    }
}

package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records, for the benchmark's event type only, how long each event took from commit to being applied. */
@ApplicationScoped
public class LagRecorder implements EventHandler {

    public static final String BENCH_TYPE = "app.trellis.bench.tick.v1";

    private final List<Long> lagMicros = new CopyOnWriteArrayList<>();

    /** Through a method: callers hold a client proxy, whose fields are not the bean's. */
    public List<Long> lagMicros() {
        return lagMicros;
    }

    @Override
    public boolean handles(String type) {
        return BENCH_TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        Instant now = Instant.now();
        lagMicros.add(Duration.between(event.time(), now).toNanos() / 1_000);
    }
}

package app.trellis.reporting.service;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.problem.ProblemException;
import app.trellis.reporting.event.Projection;
import app.trellis.reporting.repository.StoredEventRepository;
import app.trellis.reporting.repository.StoredEventRepository.Stored;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Rebuilds every projection from scratch: empties their tables, then replays the stored events (reporting keeps
 * each accepted event in {@code feed_event}) in the order they were accepted, a batch per transaction. The live
 * consumer keeps running meanwhile: an event it applies during the rebuild may be replayed too, which changes
 * nothing, because applying is idempotent and independent of order (see {@link Projection}).
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    static final int BATCH = 500;
    /** A progress line after at least this many events. */
    static final int REPORT_EVERY = 5000;

    @Inject
    @Any
    Instance<Projection> projections;
    @Inject
    StoredEventRepository stored;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final AtomicBoolean running = new AtomicBoolean();

    /** Claims the rebuild for the caller; 409 while another one runs in this instance. */
    public void claim() {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("rebuild-running", "A projection rebuild is already running");
        }
    }

    /**
     * Runs a claimed rebuild, telling {@code progress} how far it got (counts and positions only: no tenant data).
     * Returns the number of events replayed.
     */
    public long run(Consumer<String> progress) {
        long position = 0;
        try {
            long started = System.nanoTime();
            List<Projection> all = new ArrayList<>();
            projections.forEach(all::add);
            for (Projection projection : all) {
                for (String table : projection.tables()) {
                    long deleted = QuarkusTransaction.requiringNew().call(() -> stored.clear(table));
                    progress.accept("emptied " + table + " (" + deleted + " rows)");
                }
            }
            long total = stored.count();
            progress.accept("replaying " + total + " stored events");
            long replayed = 0;
            long reported = 0;
            List<Stored> batch;
            while (!(batch = stored.after(position, BATCH)).isEmpty()) {
                List<Stored> events = batch;
                QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> replay(all, e)));
                position = batch.get(batch.size() - 1).position();
                replayed += batch.size();
                if (replayed - reported >= REPORT_EVERY) {
                    reported = replayed;
                    progress.accept("replayed " + replayed + " of " + total + " events (position " + position + ", "
                            + seconds(started) + " s)");
                }
            }
            progress.accept("done: " + replayed + " events replayed in " + seconds(started) + " s");
            LOG.infof("Projections rebuilt from %d stored events in %s s", replayed, seconds(started));
            return replayed;
        } catch (RuntimeException e) {
            LOG.errorf("Projection rebuild failed after position %d: %s", position, e.getClass().getSimpleName());
            throw e;
        } finally {
            running.set(false);
        }
    }

    private void replay(List<Projection> all, Stored event) {
        CloudEvent parsed;
        try {
            parsed = json.readValue(event.envelope(), CloudEvent.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored event at position " + event.position() + " is not readable");
        }
        for (Projection projection : all) {
            if (projection.handles(parsed.type())) {
                projection.handle(parsed);
            }
        }
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }
}

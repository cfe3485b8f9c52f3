package app.trellis.platform.event;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** The {@code inbox_event} table: which events this consumer has already applied. */
@ApplicationScoped
public class InboxStore {

    @Inject
    AgroalDataSource dataSource;

    /**
     * Records the event as handled, in the caller's transaction. False when it already was: a
     * concurrent duplicate waits on the first one's row lock and then sees it.
     */
    public boolean record(String consumer, String eventId, String type, Instant now) {
        return Jdbc.update(dataSource, "inbox insert", "INSERT IGNORE INTO inbox_event (consumer, event_id,"
                + " event_type, processed_at) VALUES (?, ?, ?, ?)", consumer, eventId, type, now) == 1;
    }

    public int prune(Instant cutoff, int batch) {
        return Jdbc.update(dataSource, "inbox prune", "DELETE FROM inbox_event WHERE processed_at < ? LIMIT " + batch,
                cutoff);
    }
}

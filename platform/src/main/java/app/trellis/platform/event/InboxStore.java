package app.trellis.platform.event;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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
        String sql = "INSERT IGNORE INTO inbox_event (consumer, event_id, event_type, processed_at) VALUES (?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            ps.setString(3, type);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox insert failed", e);
        }
    }

    public int prune(Instant cutoff, int batch) {
        String sql = "DELETE FROM inbox_event WHERE processed_at < ? LIMIT " + batch;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox prune failed", e);
        }
    }
}

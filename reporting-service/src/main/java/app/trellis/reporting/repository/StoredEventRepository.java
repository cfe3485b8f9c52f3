package app.trellis.reporting.repository;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/** What a projection rebuild needs: the stored events in order, and emptying a projection's table. */
@ApplicationScoped
public class StoredEventRepository {

    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,64}");
    /** Rows deleted per statement: short statements, no huge undo log for a large projection. */
    private static final int DELETE_BATCH = 5000;

    @Inject
    AgroalDataSource db;

    /** One stored event: its feed position and envelope. */
    public record Stored(long position, String envelope) {
    }

    /** Empties a projection's table in short statements (the runtime account may delete rows, not truncate). */
    public long clear(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a projection table: " + table);
        }
        long deleted = 0;
        int n;
        do {
            n = Jdbc.update(db, "projection clear", "DELETE FROM " + table + " LIMIT " + DELETE_BATCH);
            deleted += n;
        } while (n == DELETE_BATCH);
        return deleted;
    }

    public long count() {
        return Jdbc.query(db, "stored events count", "SELECT COUNT(*) FROM feed_event", rs -> rs.getLong(1)).get(0);
    }

    /** The next stored events after {@code position}, in the order they were accepted. */
    public List<Stored> after(long position, int limit) {
        return Jdbc.query(db, "stored events", "SELECT position, payload FROM feed_event WHERE position > ?"
                + " ORDER BY position LIMIT " + limit, rs -> new Stored(rs.getLong(1), rs.getString(2)), position);
    }
}

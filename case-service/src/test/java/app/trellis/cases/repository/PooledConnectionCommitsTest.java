package app.trellis.cases.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What the main pool promises its users, checked against MariaDB with the rows read back over a connection of
 * its own (outside the pool), as another instance of the service would see them: work outside a transaction
 * is committed at once (also work run after a commit), a transaction is all or nothing, and a read outside a
 * transaction costs nothing but its own statements.
 * <p>
 * That last one is why the pool's connections stay in autocommit while idle, and a JTA transaction pays two
 * round trips to switch it off and on again: keeping them in manual commit instead (tried, 2026-12-03) saved
 * those two per transaction (8.7 to 6.6 statements per assessment submit) but turned every read outside a
 * transaction, nearly all of the services' reads, from one statement into three; submits/s did not move
 * beyond this box's noise.
 */
@QuarkusTest
class PooledConnectionCommitsTest {

    private static final String PROBE = "pooled-connection-probe";

    @Inject
    AgroalDataSource db;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Test
    void aReadOutsideATransactionSendsNothingButItsStatements() throws SQLException {
        long[] first = connectionIdAndSetStatements();
        for (int i = 0; i < 20; i++) {
            long[] next = connectionIdAndSetStatements();
            if (next[0] == first[0]) {
                assertEquals(first[1], next[1], "SET statements sent on the connection between two reads");
                return;
            }
            first = next;
        }
        throw new AssertionError("the pool never handed this thread the same connection twice in a row");
    }

    @Test
    void workOutsideATransactionIsCommittedAtOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        // Taken and returned first inside a transaction, so the connection is in manual commit when this takes it.
        QuarkusTransaction.requiringNew().run(() -> Jdbc.query(db, "warm", "SELECT 1", rs -> rs.getInt(1)));

        Jdbc.update(db, "probe", "INSERT INTO inbox_event (consumer, event_id, event_type, processed_at)"
                + " VALUES (?, ?, 'probe', ?)", PROBE, id, Instant.now());

        assertEquals(1, rowsSeenFromOutside(id));
    }

    @Test
    void workAfterACommitIsCommittedToo() throws Exception {
        String id = UUID.randomUUID().toString();
        AtomicReference<Exception> failure = new AtomicReference<>();
        QuarkusTransaction.requiringNew().run(() -> registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    if (status == Status.STATUS_COMMITTED) {
                        Jdbc.update(db, "probe", "INSERT INTO inbox_event (consumer, event_id, event_type,"
                                + " processed_at) VALUES (?, ?, 'probe', ?)", PROBE, id, Instant.now());
                    }
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }
        }));
        assertEquals(null, failure.get());
        assertEquals(1, rowsSeenFromOutside(id));
    }

    @Test
    void aTransactionAfterAutocommitWorkIsStillAllOrNothing() throws Exception {
        String outside = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        Jdbc.update(db, "probe", "INSERT INTO inbox_event (consumer, event_id, event_type, processed_at)"
                + " VALUES (?, ?, 'probe', ?)", PROBE, outside, Instant.now());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            insert(rolledBack);
            assertEquals(0, rowsSeenFromOutside(rolledBack), "uncommitted work is invisible to others");
            throw new IllegalStateException("abandon");
        }));
        QuarkusTransaction.requiringNew().run(() -> insert(committed));

        assertEquals(0, rowsSeenFromOutside(rolledBack));
        assertEquals(1, rowsSeenFromOutside(committed));
    }

    private void insert(String id) {
        Jdbc.update(db, "probe", "INSERT INTO inbox_event (consumer, event_id, event_type, processed_at)"
                + " VALUES (?, ?, 'probe', ?)", PROBE, id, Instant.now());
    }

    /** One use of a pooled connection outside a transaction: its id and the SET statements counted on it so far. */
    private long[] connectionIdAndSetStatements() throws SQLException {
        try (Connection c = db.getConnection()) {
            long id = Jdbc.query(c, "connection id", "SELECT CONNECTION_ID()", rs -> rs.getLong(1)).get(0);
            long sets = Jdbc.query(c, "session status", "SHOW SESSION STATUS LIKE 'Com_set_option'",
                    rs -> rs.getLong(2)).get(0);
            return new long[] {id, sets};
        }
    }

    private static int rowsSeenFromOutside(String id) {
        try (Connection c = outsideConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM inbox_event WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, PROBE);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection outsideConnection() throws SQLException {
        Config config = config();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}

package app.trellis.reporting.repository;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the feed rows a transaction wrote, per tenant, in commit order: at the very end of the transaction
 * (before its commit) it takes the tenant's {@code feed_sequence} row lock, which it holds until the commit.
 * A transaction that commits later waits for that lock and so gets a higher number, and one that started
 * earlier but commits later gets the higher number too: a subscriber resuming after its bookmark can never
 * miss a row that committed behind it. The lock is held for two statements and the commit, never while the
 * handlers work. Tenants are numbered in name order so two transactions cannot deadlock on each other's locks.
 */
@ApplicationScoped
public class FeedSequencer {

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    AgroalDataSource db;

    /** Tenants whose sequence row this instance knows to exist. */
    private final Set<String> knownTenants = ConcurrentHashMap.newKeySet();

    /** Registers a feed row the current transaction inserted without a number; it is numbered before commit. */
    public void numberAtCommit(String tenant, String eventId) {
        if (!knownTenants.contains(tenant)) {
            // In a transaction of its own, committed before numbering needs it: first events of a new tenant, all
            // inserting the row inside their own transactions, would deadlock on the insert's locks; updates queue.
            QuarkusTransaction.requiringNew().run(() -> Jdbc.update(db, "feed sequence init",
                    "INSERT IGNORE INTO feed_sequence (tenant_id, last_sequence) VALUES (?, 0)", tenant));
            knownTenants.add(tenant);
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> pending = (Map<String, List<String>>) transactions.getResource(this);
        if (pending == null) {
            Map<String, List<String>> rows = new TreeMap<>();
            transactions.putResource(this, rows);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    rows.forEach(FeedSequencer.this::number);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = rows;
        }
        pending.computeIfAbsent(tenant, t -> new ArrayList<>()).add(eventId);
    }

    private void number(String tenant, List<String> eventIds) {
        if (Jdbc.update(db, "feed sequence", "UPDATE feed_sequence SET last_sequence = last_sequence + ?"
                + " WHERE tenant_id = ?", eventIds.size(), tenant) == 0) {
            // The row this instance made is gone (an operator's hand): make it again after the highest number.
            Jdbc.update(db, "feed sequence", "INSERT INTO feed_sequence (tenant_id, last_sequence) SELECT ?,"
                    + " COALESCE(MAX(sequence), 0) + ? FROM feed_event WHERE tenant_id = ?"
                    + " ON DUPLICATE KEY UPDATE last_sequence = last_sequence + ?", tenant, eventIds.size(), tenant,
                    eventIds.size());
        }
        long next = Jdbc.query(db, "feed sequence", "SELECT last_sequence FROM feed_sequence WHERE tenant_id = ?",
                rs -> rs.getLong(1), tenant).get(0) - eventIds.size();
        for (String eventId : eventIds) {
            Jdbc.update(db, "feed number", "UPDATE feed_event SET sequence = ? WHERE event_id = ? AND sequence IS NULL",
                    ++next, eventId);
        }
    }
}

package app.trellis.platform.idempotency;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code idempotency_record} table of the service's own schema, through the service's data source,
 * so that the key and the effect it guards commit (or roll back) in one transaction.
 */
@ApplicationScoped
public class IdempotencyStore {

    @Inject
    AgroalDataSource dataSource;

    /** A stored first response. */
    public record Stored(String requestHash, int status, String location, String etag, String body) {
    }

    /** The first response stored under the key, if its request committed. A plain read: no lock taken. */
    public Optional<Stored> find(String tenant, String principal, String key) {
        return Jdbc.query(dataSource, "idempotency read", "SELECT request_hash, status_code, location, etag,"
                        + " response_body FROM idempotency_record WHERE tenant_id = ? AND principal = ? AND idem_key = ?",
                rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                tenant, principal, key).stream().findFirst();
    }

    /**
     * Stores the first response, in the transaction of the create it answers: one insert. A concurrent request
     * with the same key waits on this row's key until that transaction ends, then fails with a duplicate key.
     */
    public void insert(String tenant, String principal, String key, String requestHash, int status, String location,
                       String etag, String body, Instant now) {
        Jdbc.update(dataSource, "idempotency record", "INSERT INTO idempotency_record (tenant_id, principal, idem_key,"
                        + " request_hash, status_code, location, etag, response_body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, principal, key, requestHash, status, location, etag, body, now);
    }

    /** Deletes at most {@code batch} expired keys; returns how many went. */
    public int pruneOlderThan(Instant cutoff, int batch) {
        return Jdbc.update(dataSource, "idempotency prune",
                "DELETE FROM idempotency_record WHERE created_at < ? ORDER BY created_at LIMIT " + batch, cutoff);
    }
}

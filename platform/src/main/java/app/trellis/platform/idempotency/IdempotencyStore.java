package app.trellis.platform.idempotency;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLIntegrityConstraintViolationException;
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

    /** A stored first response; {@code status} is 0 while the first request is still running. */
    public record Stored(String requestHash, int status, String location, String etag, String body) {
    }

    /** Claims the key; false when someone already holds it (then {@link #lockAndRead} tells what they did). */
    public boolean claim(String tenant, String principal, String key, String requestHash, Instant now) {
        try {
            Jdbc.update(dataSource, "idempotency claim", "INSERT INTO idempotency_record (tenant_id, principal,"
                    + " idem_key, request_hash, status_code, created_at) VALUES (?, ?, ?, ?, 0, ?)",
                    tenant, principal, key, requestHash, now);
            return true;
        } catch (Jdbc.DataAccessFailure e) {
            if (e.sqlCause() instanceof SQLIntegrityConstraintViolationException) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A locking read sees the latest committed row even inside a repeatable-read snapshot, and waits
     * for a concurrent first request to finish.
     */
    public Optional<Stored> lockAndRead(String tenant, String principal, String key) {
        return Jdbc.query(dataSource, "idempotency read", "SELECT request_hash, status_code, location, etag,"
                        + " response_body FROM idempotency_record WHERE tenant_id = ? AND principal = ? AND idem_key = ?"
                        + " LOCK IN SHARE MODE",
                rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                tenant, principal, key).stream().findFirst();
    }

    public void complete(String tenant, String principal, String key, int status, String location, String etag,
                         String body) {
        Jdbc.update(dataSource, "idempotency completion", "UPDATE idempotency_record SET status_code = ?,"
                + " location = ?, etag = ?, response_body = ? WHERE tenant_id = ? AND principal = ? AND idem_key = ?",
                status, location, etag, body, tenant, principal, key);
    }

    /** Deletes at most {@code batch} expired keys; returns how many went. */
    public int pruneOlderThan(Instant cutoff, int batch) {
        return Jdbc.update(dataSource, "idempotency prune",
                "DELETE FROM idempotency_record WHERE created_at < ? ORDER BY created_at LIMIT " + batch, cutoff);
    }
}

package app.trellis.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
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
        String sql = "INSERT INTO idempotency_record (tenant_id, principal, idem_key, request_hash, status_code, created_at)"
                + " VALUES (?, ?, ?, ?, 0, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, principal);
            ps.setString(3, key);
            ps.setString(4, requestHash);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency claim failed", e);
        }
    }

    /**
     * A locking read sees the latest committed row even inside a repeatable-read snapshot, and waits
     * for a concurrent first request to finish.
     */
    public Optional<Stored> lockAndRead(String tenant, String principal, String key) {
        String sql = "SELECT request_hash, status_code, location, etag, response_body FROM idempotency_record"
                + " WHERE tenant_id = ? AND principal = ? AND idem_key = ? LOCK IN SHARE MODE";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, principal);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency read failed", e);
        }
    }

    public void complete(String tenant, String principal, String key, int status, String location, String etag,
                         String body) {
        String sql = "UPDATE idempotency_record SET status_code = ?, location = ?, etag = ?, response_body = ?"
                + " WHERE tenant_id = ? AND principal = ? AND idem_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, status);
            ps.setString(2, location);
            ps.setString(3, etag);
            ps.setString(4, body);
            ps.setString(5, tenant);
            ps.setString(6, principal);
            ps.setString(7, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency completion failed", e);
        }
    }

    /** Deletes at most {@code batch} expired keys; returns how many went. */
    public int pruneOlderThan(Instant cutoff, int batch) {
        String sql = "DELETE FROM idempotency_record WHERE created_at < ? ORDER BY created_at LIMIT " + batch;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency prune failed", e);
        }
    }
}

package app.trellis.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every record a tenant owns has: a random UUID (never a sequence, so ids reveal no volumes and
 * the importer can assign them ahead), the tenant, an optimistic-lock version (the ETag) and the time it
 * was created.
 */
@MappedSuperclass
public abstract class TenantRecord {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Called once by a factory method of the subclass. */
    protected void begin(String tenantId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.createdAt = now;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
}

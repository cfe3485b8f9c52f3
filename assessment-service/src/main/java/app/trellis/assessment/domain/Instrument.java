package app.trellis.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An assessment instrument (PHQ-9, a tenant's intake form, ...). {@code tenantId} null = shared library. */
@Entity
@Table(name = "instrument")
public class Instrument {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String title;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Instrument() {
    }

    /** A tenant's own instrument, named after its first definition. */
    public static Instrument authored(String tenantId, String code, String title, Instant now) {
        Instrument i = new Instrument();
        i.id = UUID.randomUUID();
        i.tenantId = java.util.Objects.requireNonNull(tenantId);
        i.code = code;
        i.title = title;
        i.createdAt = now;
        return i;
    }

    /** The tenant that owns it; null for the shared library. */
    public String tenantId() {
        return tenantId;
    }

    /** Whether this tenant may change it: only its own instruments, never the shared library. */
    public boolean ownedBy(String tenant) {
        return tenantId != null && tenantId.equals(tenant);
    }

    /** A new version may retitle the instrument; the code stays. */
    public void retitle(String newTitle) {
        title = newTitle;
    }

    public UUID id() {
        return id;
    }

    public boolean shared() {
        return tenantId == null;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

package app.trellis.document.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document filed on a client (and optionally one of the client's cases): its category, sealed title, how many
 * versions it has, and where it is in its life (active, deleted, purged; legal hold; retention). The bytes of
 * each version are an S3 object, see {@link DocumentVersion}.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "client_id", length = 36, nullable = false, updatable = false)
    private UUID clientId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, updatable = false)
    private UUID caseId;
    @Column(nullable = false, updatable = false)
    private String category;
    @Column(name = "title_sealed", nullable = false)
    private String titleSealed;
    @Column(name = "current_version", nullable = false)
    private int currentVersion;
    @Column(nullable = false)
    private String status;
    @Column(name = "legal_hold", nullable = false)
    private boolean legalHold;
    @Column(name = "retain_until")
    private Instant retainUntil;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Column(name = "deleted_by")
    private String deletedBy;
    @Column(name = "purged_at")
    private Instant purgedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_by_name", updatable = false)
    private String createdByName;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    protected Document() {
    }

    public static Document file(UUID id, String tenantId, UUID clientId, UUID caseId, DocumentCategory category,
                                String titleSealed, Person by, Instant at) {
        Document d = new Document();
        d.id = id;
        d.tenantId = tenantId;
        d.clientId = clientId;
        d.caseId = caseId;
        d.category = category.wire();
        d.titleSealed = titleSealed;
        d.currentVersion = 1;
        d.status = DocumentStatus.ACTIVE.wire();
        d.createdAt = at;
        d.createdBy = by.subject();
        d.createdByName = by.name();
        d.updatedAt = at;
        return d;
    }

    /** The number the next version gets; the caller holds this row's lock. */
    public int addVersion(Instant at) {
        currentVersion++;
        updatedAt = at;
        return currentVersion;
    }

    public void delete(String by, Instant at) {
        status = DocumentStatus.DELETED.wire();
        deletedBy = by;
        deletedAt = at;
        updatedAt = at;
    }

    public void hold(boolean on, Instant at) {
        legalHold = on;
        updatedAt = at;
    }

    public void purged(Instant at) {
        status = DocumentStatus.PURGED.wire();
        purgedAt = at;
        updatedAt = at;
    }

    /** The encryption context of this document's sealed fields: a sealed title cannot be moved to another row. */
    public String sealContext() {
        return sealContext(tenantId, id);
    }

    public static String sealContext(String tenantId, UUID id) {
        return "document.title|" + tenantId + "|" + id;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public UUID caseId() { return caseId; }
    public DocumentCategory category() { return DocumentCategory.fromWire(category).orElseThrow(); }
    public String titleSealed() { return titleSealed; }
    public int currentVersion() { return currentVersion; }
    public DocumentStatus status() { return DocumentStatus.fromWire(status); }
    public boolean legalHold() { return legalHold; }
    public Instant retainUntil() { return retainUntil; }
    public Instant deletedAt() { return deletedAt; }
    public Instant createdAt() { return createdAt; }
    public Person createdBy() { return new Person(createdBy, createdByName); }
    public Instant updatedAt() { return updatedAt; }
    public int rowVersion() { return rowVersion; }
}

package app.trellis.document.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A presigned upload straight to S3: what the caller promised (type, size, SHA-256) and the staging key the
 * bytes go to. Completing it checks the bytes against the promise before any document exists; either way the
 * staging object is gone afterwards.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession {

    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

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
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "document_id", length = 36, updatable = false)
    private UUID documentId;
    @Column(nullable = false, updatable = false)
    private String category;
    @Column(name = "title_sealed", updatable = false)
    private String titleSealed;
    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(name = "staging_key", nullable = false, updatable = false)
    private String stagingKey;
    @Column(nullable = false)
    private String status;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_by_name", updatable = false)
    private String createdByName;

    protected UploadSession() {
    }

    /** What a presigned upload promises; {@code documentId} set when it adds a version to that document. */
    public record Promise(UUID clientId, UUID caseId, UUID documentId, DocumentCategory category, String contentType,
                          long sizeBytes, String sha256) {
    }

    public static UploadSession open(UUID id, String tenantId, Promise promise, String titleSealed, Person by,
                                     Instant at, Instant expiresAt) {
        UploadSession s = new UploadSession();
        s.id = id;
        s.tenantId = tenantId;
        s.clientId = promise.clientId();
        s.caseId = promise.caseId();
        s.documentId = promise.documentId();
        s.category = promise.category().wire();
        s.titleSealed = titleSealed;
        s.contentType = promise.contentType();
        s.sizeBytes = promise.sizeBytes();
        s.sha256 = promise.sha256();
        s.stagingKey = ObjectKeys.staging(tenantId, id);
        s.status = OPEN;
        s.expiresAt = expiresAt;
        s.createdAt = at;
        s.createdBy = by.subject();
        s.createdByName = by.name();
        return s;
    }

    public void finish(boolean completed) {
        status = completed ? COMPLETED : FAILED;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public UUID caseId() { return caseId; }
    public UUID documentId() { return documentId; }
    public DocumentCategory category() { return DocumentCategory.fromWire(category).orElseThrow(); }
    public String titleSealed() { return titleSealed; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public String stagingKey() { return stagingKey; }
    public String status() { return status; }
    public Instant expiresAt() { return expiresAt; }
    public Person createdBy() { return new Person(createdBy, createdByName); }
}

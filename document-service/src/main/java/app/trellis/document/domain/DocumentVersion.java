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

/** One stored version of a document: its S3 object, what the bytes are (detected type, size, SHA-256), its scan. */
@Entity
@Table(name = "document_version")
public class DocumentVersion {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "document_id", length = 36, nullable = false, updatable = false)
    private UUID documentId;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;
    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;
    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(name = "file_name_sealed", updatable = false)
    private String fileNameSealed;
    @Column(name = "scan_state", nullable = false)
    private String scanState;
    @Column(name = "scan_signature")
    private String scanSignature;
    @Column(name = "scanned_at")
    private Instant scannedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_by_name", updatable = false)
    private String createdByName;

    protected DocumentVersion() {
    }

    public static DocumentVersion stored(Document document, UUID id, int versionNo, StoredContent content, Person by,
                                         Instant at) {
        DocumentVersion v = new DocumentVersion();
        v.id = id;
        v.documentId = document.id();
        v.tenantId = document.tenantId();
        v.versionNo = versionNo;
        v.objectKey = content.objectKey();
        v.contentType = content.contentType();
        v.sizeBytes = content.sizeBytes();
        v.sha256 = content.sha256();
        v.fileNameSealed = content.fileNameSealed();
        v.scanState = ScanState.PENDING_SCAN.wire();
        v.createdAt = at;
        v.createdBy = by.subject();
        v.createdByName = by.name();
        return v;
    }

    public UUID id() { return id; }
    public UUID documentId() { return documentId; }
    public String tenantId() { return tenantId; }
    public int versionNo() { return versionNo; }
    public String objectKey() { return objectKey; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public ScanState scanState() { return ScanState.fromWire(scanState); }
    public Instant scannedAt() { return scannedAt; }
    public Instant createdAt() { return createdAt; }
    public Person createdBy() { return new Person(createdBy, createdByName); }
}

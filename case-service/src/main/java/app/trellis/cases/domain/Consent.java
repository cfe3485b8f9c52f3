package app.trellis.cases.domain;

import app.trellis.platform.access.SharingConsent;
import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A client's consent. Granted consents are revoked, never edited or deleted, so the record shows what
 * was allowed on any past day. Data sharing always names the partner it allows.
 */
@Entity
@Table(name = "consent")
public class Consent extends TenantRecord {

    public static final String DATA_SHARING = SharingConsent.DATA_SHARING;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "client_id", length = 36, nullable = false, updatable = false)
    private UUID clientId;
    @Column(name = "consent_type", nullable = false, updatable = false)
    private String type;
    @Column(updatable = false)
    private String partner;
    @Column(nullable = false)
    private String status;
    @Column(name = "effective_date", nullable = false, updatable = false)
    private LocalDate effectiveDate;
    @Column(name = "expiry_date", updatable = false)
    private LocalDate expiryDate;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "document_id", length = 36, updatable = false)
    private UUID documentId;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;
    @Column(name = "recorded_by_name", updatable = false)
    private String recordedByName;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoke_reason")
    private String revokeReason;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Consent() {
    }

    public static Consent grant(String tenantId, UUID clientId, String type, String partner, LocalDate effective,
                                LocalDate expiry, UUID documentId, Person recordedBy, Instant now) {
        if (DATA_SHARING.equals(type) && (partner == null || partner.isBlank())) {
            throw new CaseRuleViolation("data-sharing-needs-partner", "Consent to share data must name the partner");
        }
        if (expiry != null && expiry.isBefore(effective)) {
            throw new CaseRuleViolation("expiry-before-effective", "A consent cannot expire before it takes effect");
        }
        Consent consent = new Consent();
        consent.begin(tenantId, now);
        consent.clientId = clientId;
        consent.type = type;
        consent.partner = partner;
        consent.status = "granted";
        consent.effectiveDate = effective;
        consent.expiryDate = expiry;
        consent.documentId = documentId;
        consent.recordedBy = recordedBy.subject();
        consent.recordedByName = recordedBy.name();
        consent.updatedAt = now;
        return consent;
    }

    public void revoke(String reason, Instant now) {
        if (!"granted".equals(status)) {
            throw new CaseRuleViolation("consent-already-revoked", "The consent is already revoked");
        }
        status = "revoked";
        revokeReason = reason;
        revokedAt = now;
        updatedAt = now;
    }

    /** The consent as the access rule reads it. */
    public SharingConsent sharing() {
        return new SharingConsent(type, partner, SharingConsent.GRANTED.equals(status), effectiveDate, expiryDate);
    }

    /** In force on {@code day}: granted, effective, not expired. */
    public boolean inForceOn(LocalDate day) {
        return sharing().inForceOn(day);
    }

    public UUID clientId() { return clientId; }
    public String type() { return type; }
    public String partner() { return partner; }
    public String status() { return status; }
    public LocalDate effectiveDate() { return effectiveDate; }
    public LocalDate expiryDate() { return expiryDate; }
    public UUID documentId() { return documentId; }
    public Person recordedBy() { return new Person(recordedBy, recordedByName); }
    public Instant revokedAt() { return revokedAt; }
    public String revokeReason() { return revokeReason; }
}

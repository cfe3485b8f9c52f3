package app.trellis.cases.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A break-glass grant: one user, one case, a stated reason, a short life, and a supervisor's review. */
@Entity
@Table(name = "emergency_access")
@AttributeOverride(name = "createdAt", column = @Column(name = "granted_at", nullable = false, updatable = false))
public class EmergencyAccess extends TenantRecord {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "client_id", length = 36, nullable = false, updatable = false)
    private UUID clientId;
    @Column(nullable = false, updatable = false)
    private String grantee;
    @Column(name = "grantee_name", updatable = false)
    private String granteeName;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_by_name")
    private String reviewedByName;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_note")
    private String reviewNote;

    protected EmergencyAccess() {
    }

    public static EmergencyAccess grant(CaseFile onCase, Person grantee, String reason, Duration lifetime, Instant now) {
        EmergencyAccess access = new EmergencyAccess();
        access.begin(onCase.tenantId(), now);
        access.caseId = onCase.id();
        access.clientId = onCase.clientId();
        access.grantee = grantee.subject();
        access.granteeName = grantee.name();
        access.reason = reason;
        access.expiresAt = now.plus(lifetime);
        return access;
    }

    /** A supervisor reviews someone else's use of break-glass, once. */
    public void review(Person reviewer, String note, Instant now) {
        if (reviewer.subject().equals(grantee)) {
            throw new CaseRuleViolation("no-self-review", "Break-glass access is reviewed by someone else");
        }
        if (reviewedAt != null) {
            throw new CaseRuleViolation("already-reviewed", "This break-glass access was already reviewed");
        }
        reviewedBy = reviewer.subject();
        reviewedByName = reviewer.name();
        reviewNote = note;
        reviewedAt = now;
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public UUID caseId() { return caseId; }
    public UUID clientId() { return clientId; }
    public Person grantee() { return new Person(grantee, granteeName); }
    public String reason() { return reason; }
    /** When access was granted: the record's creation time, stored as {@code granted_at}. */
    public Instant grantedAt() { return createdAt(); }
    public Instant expiresAt() { return expiresAt; }
    public Person reviewedBy() { return reviewedBy == null ? null : new Person(reviewedBy, reviewedByName); }
    public Instant reviewedAt() { return reviewedAt; }
    public String reviewNote() { return reviewNote; }
}

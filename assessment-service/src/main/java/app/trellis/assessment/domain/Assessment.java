package app.trellis.assessment.domain;

import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One assessment of a client within a case, pinned to the instrument version it was started on: answered as
 * a draft, submitted once (then scored and never changed again), corrected only by an amendment, a new
 * revision that names the one it amends. Answers are held as ciphertext: the service encrypts them.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

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
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "instrument_id", length = 36, nullable = false, updatable = false)
    private UUID instrumentId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "instrument_version_id", length = 36, nullable = false, updatable = false)
    private UUID instrumentVersionId;
    @Column(name = "instrument_canonical", nullable = false, updatable = false)
    private String instrumentCanonical;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentStatus status;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "revision_of", length = 36, updatable = false)
    private UUID revisionOf;
    @Column(nullable = false, updatable = false)
    private int revision;
    @Column(name = "answers")
    private String sealedAnswers;
    @Convert(converter = ScoreConverter.class)
    private Score score;
    @Column(name = "engine_version")
    private String engineVersion;
    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;
    @Column(name = "started_by_name", updatable = false)
    private String startedByName;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_by_name")
    private String submittedByName;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Assessment() {
    }

    /** A new draft (revision 1) on a version that accepts new assessments (checked by the caller). */
    public static Assessment start(String tenantId, UUID clientId, UUID caseId, InstrumentVersion pinned,
                                   Person startedBy, Instant now) {
        return begin(tenantId, clientId, caseId, pinned.instrumentId(), pinned.id(), pinned.canonical(), null, 1,
                startedBy, now);
    }

    /**
     * The next revision of this submitted assessment, as a draft on the same instrument version (a correction
     * is answered against the questions that were asked). The caller copies the answers across.
     */
    public Assessment amend(Person by, Instant now) {
        if (status != AssessmentStatus.SUBMITTED) {
            throw ProblemException.conflict("assessment-not-submitted",
                    "Only a submitted assessment is amended; a draft is changed by saving its answers");
        }
        return begin(tenantId, clientId, caseId, instrumentId, instrumentVersionId, instrumentCanonical, id, revision + 1,
                by, now);
    }

    private static Assessment begin(String tenantId, UUID clientId, UUID caseId, UUID instrumentId, UUID versionId,
                                    String canonical, UUID revisionOf, int revision, Person by, Instant now) {
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.tenantId = Objects.requireNonNull(tenantId);
        a.clientId = clientId;
        a.caseId = caseId;
        a.instrumentId = instrumentId;
        a.instrumentVersionId = versionId;
        a.instrumentCanonical = canonical;
        a.status = AssessmentStatus.DRAFT;
        a.revisionOf = revisionOf;
        a.revision = revision;
        a.startedBy = by.subject();
        a.startedByName = by.name();
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Saves (possibly incomplete) answers of a draft; 409 once submitted. */
    public void saveAnswers(String sealed, Instant now) {
        requireDraft();
        sealedAnswers = sealed;
        updatedAt = now;
    }

    /** Records the complete answers and their score; from then on the assessment never changes. */
    public void submit(String sealed, Score computed, String engine, Person by, Instant now) {
        requireDraft();
        sealedAnswers = sealed;
        score = Objects.requireNonNull(computed);
        engineVersion = Objects.requireNonNull(engine);
        submittedBy = by.subject();
        submittedByName = by.name();
        submittedAt = now;
        status = AssessmentStatus.SUBMITTED;
        updatedAt = now;
    }

    private void requireDraft() {
        if (status != AssessmentStatus.DRAFT) {
            throw ProblemException.conflict("assessment-submitted",
                    "A submitted assessment never changes; amend it to correct it");
        }
    }

    /** Field-encryption context of the answers: bound to tenant and assessment, so ciphertext cannot move. */
    public String answersContext() {
        return "assessment.answers|" + tenantId + "|" + id;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public UUID caseId() { return caseId; }
    public UUID instrumentId() { return instrumentId; }
    public UUID instrumentVersionId() { return instrumentVersionId; }
    public String instrumentCanonical() { return instrumentCanonical; }
    public AssessmentStatus status() { return status; }
    public UUID revisionOf() { return revisionOf; }
    public int revision() { return revision; }
    public String sealedAnswers() { return sealedAnswers; }
    public Score score() { return score; }
    public String engineVersion() { return engineVersion; }
    public Person startedBy() { return new Person(startedBy, startedByName); }
    public Person submittedBy() { return submittedBy == null ? null : new Person(submittedBy, submittedByName); }
    public Instant submittedAt() { return submittedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}

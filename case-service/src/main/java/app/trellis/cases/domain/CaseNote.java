package app.trellis.cases.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A case note. Its text never changes once written: corrections are addenda (new notes linked to the
 * original), and a note written on the wrong case is marked "entered in error" by its author, with a
 * reason, and stays in the record.
 */
@Entity
@Table(name = "case_note")
public class CaseNote extends TenantRecord {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "client_id", length = 36, nullable = false, updatable = false)
    private UUID clientId;
    @Column(nullable = false, updatable = false)
    private String author;
    @Column(name = "author_name", updatable = false)
    private String authorName;
    @Column(name = "note_type", nullable = false, updatable = false)
    private String type;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(nullable = false, updatable = false)
    private String text;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "addendum_of", length = 36, updatable = false)
    private UUID addendumOf;
    @Column(name = "entered_in_error", nullable = false)
    private boolean enteredInError;
    @Column(name = "error_reason")
    private String errorReason;
    @Column(name = "error_marked_at")
    private Instant errorMarkedAt;

    protected CaseNote() {
    }

    public static CaseNote write(CaseFile onCase, Person author, String type, Instant occurredAt, String text, Instant now) {
        if (occurredAt.isAfter(now)) {
            throw new CaseRuleViolation("note-in-the-future", "A note cannot record something that has not happened yet");
        }
        CaseNote note = new CaseNote();
        note.begin(onCase.tenantId(), now);
        note.caseId = onCase.id();
        note.clientId = onCase.clientId();
        note.author = author.subject();
        note.authorName = author.name();
        note.type = type;
        note.occurredAt = occurredAt;
        note.text = text;
        return note;
    }

    /** An addendum always links to the original note, even when written against another addendum. */
    public CaseNote addendum(Person author, String text, Instant now) {
        CaseNote addendum = new CaseNote();
        addendum.begin(tenantId(), now);
        addendum.caseId = caseId;
        addendum.clientId = clientId;
        addendum.author = author.subject();
        addendum.authorName = author.name();
        addendum.type = "addendum";
        addendum.occurredAt = now;
        addendum.text = text;
        addendum.addendumOf = addendumOf != null ? addendumOf : id();
        return addendum;
    }

    public void markEnteredInError(Person by, String reason, Instant now) {
        if (!author.equals(by.subject())) {
            throw new CaseRuleViolation("only-author-marks-error", "Only the note's author may mark it entered in error");
        }
        if (enteredInError) {
            throw new CaseRuleViolation("already-entered-in-error", "The note is already marked entered in error");
        }
        enteredInError = true;
        errorReason = reason;
        errorMarkedAt = now;
    }

    public UUID caseId() { return caseId; }
    public UUID clientId() { return clientId; }
    public Person author() { return new Person(author, authorName); }
    public String type() { return type; }
    public Instant occurredAt() { return occurredAt; }
    public String text() { return text; }
    public UUID addendumOf() { return addendumOf; }
    public boolean enteredInError() { return enteredInError; }
    public String errorReason() { return errorReason; }
    public Instant errorMarkedAt() { return errorMarkedAt; }
}

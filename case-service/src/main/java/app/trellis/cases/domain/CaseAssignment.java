package app.trellis.cases.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One period of a case held by one case manager; the history is never rewritten. */
@Entity
@Table(name = "case_assignment")
public class CaseAssignment {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @Column(nullable = false, updatable = false)
    private String assignee;
    @Column(name = "assignee_name", updatable = false)
    private String assigneeName;
    @Column(updatable = false)
    private String team;
    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;
    @Column(name = "assigned_by_name", updatable = false)
    private String assignedByName;
    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected CaseAssignment() {
    }

    public static CaseAssignment begin(UUID caseId, Person assignee, String team, Person assignedBy, Instant now) {
        CaseAssignment a = new CaseAssignment();
        a.id = UUID.randomUUID();
        a.caseId = caseId;
        a.assignee = assignee.subject();
        a.assigneeName = assignee.name();
        a.team = team;
        a.assignedBy = assignedBy.subject();
        a.assignedByName = assignedBy.name();
        a.assignedAt = now;
        return a;
    }

    public void end(Instant now) {
        endedAt = now;
    }

    public Person assignee() { return new Person(assignee, assigneeName); }
    public String team() { return team; }
    public Person assignedBy() { return new Person(assignedBy, assignedByName); }
    public Instant assignedAt() { return assignedAt; }
    public Instant endedAt() { return endedAt; }
}

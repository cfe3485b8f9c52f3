package app.trellis.cases.domain;

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
    @Column(updatable = false)
    private String team;
    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;
    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected CaseAssignment() {
    }

    public static CaseAssignment begin(UUID caseId, String assignee, String team, String assignedBy, Instant now) {
        CaseAssignment a = new CaseAssignment();
        a.id = UUID.randomUUID();
        a.caseId = caseId;
        a.assignee = assignee;
        a.team = team;
        a.assignedBy = assignedBy;
        a.assignedAt = now;
        return a;
    }

    public void end(Instant now) {
        endedAt = now;
    }

    public String assignee() { return assignee; }
    public String team() { return team; }
    public String assignedBy() { return assignedBy; }
    public Instant assignedAt() { return assignedAt; }
    public Instant endedAt() { return endedAt; }
}

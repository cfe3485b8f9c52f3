package app.trellis.cases.domain;

import app.trellis.platform.access.Responsibility;
import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A case: one client served in one program by an assigned case manager. Guards its own lifecycle. */
@Entity
@Table(name = "case_file")
public class CaseFile extends TenantRecord {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "client_id", length = 36, nullable = false, updatable = false)
    private UUID clientId;
    @Column(name = "program_code", nullable = false, updatable = false)
    private String programCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;
    @Column(name = "closure_reason")
    private String closureReason;
    @Column(nullable = false)
    private String assignee;
    @Column(name = "assignee_name")
    private String assigneeName;
    private String team;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CaseFile() {
    }

    /** A new case starts referred, or open when intake is already done. */
    public static CaseFile start(String tenantId, UUID clientId, String programCode, boolean open, Person assignee,
                                 String team, Instant now) {
        CaseFile c = new CaseFile();
        c.begin(tenantId, now);
        c.clientId = clientId;
        c.programCode = programCode;
        c.status = open ? CaseStatus.OPEN : CaseStatus.REFERRED;
        c.openedAt = open ? now : null;
        c.assignee = assignee.subject();
        c.assigneeName = assignee.name();
        c.team = team;
        c.updatedAt = now;
        return c;
    }

    /**
     * Moves the case along its lifecycle. Closing needs a reason; a case with open care-plan tasks closes
     * only when a supervisor does it (with a reason).
     */
    public void moveTo(CaseStatus target, String reason, int openTasks, boolean bySupervisor, Instant now) {
        if (!status.next().contains(target)) {
            throw new CaseRuleViolation("case-transition-not-allowed",
                    "A case cannot move from " + status + " to " + target);
        }
        if (target == CaseStatus.CLOSED) {
            if (reason == null || reason.isBlank()) {
                throw new CaseRuleViolation("closure-reason-required", "Closing a case needs a closure reason");
            }
            if (openTasks > 0 && !bySupervisor) {
                throw new CaseRuleViolation("open-tasks-block-closure",
                        "The case has open care-plan tasks; only a supervisor may close it");
            }
            closureReason = reason;
            closedAt = now;
        }
        if (target == CaseStatus.OPEN) {
            if (openedAt == null) {
                openedAt = now;
            }
            closureReason = null;
            closedAt = null;
        }
        status = target;
        updatedAt = now;
    }

    public void assignTo(Person newAssignee, String newTeam, Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw new CaseRuleViolation("closed-case-not-assignable", "A closed case cannot be reassigned; reopen it first");
        }
        assignee = newAssignee.subject();
        assigneeName = newAssignee.name();
        team = newTeam;
        updatedAt = now;
    }

    /** Who answers for the case: what the access rule decides by. */
    public Responsibility responsibility() {
        return new Responsibility(assignee, team);
    }

    public UUID clientId() { return clientId; }
    public String programCode() { return programCode; }
    public CaseStatus status() { return status; }
    public String closureReason() { return closureReason; }
    public Person assignee() { return new Person(assignee, assigneeName); }
    public String team() { return team; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public Instant updatedAt() { return updatedAt; }
}

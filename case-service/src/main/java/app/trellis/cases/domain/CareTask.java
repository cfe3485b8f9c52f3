package app.trellis.cases.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A task of a care plan. Overdue is computed, never stored: open and due before today. Updates write only
 * the columns that changed: {@code due_notified} is set by the announcer outside this entity (without a
 * version bump), so a revision must not write back the value it loaded unless it resets it.
 */
@Entity
@Table(name = "care_task")
@DynamicUpdate
public class CareTask extends TenantRecord {

    public static final Set<String> STATUSES = Set.of("open", "done", "cancelled");

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "goal_id", length = 36)
    private UUID goalId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String assignee;
    @Column(name = "assignee_name")
    private String assigneeName;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(nullable = false)
    private String status;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "due_notified", nullable = false)
    private boolean dueNotified;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CareTask() {
    }

    public static CareTask plan(CaseFile onCase, UUID goalId, String title, Person assignee, LocalDate dueDate, Instant now) {
        if (onCase.status() == CaseStatus.CLOSED) {
            throw new CaseRuleViolation("closed-case-has-no-new-tasks", "A closed case takes no new tasks; reopen it first");
        }
        CareTask task = new CareTask();
        task.begin(onCase.tenantId(), now);
        task.caseId = onCase.id();
        task.goalId = goalId;
        task.title = title;
        task.assignee = assignee.subject();
        task.assigneeName = assignee.name();
        task.dueDate = dueDate;
        task.status = "open";
        task.updatedAt = now;
        return task;
    }

    public void revise(String title, Person assignee, LocalDate dueDate, String newStatus, Instant now) {
        this.title = title;
        this.assignee = assignee.subject();
        this.assigneeName = assignee.name();
        if (!dueDate.equals(this.dueDate)) {
            dueNotified = false;
        }
        this.dueDate = dueDate;
        if (!"open".equals(newStatus) && "open".equals(status)) {
            completedAt = now;
        } else if ("open".equals(newStatus)) {
            completedAt = null;
        }
        this.status = newStatus;
        this.updatedAt = now;
    }

    /** Open and due before {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return "open".equals(status) && dueDate.isBefore(today);
    }

    public UUID caseId() { return caseId; }
    public UUID goalId() { return goalId; }
    public String title() { return title; }
    public Person assignee() { return new Person(assignee, assigneeName); }
    public LocalDate dueDate() { return dueDate; }
    public String status() { return status; }
    public Instant completedAt() { return completedAt; }
    public Instant updatedAt() { return updatedAt; }
}

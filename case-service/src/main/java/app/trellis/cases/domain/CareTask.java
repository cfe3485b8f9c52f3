package app.trellis.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A task of a care plan. Overdue is computed, never stored: open and due before today. */
@Entity
@Table(name = "care_task")
public class CareTask {

    public static final Set<String> STATUSES = Set.of("open", "done", "cancelled");

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
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
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(nullable = false)
    private String status;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "due_notified", nullable = false)
    private boolean dueNotified;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CareTask() {
    }

    public static CareTask plan(CaseFile onCase, UUID goalId, String title, String assignee, LocalDate dueDate, Instant now) {
        if (onCase.status() == CaseStatus.CLOSED) {
            throw new CaseRuleViolation("closed-case-has-no-new-tasks", "A closed case takes no new tasks; reopen it first");
        }
        CareTask task = new CareTask();
        task.id = UUID.randomUUID();
        task.tenantId = onCase.tenantId();
        task.caseId = onCase.id();
        task.goalId = goalId;
        task.title = title;
        task.assignee = assignee;
        task.dueDate = dueDate;
        task.status = "open";
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    public void revise(String title, String assignee, LocalDate dueDate, String newStatus, Instant now) {
        this.title = title;
        this.assignee = assignee;
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

    public void markDueNotified() {
        dueNotified = true;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID caseId() { return caseId; }
    public UUID goalId() { return goalId; }
    public String title() { return title; }
    public String assignee() { return assignee; }
    public LocalDate dueDate() { return dueDate; }
    public String status() { return status; }
    public Instant completedAt() { return completedAt; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}

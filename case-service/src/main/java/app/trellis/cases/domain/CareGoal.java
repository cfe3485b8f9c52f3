package app.trellis.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A goal of a case's care plan: active until achieved or discontinued. */
@Entity
@Table(name = "care_goal")
public class CareGoal extends TenantRecord {

    public static final Set<String> STATUSES = Set.of("active", "achieved", "discontinued");

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @Column(nullable = false)
    private String description;
    @Column(name = "target_date")
    private LocalDate targetDate;
    @Column(nullable = false)
    private String status;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CareGoal() {
    }

    public static CareGoal set(CaseFile onCase, String description, LocalDate targetDate, Instant now) {
        CareGoal goal = new CareGoal();
        goal.begin(onCase.tenantId(), now);
        goal.caseId = onCase.id();
        goal.description = description;
        goal.targetDate = targetDate;
        goal.status = "active";
        goal.updatedAt = now;
        return goal;
    }

    public void revise(String description, LocalDate targetDate, String status, Instant now) {
        this.description = description;
        this.targetDate = targetDate;
        this.status = status;
        this.updatedAt = now;
    }

    public UUID caseId() { return caseId; }
    public String description() { return description; }
    public LocalDate targetDate() { return targetDate; }
    public String status() { return status; }
    public Instant updatedAt() { return updatedAt; }
}

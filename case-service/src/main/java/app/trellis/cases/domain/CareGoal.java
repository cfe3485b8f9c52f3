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

/** A goal of a case's care plan: active until achieved or discontinued. */
@Entity
@Table(name = "care_goal")
public class CareGoal {

    public static final Set<String> STATUSES = Set.of("active", "achieved", "discontinued");

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "case_id", length = 36, nullable = false, updatable = false)
    private UUID caseId;
    @Column(nullable = false)
    private String description;
    @Column(name = "target_date")
    private LocalDate targetDate;
    @Column(nullable = false)
    private String status;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CareGoal() {
    }

    public static CareGoal set(CaseFile onCase, String description, LocalDate targetDate, Instant now) {
        CareGoal goal = new CareGoal();
        goal.id = UUID.randomUUID();
        goal.tenantId = onCase.tenantId();
        goal.caseId = onCase.id();
        goal.description = description;
        goal.targetDate = targetDate;
        goal.status = "active";
        goal.createdAt = now;
        goal.updatedAt = now;
        return goal;
    }

    public void revise(String description, LocalDate targetDate, String status, Instant now) {
        this.description = description;
        this.targetDate = targetDate;
        this.status = status;
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public String description() { return description; }
    public LocalDate targetDate() { return targetDate; }
    public String status() { return status; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}

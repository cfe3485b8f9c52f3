package app.trellis.assessment.domain;

import app.trellis.platform.security.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reassessment schedule of one program and instrument: the first assessment within {@code firstWithinDays}
 * of the case opening, then every {@code repeatEveryDays} after the last submission (null: only once), until the
 * case closes. Each expected assessment counts as due {@code windowDays} before its due date (never before the
 * case opened or the last submission), and as overdue from the day after. Program and instrument never change;
 * a rule is retired ({@code active} false) rather than deleted.
 */
@Entity
@Table(name = "schedule_rule")
public class ScheduleRule {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(nullable = false, updatable = false)
    private String program;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "instrument_id", length = 36, nullable = false, updatable = false)
    private UUID instrumentId;
    @Column(name = "first_within_days", nullable = false)
    private int firstWithinDays;
    @Column(name = "repeat_every_days")
    private Integer repeatEveryDays;
    @Column(name = "window_days", nullable = false)
    private int windowDays;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected ScheduleRule() {
    }

    /** The days of a rule, as a tenant sets them. */
    public record Timing(int firstWithinDays, Integer repeatEveryDays, int windowDays) {
    }

    public static ScheduleRule define(String tenantId, String program, UUID instrumentId, Timing timing, Person by,
                                      Instant now) {
        ScheduleRule rule = new ScheduleRule();
        rule.id = UUID.randomUUID();
        rule.tenantId = Objects.requireNonNull(tenantId);
        rule.program = Objects.requireNonNull(program);
        rule.instrumentId = Objects.requireNonNull(instrumentId);
        rule.createdBy = by.subject();
        rule.createdAt = now;
        rule.active = true;
        rule.effectiveOn = day(now);
        rule.retime(timing, now);
        return rule;
    }

    /**
     * New days (for occurrences expected from now on; those already expected keep their dates) and whether the
     * rule is active. Returns true when this reactivates a retired rule: it then applies to open cases from today.
     */
    public boolean revise(Timing timing, boolean nowActive, Instant now) {
        boolean reactivated = nowActive && !active;
        retime(timing, now);
        active = nowActive;
        if (reactivated) {
            effectiveOn = day(now);
        }
        return reactivated;
    }

    /** The first assessment of a case opened on {@code openedOn}; a case older than the rule counts from the rule. */
    public OccurrenceDates first(LocalDate openedOn) {
        LocalDate anchor = openedOn.isBefore(effectiveOn) ? effectiveOn : openedOn;
        return OccurrenceDates.after(anchor, firstWithinDays, windowDays);
    }

    /** The assessment after one submitted on {@code submittedOn}; empty for a rule that asks only once. */
    public Optional<OccurrenceDates> next(LocalDate submittedOn) {
        return Optional.ofNullable(repeatEveryDays).map(days -> OccurrenceDates.after(submittedOn, days, windowDays));
    }

    private void retime(Timing timing, Instant now) {
        this.firstWithinDays = timing.firstWithinDays();
        this.repeatEveryDays = timing.repeatEveryDays();
        this.windowDays = timing.windowDays();
        this.updatedAt = now;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String program() { return program; }
    public UUID instrumentId() { return instrumentId; }
    public Timing timing() { return new Timing(firstWithinDays, repeatEveryDays, windowDays); }
    public boolean active() { return active; }
    public LocalDate effectiveOn() { return effectiveOn; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}

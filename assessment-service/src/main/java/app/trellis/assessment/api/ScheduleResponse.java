package app.trellis.assessment.api;

import app.trellis.assessment.domain.ScheduleRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A reassessment schedule; {@code effectiveOn}: cases opened before it count from that day. */
public record ScheduleResponse(UUID id, String program, UUID instrumentId, int firstWithinDays, Integer repeatEveryDays,
                               int windowDays, boolean active, LocalDate effectiveOn, String createdBy,
                               Instant createdAt, Instant updatedAt) {

    static ScheduleResponse of(ScheduleRule rule) {
        ScheduleRule.Timing timing = rule.timing();
        return new ScheduleResponse(rule.id(), rule.program(), rule.instrumentId(), timing.firstWithinDays(),
                timing.repeatEveryDays(), timing.windowDays(), rule.active(), rule.effectiveOn(), rule.createdBy(),
                rule.createdAt(), rule.updatedAt());
    }
}

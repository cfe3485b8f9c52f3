package app.trellis.assessment.api;

import app.trellis.assessment.domain.Occurrence;
import app.trellis.assessment.service.Reassessments;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * An assessment a schedule expects and nobody submitted yet: {@code status} is {@code due} from
 * {@code windowOpens} through {@code dueDate}, {@code overdue} after it. {@code assignee} is the case's assignee
 * (token subject) in this service's copy of case access.
 */
public record DueAssessmentResponse(UUID occurrenceId, UUID scheduleId, UUID caseId, UUID clientId,
                                    UUID instrumentId, LocalDate windowOpens, LocalDate dueDate, String status,
                                    String assignee) {

    static DueAssessmentResponse of(Reassessments.Due due) {
        Occurrence o = due.occurrence();
        return new DueAssessmentResponse(o.id(), o.ruleId(), o.caseId(), o.clientId(), o.instrumentId(),
                o.dates().windowOpens(), o.dates().dueDate(), due.phase().name().toLowerCase(Locale.ROOT), o.assignee());
    }
}

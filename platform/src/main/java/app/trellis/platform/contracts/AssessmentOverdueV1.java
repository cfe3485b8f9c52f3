package app.trellis.platform.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code app.trellis.assessment.overdue.v1}, subject {@code assessment-occurrence/<occurrenceId>}: a scheduled
 * (re)assessment's due date passed without a submission. Raised once per occurrence, after its
 * {@link AssessmentDueV1}; the fields are the same.
 *
 * @param occurrenceId the expected assessment (one per rule, case and round)
 * @param scheduleId   the schedule rule that expects it
 * @param caseId       the case (who may see it follows the case)
 * @param clientId     the client to assess
 * @param instrumentId the instrument to use
 * @param windowOpens  the first day it counted as due
 * @param dueDate      the last day it was due; the day after, it is overdue
 */
public record AssessmentOverdueV1(UUID occurrenceId, UUID scheduleId, UUID caseId, UUID clientId, UUID instrumentId,
                                  LocalDate windowOpens, LocalDate dueDate) {
    public static final String TYPE = "app.trellis.assessment.overdue.v1";
}

package app.trellis.platform.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code app.trellis.assessment.due.v1}, subject {@code assessment-occurrence/<occurrenceId>}: a scheduled
 * (re)assessment of a client within a case is due: its window opened and no assessment of the instrument was
 * submitted yet. Raised once per occurrence, before any {@link AssessmentOverdueV1} of it.
 *
 * @param occurrenceId the expected assessment (one per rule, case and round)
 * @param scheduleId   the schedule rule that expects it
 * @param caseId       the case (who may see it follows the case)
 * @param clientId     the client to assess
 * @param instrumentId the instrument to use
 * @param windowOpens  the first day it counts as due
 * @param dueDate      the last day before it is overdue
 */
public record AssessmentDueV1(UUID occurrenceId, UUID scheduleId, UUID caseId, UUID clientId, UUID instrumentId,
                              LocalDate windowOpens, LocalDate dueDate) {
    public static final String TYPE = "app.trellis.assessment.due.v1";
}

package app.trellis.assessment.domain;

import java.util.UUID;

/**
 * One assessment a schedule rule expects of a case (a round: the first after opening, then one per repeat).
 * {@code assignee} is the case's assignee from the copy of case access where a query joins it, else null.
 */
public record Occurrence(UUID id, String tenantId, UUID ruleId, UUID caseId, UUID clientId, UUID instrumentId,
                         OccurrenceDates dates, String assignee) {
}

package app.trellis.reporting.domain.report;

import java.time.Instant;

/**
 * A flag raised by an assessment (e.g. {@code safety-risk}) that no contact note for the client followed within
 * the days asked for; {@code followUpDue} is when that time ran out.
 */
public record SafetyFollowUpRow(String clientId, String caseId, String assessmentId, String instrumentId, String flag,
                                Instant flaggedAt, Instant followUpDue, String caseManager) {
}

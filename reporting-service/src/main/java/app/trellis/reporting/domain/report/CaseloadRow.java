package app.trellis.reporting.domain.report;

/** A case manager's active cases (not closed) by status. */
public record CaseloadRow(String caseManager, long referred, long open, long onHold, long total) {
}

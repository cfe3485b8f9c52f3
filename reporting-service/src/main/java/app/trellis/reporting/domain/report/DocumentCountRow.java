package app.trellis.reporting.domain.report;

/** A case's documents (not deleted) in one category, and their versions. */
public record DocumentCountRow(String caseId, String category, long documents, long versions) {
}

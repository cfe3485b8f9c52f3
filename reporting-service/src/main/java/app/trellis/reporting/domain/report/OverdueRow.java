package app.trellis.reporting.domain.report;

import java.time.LocalDate;

/** A case manager's overdue (re)assessments today: how many, for how many clients, the oldest due date. */
public record OverdueRow(String caseManager, long overdue, long clients, LocalDate oldestDueDate) {
}

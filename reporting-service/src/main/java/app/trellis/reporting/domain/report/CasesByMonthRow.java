package app.trellis.reporting.domain.report;

/** Cases of a program opened (first time) and closed in a month ({@code yyyy-MM}, UTC). */
public record CasesByMonthRow(String program, String month, long opened, long closed) {
}

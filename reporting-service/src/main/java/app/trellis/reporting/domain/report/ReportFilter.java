package app.trellis.reporting.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The filters reports share. Each is optional; the date range is whole UTC days, both ends included, and what it
 * applies to is the report's own date (opening, closing, submission, due date, flag, expiry).
 *
 * @param program     a program code
 * @param caseManager the case manager's id (token subject) the cases are assigned to now
 */
public record ReportFilter(String program, String caseManager, LocalDate from, LocalDate to) {

    /** The first instant of the range, or null when open. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range, or null when open. */
    public Instant toExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

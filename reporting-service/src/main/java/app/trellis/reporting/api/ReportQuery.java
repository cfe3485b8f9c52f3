package app.trellis.reporting.api;

import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.problem.QueryParams;
import app.trellis.reporting.domain.report.ReportFilter;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters every report takes; each malformed one is a 400 problem naming it. */
public class ReportQuery {

    private static final Pattern PROGRAM = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final int MAX_ID = 255;

    @RestQuery
    @Parameter(description = "a program code")
    String program;
    @RestQuery
    @Parameter(description = "the case manager's id (token subject)")
    String caseManager;
    @RestQuery
    @Parameter(description = "first day of the range (UTC), e.g. 2026-01-01")
    String from;
    @RestQuery
    @Parameter(description = "last day of the range (UTC), included")
    String to;
    @RestQuery
    @Parameter(description = "rows per page, 1-200 (default 50); CSV ignores it and returns every row")
    Integer limit;
    @RestQuery
    @Parameter(description = "nextCursor of the previous page")
    String cursor;

    ReportFilter filter() {
        if (program != null && !program.isBlank() && !PROGRAM.matcher(program).matches()) {
            throw ProblemException.badRequest("program", "must be a program code: 2-40 lowercase letters, digits or dashes");
        }
        if (caseManager != null && (caseManager.length() > MAX_ID || caseManager.chars().anyMatch(Character::isISOControl))) {
            throw ProblemException.badRequest("caseManager", "must be a case manager's id");
        }
        LocalDate first = QueryParams.date("from", from).orElse(null);
        LocalDate last = QueryParams.date("to", to).orElse(null);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        return new ReportFilter(blankToNull(program), blankToNull(caseManager), first, last);
    }

    PageRequest page() {
        return PageRequest.of(limit, cursor);
    }

    /** The same position with the largest page: CSV reads on from here to the end. */
    PageRequest wholeFromCursor() {
        return PageRequest.of(PageRequest.MAX_LIMIT, cursor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package app.trellis.reporting.api;

import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import app.trellis.reporting.domain.report.CaseloadRow;
import app.trellis.reporting.domain.report.CasesByMonthRow;
import app.trellis.reporting.domain.report.ConsentExpiryRow;
import app.trellis.reporting.domain.report.DocumentCountRow;
import app.trellis.reporting.domain.report.FirstAssessmentRow;
import app.trellis.reporting.domain.report.OverdueRow;
import app.trellis.reporting.domain.report.SafetyFollowUpRow;
import app.trellis.reporting.domain.report.ScoreBandRow;
import app.trellis.reporting.domain.report.ScoreTrendRow;
import app.trellis.reporting.service.Reports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operational reports of the caller's tenant, for supervisors, from the projections. Each takes the filters of
 * {@link ReportQuery} (program, caseManager, from, to) and pages; {@code Accept: text/csv} gives every row as CSV.
 */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, ReportResponses.TEXT_CSV})
@RolesAllowed(Roles.SUPERVISOR)
public class ReportsResource {

    private static final int MAX_FOLLOW_UP_DAYS = 365;

    @Inject
    Reports reports;
    @Inject
    Caller caller;
    @Context
    HttpHeaders headers;

    /** Active (not closed) cases per case manager, by status. Filters: program, caseManager. */
    @GET
    @Path("caseload")
    public Response caseload(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "caseload", CaseloadRow.class, query,
                caller.tenant(), reports::caseload);
    }

    /** Cases opened (first time) and closed per program and month (UTC); the range applies to those dates. */
    @GET
    @Path("cases-by-month")
    public Response casesByMonth(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "cases-by-month", CasesByMonthRow.class, query,
                caller.tenant(), reports::casesByMonth);
    }

    /** Overdue (re)assessments today per case manager; the range applies to due dates. */
    @GET
    @Path("overdue-assessments")
    public Response overdueAssessments(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "overdue-assessments", OverdueRow.class, query,
                caller.tenant(), reports::overdueAssessments);
    }

    /** Results per instrument and band; the range applies to submission days. Corrected results are left out. */
    @GET
    @Path("scores/distribution")
    public Response scoreDistribution(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "score-distribution", ScoreBandRow.class, query,
                caller.tenant(), reports::scoreDistribution);
    }

    /** Results per instrument and month: count, mean, lowest and highest total. */
    @GET
    @Path("scores/trend")
    public Response scoreTrend(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "score-trend", ScoreTrendRow.class, query,
                caller.tenant(), reports::scoreTrend);
    }

    /** Days from opening to the first assessment, median and 90th percentile per program; range: opening days. */
    @GET
    @Path("time-to-first-assessment")
    public Response timeToFirstAssessment(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "time-to-first-assessment", FirstAssessmentRow.class, query,
                caller.tenant(), reports::timeToFirstAssessment);
    }

    /**
     * Safety flags that no contact note for the client followed within {@code withinDays} (default configured),
     * oldest first; the range applies to flag days.
     */
    @GET
    @Path("safety-follow-ups")
    public Response safetyFollowUps(@BeanParam ReportQuery query, @QueryParam("withinDays") String withinDays) {
        Integer days = days(withinDays);
        return ReportResponses.of(headers, "safety-follow-ups", SafetyFollowUpRow.class, query,
                caller.tenant(),
                (tenant, filter, page) -> reports.safetyFollowUps(tenant, filter, days, page));
    }

    /** Granted consents expiring in the range (default: today and the configured days after). */
    @GET
    @Path("consents-expiring")
    public Response consentsExpiring(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "consents-expiring", ConsentExpiryRow.class, query,
                caller.tenant(), reports::consentsExpiring);
    }

    /** Documents (not deleted) per case and category; the range applies to upload days. */
    @GET
    @Path("documents")
    public Response documents(@BeanParam ReportQuery query) {
        return ReportResponses.of(headers, "documents", DocumentCountRow.class, query,
                caller.tenant(), reports::documents);
    }

    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 0 && days <= MAX_FOLLOW_UP_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("withinDays", "must be a whole number of days from 0 to " + MAX_FOLLOW_UP_DAYS);
    }
}

package app.trellis.reporting.service;

import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.config.ReportsConfig;
import app.trellis.reporting.domain.report.CaseloadRow;
import app.trellis.reporting.domain.report.CasesByMonthRow;
import app.trellis.reporting.domain.report.ConsentExpiryRow;
import app.trellis.reporting.domain.report.DocumentCountRow;
import app.trellis.reporting.domain.report.FirstAssessmentRow;
import app.trellis.reporting.domain.report.OverdueRow;
import app.trellis.reporting.domain.report.Percentiles;
import app.trellis.reporting.domain.report.ReportFilter;
import app.trellis.reporting.domain.report.SafetyFollowUpRow;
import app.trellis.reporting.domain.report.ScoreBandRow;
import app.trellis.reporting.domain.report.ScoreTrendRow;
import app.trellis.reporting.repository.AssessmentReportRepository;
import app.trellis.reporting.repository.CaseReportRepository;
import app.trellis.reporting.repository.CaseReportRepository.CaseOpening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operational reports of one tenant, read from the projections only. Reads without a transaction: each report
 * is one statement, consistent in itself.
 */
@ApplicationScoped
public class Reports {

    @Inject
    CaseReportRepository cases;
    @Inject
    AssessmentReportRepository assessments;
    @Inject
    ReportsConfig config;
    @Inject
    Clock clock;

    public Page<CaseloadRow> caseload(String tenant, ReportFilter filter, PageRequest page) {
        return cases.caseload(tenant, filter, page);
    }

    public Page<CasesByMonthRow> casesByMonth(String tenant, ReportFilter filter, PageRequest page) {
        return cases.casesByMonth(tenant, filter, page);
    }

    public Page<OverdueRow> overdueAssessments(String tenant, ReportFilter filter, PageRequest page) {
        return assessments.overdue(tenant, filter, LocalDate.now(clock), page);
    }

    public Page<ScoreBandRow> scoreDistribution(String tenant, ReportFilter filter, PageRequest page) {
        return assessments.distribution(tenant, filter, page);
    }

    public Page<ScoreTrendRow> scoreTrend(String tenant, ReportFilter filter, PageRequest page) {
        return assessments.trend(tenant, filter, page);
    }

    /** Per program, in program order; one row per program, so the page is cut after the program in the cursor. */
    public Page<FirstAssessmentRow> timeToFirstAssessment(String tenant, ReportFilter filter, PageRequest page) {
        Map<String, List<Long>> assessedSeconds = new TreeMap<>();
        Map<String, Long> opened = new TreeMap<>();
        for (CaseOpening opening : cases.openings(tenant, filter)) {
            opened.merge(opening.program(), 1L, Long::sum);
            List<Long> seconds = assessedSeconds.computeIfAbsent(opening.program(), p -> new ArrayList<>());
            if (opening.secondsToFirstAssessment() != null) {
                seconds.add(opening.secondsToFirstAssessment());
            }
        }
        String after = page.after().map(c -> c.value(0)).orElse(null);
        List<FirstAssessmentRow> rows = new ArrayList<>();
        for (Map.Entry<String, Long> program : opened.entrySet()) {
            if (after != null && program.getKey().compareTo(after) <= 0) {
                continue;
            }
            List<Long> seconds = assessedSeconds.get(program.getKey());
            rows.add(new FirstAssessmentRow(program.getKey(), program.getValue(), seconds.size(),
                    Percentiles.days(seconds, 50), Percentiles.days(seconds, 90)));
            if (rows.size() == page.fetchSize()) {
                break;
            }
        }
        return page.toPage(rows, row -> Cursor.of(row.program()));
    }

    /** {@code withinDays} null: the configured follow-up time. */
    public Page<SafetyFollowUpRow> safetyFollowUps(String tenant, ReportFilter filter, Integer withinDays,
                                                   PageRequest page) {
        int days = withinDays == null ? config.followUpDays() : withinDays;
        return assessments.unfollowedFlags(tenant, filter, config.safetyFlags(), config.contactNoteTypes(), days,
                clock.instant(), page);
    }

    /** Expiring from {@code from} (default today) to {@code to} (default the configured horizon after it). */
    public Page<ConsentExpiryRow> consentsExpiring(String tenant, ReportFilter filter, PageRequest page) {
        LocalDate from = filter.from() == null ? LocalDate.now(clock) : filter.from();
        LocalDate to = filter.to() == null ? from.plusDays(config.consentHorizonDays()) : filter.to();
        return cases.consentsExpiring(tenant, filter, from, to, page);
    }

    public Page<DocumentCountRow> documents(String tenant, ReportFilter filter, PageRequest page) {
        return cases.documents(tenant, filter, page);
    }
}

package app.trellis.reporting.repository;

import static app.trellis.reporting.repository.CaseReportRepository.caseFilter;
import static app.trellis.reporting.repository.CaseReportRepository.date;
import static app.trellis.reporting.repository.CaseReportRepository.instant;

import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.report.Decimals;
import app.trellis.reporting.domain.report.OverdueRow;
import app.trellis.reporting.domain.report.ReportFilter;
import app.trellis.reporting.domain.report.SafetyFollowUpRow;
import app.trellis.reporting.domain.report.ScoreBandRow;
import app.trellis.reporting.domain.report.ScoreTrendRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Reports over the assessment projections: overdue (re)assessments, score distributions and trends, safety flags. */
@ApplicationScoped
public class AssessmentReportRepository {

    /** A result counts unless a submitted amendment corrected it. */
    private static final String EFFECTIVE = "r.submitted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
            + " assessment_result a WHERE a.tenant_id = r.tenant_id AND a.amends = r.assessment_id"
            + " AND a.submitted_at IS NOT NULL)";
    /** The instrument's canonical URL without its version. */
    private static final String INSTRUMENT = "MAX(SUBSTRING_INDEX(r.instrument, '|', 1)) AS instrument";

    @Inject
    AgroalDataSource db;

    /**
     * Occurrences due before {@code today} in cases not closed, that no first submission (revision 1) of the
     * instrument in the case followed since it was announced (as assessment-service satisfies them), by case manager.
     */
    public Page<OverdueRow> overdue(String tenant, ReportFilter filter, LocalDate today, PageRequest page) {
        ReportSql sql = caseFilter(new ReportSql("d", tenant), filter).and("d.due_date < ?", today)
                .andIf(filter.from(), "d.due_date >= ?").andIf(filter.to(), "d.due_date <= ?")
                .and("c.status <> 'closed'").and("c.assignee IS NOT NULL")
                .and("NOT EXISTS (SELECT 1 FROM assessment_result r WHERE r.tenant_id = d.tenant_id"
                        + " AND r.case_id = d.case_id AND r.instrument_id = d.instrument_id AND r.revision = 1"
                        + " AND r.submitted_at >= COALESCE(d.announced_at, d.overdue_at))");
        return sql.page(db, "overdue report", "SELECT c.assignee AS k1, COUNT(*) AS overdue,"
                + " COUNT(DISTINCT d.client_id) AS clients, MIN(d.due_date) AS oldest FROM assessment_due d"
                + " JOIN case_view c ON c.tenant_id = d.tenant_id AND c.case_id = d.case_id" + sql.where()
                + " GROUP BY c.assignee", 1, page,
                rs -> new OverdueRow(rs.getString("k1"), rs.getLong("overdue"), rs.getLong("clients"),
                        date(rs.getDate("oldest"))));
    }

    public Page<ScoreBandRow> distribution(String tenant, ReportFilter filter, PageRequest page) {
        ReportSql sql = results(tenant, filter);
        return sql.page(db, "score distribution report", "SELECT r.instrument_id AS k1, COALESCE(r.band, '') AS k2, "
                + INSTRUMENT + ", COUNT(*) AS assessments FROM assessment_result r" + caseJoin(filter) + sql.where()
                + " GROUP BY r.instrument_id, COALESCE(r.band, '')", 2, page,
                rs -> new ScoreBandRow(rs.getString("k1"), rs.getString("instrument"),
                        rs.getString("k2").isEmpty() ? null : rs.getString("k2"), rs.getLong("assessments")));
    }

    public Page<ScoreTrendRow> trend(String tenant, ReportFilter filter, PageRequest page) {
        ReportSql sql = results(tenant, filter);
        return sql.page(db, "score trend report", "SELECT r.instrument_id AS k1, DATE_FORMAT(r.submitted_at, '%Y-%m')"
                + " AS k2, " + INSTRUMENT + ", COUNT(*) AS assessments, AVG(r.total) AS average, MIN(r.total) AS low,"
                + " MAX(r.total) AS high FROM assessment_result r" + caseJoin(filter) + sql.where()
                + " GROUP BY r.instrument_id, DATE_FORMAT(r.submitted_at, '%Y-%m')", 2, page,
                rs -> new ScoreTrendRow(rs.getString("k1"), rs.getString("instrument"), rs.getString("k2"),
                        rs.getLong("assessments"),
                        Decimals.plain(rs.getBigDecimal("average").setScale(2, RoundingMode.HALF_UP)),
                        Decimals.plain(rs.getBigDecimal("low")), Decimals.plain(rs.getBigDecimal("high"))));
    }

    /**
     * Flags of {@code flags} raised at least {@code days} before {@code now} that no note of {@code noteTypes} for the
     * client followed within {@code days}; oldest first.
     */
    public Page<SafetyFollowUpRow> unfollowedFlags(String tenant, ReportFilter filter, Set<String> flags,
                                                   Set<String> noteTypes, int days, Instant now, PageRequest page) {
        ReportSql sql = caseFilter(new ReportSql("f", tenant), filter).andIn("f.flag", flags)
                .and("f.flagged_at <= ?", now.minus(Duration.ofDays(days)))
                .andIf(filter.fromInstant(), "f.flagged_at >= ?").andIf(filter.toExclusive(), "f.flagged_at < ?")
                .and("NOT EXISTS (SELECT 1 FROM assessment_result a WHERE a.tenant_id = f.tenant_id"
                        + " AND a.amends = f.assessment_id AND a.submitted_at IS NOT NULL)")
                .and("NOT EXISTS (SELECT 1 FROM note_view n WHERE n.tenant_id = f.tenant_id"
                        + " AND n.client_id = f.client_id AND n.type IN (" + ReportSql.placeholders(noteTypes.size())
                        + ") AND n.written_at >= f.flagged_at AND n.written_at <= f.flagged_at + INTERVAL " + days
                        + " DAY)", noteTypes.toArray());
        return sql.page(db, "safety flag report", "SELECT DATE_FORMAT(f.flagged_at, '%Y-%m-%dT%H:%i:%s.%f') AS k1,"
                + " f.assessment_id AS k2, f.flag AS k3, f.client_id, f.case_id, f.instrument_id, f.flagged_at,"
                + " c.assignee FROM assessment_flag f" + CASE_LEFT + sql.where(), 3, page,
                rs -> {
                    Instant flagged = instant(rs.getTimestamp("flagged_at"));
                    return new SafetyFollowUpRow(rs.getString("client_id"), rs.getString("case_id"),
                            rs.getString("k2"), rs.getString("instrument_id"), rs.getString("k3"), flagged,
                            flagged.plus(Duration.ofDays(days)), rs.getString("assignee"));
                });
    }

    private static final String CASE_LEFT = " LEFT JOIN case_view c ON c.tenant_id = f.tenant_id AND c.case_id = f.case_id";

    private static ReportSql results(String tenant, ReportFilter filter) {
        return caseFilter(new ReportSql("r", tenant), filter).and(EFFECTIVE)
                .andIf(filter.fromInstant(), "r.submitted_at >= ?").andIf(filter.toExclusive(), "r.submitted_at < ?");
    }

    private static String caseJoin(ReportFilter filter) {
        return filter.program() == null && filter.caseManager() == null ? ""
                : " JOIN case_view c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id";
    }
}

package app.trellis.reporting.repository;

import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.report.CaseloadRow;
import app.trellis.reporting.domain.report.CasesByMonthRow;
import app.trellis.reporting.domain.report.ConsentExpiryRow;
import app.trellis.reporting.domain.report.DocumentCountRow;
import app.trellis.reporting.domain.report.ReportFilter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reports over the case-side projections: cases, their milestones, documents and consents. */
@ApplicationScoped
public class CaseReportRepository {

    /** The case of {@code alias}'s row, for the program and case-manager filters. */
    private static final String CASE_OF = " JOIN case_view c ON c.tenant_id = %1$s.tenant_id AND c.case_id = %1$s.case_id";

    @Inject
    AgroalDataSource db;

    /** A case opened (first time) and how long until its first submitted assessment, if any. */
    public record CaseOpening(String program, Long secondsToFirstAssessment) {
    }

    public Page<CaseloadRow> caseload(String tenant, ReportFilter filter, PageRequest page) {
        ReportSql sql = caseFilter(new ReportSql("c", tenant), filter).and("c.status <> 'closed'")
                .and("c.assignee IS NOT NULL");
        return sql.page(db, "caseload report", "SELECT c.assignee AS k1, SUM(c.status = 'referred') AS referred,"
                + " SUM(c.status = 'open') AS open_cases, SUM(c.status = 'on-hold') AS on_hold, COUNT(*) AS total"
                + " FROM case_view c" + sql.where() + " GROUP BY c.assignee", 1, page,
                rs -> new CaseloadRow(rs.getString("k1"), rs.getLong("referred"), rs.getLong("open_cases"),
                        rs.getLong("on_hold"), rs.getLong("total")));
    }

    public Page<CasesByMonthRow> casesByMonth(String tenant, ReportFilter filter, PageRequest page) {
        ReportSql sql = new ReportSql("m", tenant).andIf(filter.program(), "m.program = ?")
                .andIf(filter.caseManager(), "c.assignee = ?")
                .andIf(filter.fromInstant(), "m.occurred_at >= ?").andIf(filter.toExclusive(), "m.occurred_at < ?");
        String join = filter.caseManager() == null ? "" : CASE_OF.formatted("m");
        return sql.page(db, "cases by month report", "SELECT m.program AS k1, DATE_FORMAT(m.occurred_at, '%Y-%m') AS k2,"
                + " SUM(m.kind = 'opened') AS opened, SUM(m.kind = 'closed') AS closed FROM case_milestone m" + join
                + sql.where() + " GROUP BY m.program, DATE_FORMAT(m.occurred_at, '%Y-%m')", 2, page,
                rs -> new CasesByMonthRow(rs.getString("k1"), rs.getString("k2"), rs.getLong("opened"),
                        rs.getLong("closed")));
    }

    /** Every case opened in the range (by its first opening), with the time to its first assessment after it. */
    public List<CaseOpening> openings(String tenant, ReportFilter filter) {
        ReportSql sql = caseFilter(new ReportSql("c", tenant), filter).and("c.opened_at IS NOT NULL")
                .and("c.program IS NOT NULL")
                .andIf(filter.fromInstant(), "c.opened_at >= ?").andIf(filter.toExclusive(), "c.opened_at < ?");
        return Jdbc.query(db, "first assessment report", "SELECT c.program, TIMESTAMPDIFF(SECOND, c.opened_at,"
                + " (SELECT MIN(r.submitted_at) FROM assessment_result r WHERE r.tenant_id = c.tenant_id"
                + " AND r.case_id = c.case_id AND r.submitted_at >= c.opened_at)) AS seconds FROM case_view c"
                + sql.where(), rs -> new CaseOpening(rs.getString(1), (Long) rs.getObject(2, Long.class)),
                sql.params());
    }

    public Page<DocumentCountRow> documents(String tenant, ReportFilter filter, PageRequest page) {
        ReportSql sql = caseFilter(new ReportSql("d", tenant), filter).and("d.deleted_at IS NULL")
                .andIf(filter.fromInstant(), "d.uploaded_at >= ?").andIf(filter.toExclusive(), "d.uploaded_at < ?");
        return sql.page(db, "documents report", "SELECT d.case_id AS k1, d.category AS k2, COUNT(*) AS documents,"
                + " SUM(d.versions) AS versions FROM document_view d" + CASE_OF.formatted("d") + sql.where()
                + " GROUP BY d.case_id, d.category", 2, page,
                rs -> new DocumentCountRow(rs.getString("k1"), rs.getString("k2"), rs.getLong("documents"),
                        rs.getLong("versions")));
    }

    /** Granted consents whose expiry date is within [from, to]; with a case filter, of clients with such a case. */
    public Page<ConsentExpiryRow> consentsExpiring(String tenant, ReportFilter filter, LocalDate from, LocalDate to,
                                                   PageRequest page) {
        ReportSql sql = new ReportSql("s", tenant).and("s.status = 'granted'")
                .and("s.expiry_date >= ?", from).and("s.expiry_date <= ?", to);
        if (filter.program() != null || filter.caseManager() != null) {
            List<Object> values = new ArrayList<>();
            StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM case_view c WHERE c.tenant_id = s.tenant_id"
                    + " AND c.client_id = s.client_id");
            if (filter.program() != null) {
                exists.append(" AND c.program = ?");
                values.add(filter.program());
            }
            if (filter.caseManager() != null) {
                exists.append(" AND c.assignee = ?");
                values.add(filter.caseManager());
            }
            sql.and(exists.append(')').toString(), values.toArray());
        }
        return sql.page(db, "consents expiring report", "SELECT DATE_FORMAT(s.expiry_date, '%Y-%m-%d') AS k1,"
                + " s.consent_id AS k2, s.client_id, s.type, s.partner, s.effective_date, s.expiry_date"
                + " FROM consent_view s" + sql.where(), 2, page, CaseReportRepository::consent);
    }

    private static ConsentExpiryRow consent(ResultSet rs) throws SQLException {
        return new ConsentExpiryRow(rs.getString("k2"), rs.getString("client_id"), rs.getString("type"),
                rs.getString("partner"), date(rs.getDate("effective_date")), date(rs.getDate("expiry_date")));
    }

    /** The program and case-manager filters on the case called {@code c}. */
    static ReportSql caseFilter(ReportSql sql, ReportFilter filter) {
        return sql.andIf(filter.program(), "c.program = ?").andIf(filter.caseManager(), "c.assignee = ?");
    }

    static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static Instant instant(java.sql.Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}

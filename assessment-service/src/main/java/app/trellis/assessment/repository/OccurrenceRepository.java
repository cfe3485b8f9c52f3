package app.trellis.assessment.repository;

import app.trellis.assessment.domain.Occurrence;
import app.trellis.assessment.domain.OccurrenceDates;
import app.trellis.assessment.domain.ScheduleRule;
import app.trellis.platform.access.Condition;
import app.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The expected assessments ({@code assessment_occurrence}) and what they are derived from: the program and
 * the opening and closing days of each case ({@code case_program}, from case events). Native SQL: each
 * statement is one set-based step, and the announcement claims lock rows the way the outbox claim does.
 */
@ApplicationScoped
public class OccurrenceRepository {

    private static final String COLUMNS = "o.id, o.tenant_id, o.rule_id, o.case_id, o.client_id, o.instrument_id,"
            + " o.window_opens, o.due_date";

    @Inject
    EntityManager em;

    /** An open case as schedules see it; {@code lastRound} is the highest round a rule already expected of it. */
    public record OpenCase(UUID caseId, UUID clientId, LocalDate openedOn, int lastRound) {
    }

    /** A pending occurrence a submission may satisfy. */
    public record Expected(UUID id, UUID ruleId, int round) {
    }

    /** Due-list filters; {@code overdue} null for both; {@code access} over {@code case_access a}. */
    public record DueFilter(String tenantId, LocalDate today, Boolean overdue, String assignee,
                            Optional<Condition> access) {
    }

    /**
     * Records that a case opened; true when it is still open (a closing that arrived first wins). Replays
     * rewrite the same values.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean caseOpened(String tenantId, UUID caseId, UUID clientId, String program, LocalDate openedOn,
                              Instant now) {
        recordCase("opened_on", tenantId, caseId, clientId, program, openedOn, now);
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM case_program WHERE tenant_id = ?1 AND case_id = ?2"
                        + " AND closed_on IS NULL").setParameter(1, tenantId).setParameter(2, caseId.toString())
                .getSingleResult()).intValue() == 1;
    }

    /** Records that a case closed and cancels what it still expected; returns how many were cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int caseClosed(String tenantId, UUID caseId, UUID clientId, String program, LocalDate closedOn, Instant now) {
        recordCase("closed_on", tenantId, caseId, clientId, program, closedOn, now);
        return em.createNativeQuery("UPDATE assessment_occurrence SET status = 'cancelled', ended_at = ?1"
                        + " WHERE tenant_id = ?2 AND case_id = ?3 AND status = 'pending'")
                .setParameter(1, Timestamp.from(now)).setParameter(2, tenantId).setParameter(3, caseId.toString())
                .executeUpdate();
    }

    /** Sets the case's opening or closing day ({@code column}), whichever event arrives first making the row. */
    private void recordCase(String column, String tenantId, UUID caseId, UUID clientId, String program, LocalDate day,
                            Instant now) {
        em.createNativeQuery("INSERT INTO case_program (tenant_id, case_id, client_id, program, " + column
                        + ", updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE " + column
                        + " = VALUES(" + column + "), updated_at = VALUES(updated_at)")
                .setParameter(1, tenantId).setParameter(2, caseId.toString()).setParameter(3, clientId.toString())
                .setParameter(4, program).setParameter(5, day).setParameter(6, Timestamp.from(now)).executeUpdate();
    }

    /** Open cases of the rule's program that it expects nothing of now (none yet, or only ended rounds). */
    @SuppressWarnings("unchecked")
    public List<OpenCase> openCasesWithoutPending(ScheduleRule rule) {
        List<Object[]> rows = em.createNativeQuery("SELECT c.case_id, c.client_id, c.opened_on,"
                        + " (SELECT COALESCE(MAX(o.occurrence_no), 0) FROM assessment_occurrence o"
                        + "  WHERE o.rule_id = ?1 AND o.case_id = c.case_id)"
                        + " FROM case_program c WHERE c.tenant_id = ?2 AND c.program = ?3 AND c.opened_on IS NOT NULL"
                        + " AND c.closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM assessment_occurrence p"
                        + "  WHERE p.rule_id = ?1 AND p.case_id = c.case_id AND p.status = 'pending')")
                .setParameter(1, rule.id().toString()).setParameter(2, rule.tenantId()).setParameter(3, rule.program())
                .getResultList();
        return rows.stream().map(r -> new OpenCase(uuid(r[0]), uuid(r[1]), date(r[2]), ((Number) r[3]).intValue()))
                .toList();
    }

    /**
     * Expects round {@code round} of the rule in the case; nothing when that round exists already (a replayed
     * event, a concurrent submission), which the unique key decides.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expect(ScheduleRule rule, UUID caseId, UUID clientId, int round, OccurrenceDates dates, Instant now) {
        em.createNativeQuery("INSERT IGNORE INTO assessment_occurrence (id, tenant_id, rule_id, case_id, client_id,"
                        + " instrument_id, occurrence_no, window_opens, due_date, status, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', ?10)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, rule.tenantId())
                .setParameter(3, rule.id().toString()).setParameter(4, caseId.toString())
                .setParameter(5, clientId.toString()).setParameter(6, rule.instrumentId().toString())
                .setParameter(7, round).setParameter(8, dates.windowOpens()).setParameter(9, dates.dueDate())
                .setParameter(10, Timestamp.from(now)).executeUpdate();
    }

    /** The pending occurrences of an instrument in a case, locked until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Expected> pendingFor(String tenantId, UUID caseId, UUID instrumentId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, rule_id, occurrence_no FROM assessment_occurrence"
                        + " WHERE tenant_id = ?1 AND case_id = ?2 AND instrument_id = ?3 AND status = 'pending' FOR UPDATE")
                .setParameter(1, tenantId).setParameter(2, caseId.toString()).setParameter(3, instrumentId.toString())
                .getResultList();
        return rows.stream().map(r -> new Expected(uuid(r[0]), uuid(r[1]), ((Number) r[2]).intValue())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void satisfy(UUID occurrenceId, UUID assessmentId, Instant now) {
        em.createNativeQuery("UPDATE assessment_occurrence SET status = 'satisfied', satisfied_by = ?1, ended_at = ?2"
                        + " WHERE id = ?3 AND status = 'pending'")
                .setParameter(1, assessmentId.toString()).setParameter(2, Timestamp.from(now))
                .setParameter(3, occurrenceId.toString()).executeUpdate();
    }

    /** Cancels what a retired rule still expected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPendingOf(UUID ruleId, Instant now) {
        return em.createNativeQuery("UPDATE assessment_occurrence SET status = 'cancelled', ended_at = ?1"
                        + " WHERE rule_id = ?2 AND status = 'pending'")
                .setParameter(1, Timestamp.from(now)).setParameter(2, ruleId.toString()).executeUpdate();
    }

    /** What one announcement run claimed: occurrences to announce as due, then as overdue. */
    public record Claimed(List<Occurrence> due, List<Occurrence> overdue) {
    }

    /**
     * Claims up to {@code limit} pending occurrences whose window has opened and whose assessment.due was not
     * raised yet, then up to {@code limit} past their due date whose assessment.due was raised (earlier, or just
     * now) and whose assessment.overdue was not, and marks each raised, in the caller's transaction. The rows are
     * locked with {@code FOR UPDATE SKIP LOCKED}: another instance claiming at the same moment passes them over,
     * and sees them marked once this commits. The markers are plain UPDATEs of their own columns. READ COMMITTED
     * (set first, as the outbox claim does) keeps the locking reads off the gaps of the ranges they scan.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claimed claimAnnouncements(LocalDate today, Instant now, int limit) {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").executeUpdate();
        List<Occurrence> due = claim("o.due_announced_at IS NULL AND o.window_opens <= ?1", "o.window_opens",
                "due_announced_at", today, now, limit);
        List<Occurrence> overdue = claim("o.due_announced_at IS NOT NULL AND o.overdue_announced_at IS NULL"
                + " AND o.due_date < ?1", "o.due_date", "overdue_announced_at", today, now, limit);
        return new Claimed(due, overdue);
    }

    @SuppressWarnings("unchecked")
    private List<Occurrence> claim(String condition, String order, String marker, LocalDate today, Instant now,
                                   int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", NULL FROM assessment_occurrence o"
                        + " WHERE o.status = 'pending' AND " + condition + " ORDER BY " + order + ", o.id LIMIT " + limit
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, today).getResultList();
        List<Occurrence> claimed = rows.stream().map(OccurrenceRepository::occurrence).toList();
        if (!claimed.isEmpty()) {
            em.createNativeQuery("UPDATE assessment_occurrence SET " + marker + " = :now WHERE id IN (:ids)")
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("ids", claimed.stream().map(o -> o.id().toString()).toList()).executeUpdate();
        }
        return claimed;
    }

    /**
     * Pending occurrences whose window has opened, by due date (keyset on due date and id), limited by the access
     * rule in the query itself (joined on the copy of case access), so a page never holds a case the viewer does
     * not see.
     */
    @SuppressWarnings("unchecked")
    public List<Occurrence> due(DueFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", a.assignee FROM assessment_occurrence o"
                + " JOIN case_access a ON a.tenant_id = o.tenant_id AND a.case_id = o.case_id"
                + " WHERE o.tenant_id = :tenant AND o.status = 'pending' AND o.window_opens <= :today");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", filter.tenantId());
        params.put("today", filter.today());
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND o.due_date < :today" : " AND o.due_date >= :today");
        }
        if (filter.assignee() != null) {
            sql.append(" AND a.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        filter.access().ifPresent(condition -> {
            sql.append(" AND ").append(condition.text());
            params.putAll(condition.parameters());
        });
        page.after().ifPresent(after -> {
            sql.append(" AND (o.due_date > :afterDue OR (o.due_date = :afterDue AND o.id > :afterId))");
            params.put("afterDue", LocalDate.parse(after.value(0)));
            params.put("afterId", after.uuid(1).toString());
        });
        sql.append(" ORDER BY o.due_date, o.id LIMIT ").append(page.fetchSize());
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return ((List<Object[]>) query.getResultList()).stream().map(OccurrenceRepository::occurrence).toList();
    }

    private static Occurrence occurrence(Object[] r) {
        return new Occurrence(uuid(r[0]), r[1].toString(), uuid(r[2]), uuid(r[3]), uuid(r[4]), uuid(r[5]),
                new OccurrenceDates(date(r[6]), date(r[7])), r[8] == null ? null : r[8].toString());
    }

    private static UUID uuid(Object column) {
        return UUID.fromString(column.toString());
    }

    private static LocalDate date(Object column) {
        return column instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) column;
    }
}

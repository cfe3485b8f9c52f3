package app.trellis.cases.repository;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.CaseStatus;
import app.trellis.platform.access.AccessRule;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    /** List filters; {@code viewer} limits the list to the cases the access rule lets them see. */
    public record Filter(String tenantId, String assignee, CaseStatus status, UUID clientId, String program,
                         Viewer viewer) {
    }

    public Optional<CaseFile> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** Cases of one case manager by status. */
    public java.util.Map<CaseStatus, Long> countsByStatus(String tenantId, String assignee) {
        java.util.Map<CaseStatus, Long> counts = new java.util.EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            counts.put(s, 0L);
        }
        getEntityManager().createQuery("select c.status, count(c) from CaseFile c where c.tenantId = :t and c.assignee = :a"
                        + " group by c.status", Object[].class)
                .setParameter("t", tenantId).setParameter("a", assignee).getResultList()
                .forEach(row -> counts.put((CaseStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** Open tasks past due on the case manager's cases. */
    public long overdueTasks(String tenantId, String assignee, java.time.LocalDate today) {
        return getEntityManager().createQuery("select count(t) from CareTask t, CaseFile c where t.caseId = c.id"
                        + " and c.tenantId = :t and c.assignee = :a and t.status = 'open' and t.dueDate < :today", Long.class)
                .setParameter("t", tenantId).setParameter("a", assignee).setParameter("today", today).getSingleResult();
    }

    /** Open cases with no contact note (any type but addendum, not entered in error) since {@code since}. */
    public long openWithoutContactSince(String tenantId, String assignee, Instant since) {
        return getEntityManager().createQuery("select count(c) from CaseFile c where c.tenantId = :t and c.assignee = :a"
                        + " and c.status = :open and not exists (select 1 from CaseNote n where n.caseId = c.id"
                        + " and n.type <> 'addendum' and n.enteredInError = false and n.occurredAt >= :since)", Long.class)
                .setParameter("t", tenantId).setParameter("a", assignee).setParameter("open", CaseStatus.OPEN)
                .setParameter("since", since).getSingleResult();
    }

    /** Newest first, keyset on (createdAt, id). */
    public List<CaseFile> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("from CaseFile k where k.tenantId = :tenant");
        Parameters params = Parameters.with("tenant", filter.tenantId());
        if (filter.assignee() != null) {
            where.append(" and k.assignee = :assignee");
            params.and("assignee", filter.assignee());
        }
        if (filter.status() != null) {
            where.append(" and k.status = :status");
            params.and("status", filter.status());
        }
        if (filter.clientId() != null) {
            where.append(" and k.clientId = :client");
            params.and("client", filter.clientId());
        }
        if (filter.program() != null) {
            where.append(" and k.programCode = :program");
            params.and("program", filter.program());
        }
        AccessRule.caseFilter(filter.viewer(), AccessTables.CASE_AS_K, AccessTables.CONSENTS)
                .ifPresent(condition -> AccessTables.and(where, params, condition));
        page.after().ifPresent(after -> {
            where.append(" and (k.createdAt < :at or (k.createdAt = :at and k.id < :id))");
            params.and("at", after.instant(0)).and("id", after.uuid(1));
        });
        where.append(" order by k.createdAt desc, k.id desc");
        return find(where.toString(), params).page(0, page.fetchSize()).list();
    }
}

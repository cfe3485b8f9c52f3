package app.trellis.assessment.repository;

import app.trellis.assessment.domain.Assessment;
import app.trellis.platform.access.Condition;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** List filters; {@code access} is the access rule's condition over {@code case_access a} (empty: whole tenant). */
    public record Filter(String tenantId, UUID clientId, UUID caseId, Optional<Condition> access) {
    }

    /** What the service's copy of case access knows about a case. */
    public record CaseFacts(UUID clientId, String status) {
    }

    /** Assessments joined to the copy of their case's access, which the access rule's conditions name {@code a}. */
    private static final String FROM_SEEN_CASES = "SELECT x.* FROM assessment x JOIN case_access a"
            + " ON a.tenant_id = x.tenant_id AND a.case_id = x.case_id";

    /**
     * The assessment if it is in the tenant and {@code access} (the access rule over {@code case_access a}; empty
     * for the whole tenant) lets the caller see its case: the row and the rule in one query, not two.
     */
    public Optional<Assessment> findSeen(String tenantId, UUID id, Optional<Condition> access) {
        StringBuilder sql = new StringBuilder(FROM_SEEN_CASES + " WHERE x.tenant_id = :tenant AND x.id = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        params.put("id", id.toString());
        restrict(sql, params, access);
        Query query = getEntityManager().createNativeQuery(sql.toString(), Assessment.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Assessment> rows = query.getResultList();
        return rows.stream().findFirst();
    }

    public boolean isAmended(UUID id) {
        return count("revisionOf", id) > 0;
    }

    public Optional<CaseFacts> caseFacts(String tenantId, UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT client_id, status FROM case_access"
                        + " WHERE tenant_id = :tenant AND case_id = :case")
                .setParameter("tenant", tenantId).setParameter("case", caseId.toString()).getResultList();
        return rows.stream().findFirst().map(r -> new CaseFacts(UUID.fromString(r[0].toString()), r[1].toString()));
    }

    /**
     * Newest first, keyset on (createdAt, id), limited by the access rule in the query itself (joined on the
     * copy of case access), so a page never holds an assessment the viewer may not see.
     */
    @SuppressWarnings("unchecked")
    public List<Assessment> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder(FROM_SEEN_CASES + " WHERE x.tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", filter.tenantId());
        if (filter.clientId() != null) {
            sql.append(" AND x.client_id = :client");
            params.put("client", filter.clientId().toString());
        }
        if (filter.caseId() != null) {
            sql.append(" AND x.case_id = :case");
            params.put("case", filter.caseId().toString());
        }
        restrict(sql, params, filter.access());
        page.after().ifPresent(after -> {
            sql.append(" AND (x.created_at < :at OR (x.created_at = :at AND x.id < :id))");
            params.put("at", after.instant(0));
            params.put("id", after.uuid(1).toString());
        });
        sql.append(" ORDER BY x.created_at DESC, x.id DESC LIMIT ").append(page.fetchSize());
        Query query = getEntityManager().createNativeQuery(sql.toString(), Assessment.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void restrict(StringBuilder sql, Map<String, Object> params, Optional<Condition> access) {
        access.ifPresent(condition -> {
            sql.append(" AND ").append(condition.text());
            params.putAll(condition.parameters());
        });
    }
}

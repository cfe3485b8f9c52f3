package app.trellis.document.repository;

import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentStatus;
import app.trellis.platform.access.Condition;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /**
     * List filters. {@code caseAccess} is the access rule over the document's case ({@code case_access a}),
     * {@code clientAccess} over its client ({@code d.client_id}) for documents filed on the client only; both
     * empty for the whole tenant.
     */
    public record Filter(String tenantId, UUID clientId, UUID caseId, String category, Optional<Condition> caseAccess,
                         Optional<Condition> clientAccess) {
    }

    /** A document of the tenant that has not been deleted or purged. */
    public Optional<Document> active(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2 and status = ?3", id, tenantId, DocumentStatus.ACTIVE.wire())
                .firstResultOptional();
    }

    /** The same, locked until the transaction ends (adding a version numbers it from this row). */
    public Optional<Document> activeForUpdate(String tenantId, UUID id) {
        return locked("SELECT * FROM document WHERE id = ?1 AND tenant_id = ?2 AND status = ?3 FOR UPDATE", id.toString(),
                tenantId, DocumentStatus.ACTIVE.wire());
    }

    /** Any document by id, locked until the transaction ends. */
    public Optional<Document> forUpdate(UUID id) {
        return locked("SELECT * FROM document WHERE id = ?1 FOR UPDATE", id.toString());
    }

    // Native: Hibernate's MySQL dialect writes "FOR UPDATE OF <alias>", which MariaDB does not accept.
    @SuppressWarnings("unchecked")
    private Optional<Document> locked(String sql, Object... params) {
        Query query = getEntityManager().createNativeQuery(sql, Document.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((List<Document>) query.getResultList()).stream().findFirst();
    }

    /**
     * Active documents, newest first, keyset on (createdAt, id), limited by the access rule in the query itself so a
     * page never holds a document the viewer may not see.
     */
    @SuppressWarnings("unchecked")
    public List<Document> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT d.* FROM document d LEFT JOIN case_access a"
                + " ON a.tenant_id = d.tenant_id AND a.case_id = d.case_id WHERE d.tenant_id = :tenant AND d.status = '"
                + DocumentStatus.ACTIVE.wire() + "'");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", filter.tenantId());
        if (filter.clientId() != null) {
            sql.append(" AND d.client_id = :client");
            params.put("client", filter.clientId().toString());
        }
        if (filter.caseId() != null) {
            sql.append(" AND d.case_id = :case");
            params.put("case", filter.caseId().toString());
        }
        if (filter.category() != null) {
            sql.append(" AND d.category = :category");
            params.put("category", filter.category());
        }
        if (filter.caseAccess().isPresent()) {
            Condition onCase = filter.caseAccess().get();
            Condition onClient = filter.clientAccess().orElseThrow();
            sql.append(" AND ((d.case_id IS NOT NULL AND a.case_id IS NOT NULL AND ").append(onCase.text())
                    .append(") OR (d.case_id IS NULL AND ").append(onClient.text()).append("))");
            // Both conditions come from the same viewer, so parameters they share have the same values.
            params.putAll(onCase.parameters());
            params.putAll(onClient.parameters());
        }
        page.after().ifPresent(after -> {
            sql.append(" AND (d.created_at < :at OR (d.created_at = :at AND d.id < :id))");
            params.put("at", after.instant(0));
            params.put("id", after.uuid(1).toString());
        });
        sql.append(" ORDER BY d.created_at DESC, d.id DESC LIMIT ").append(page.fetchSize());
        Query query = getEntityManager().createNativeQuery(sql.toString(), Document.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Starts the retention clock of a closed case's documents; a later close never moves it. */
    public int startRetention(String tenantId, UUID caseId, Instant retainUntil) {
        return update("retainUntil = ?1 where tenantId = ?2 and caseId = ?3 and retainUntil is null", retainUntil,
                tenantId, caseId);
    }

    /** Deleted documents whose retention passed and that no legal hold keeps. */
    public List<Document> purgeable(Instant now, int limit) {
        return find("status = ?1 and retainUntil <= ?2 and legalHold = false", DocumentStatus.DELETED.wire(), now)
                .page(0, limit).list();
    }
}

package app.trellis.document.repository;

import app.trellis.document.domain.Document;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /** Newest first; keyset on (createdAt, id) so equal timestamps never skip or repeat a row. */
    public List<Document> page(String tenantId, Optional<UUID> caseId, PageRequest page) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        caseId.ifPresent(id -> {
            where.append(" and caseId = :caseId");
            params.and("caseId", id);
        });
        page.after().ifPresent(after -> {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", after.instant(0)).and("id", after.uuid(1));
        });
        return find(where.toString(), Sort.descending("createdAt", "id"), params).page(0, page.fetchSize()).list();
    }
}

package app.trellis.cases.repository;

import app.trellis.cases.domain.CaseNote;
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
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNote, UUID> {

    public Optional<CaseNote> findOnCase(UUID caseId, UUID noteId) {
        return find("id = ?1 and caseId = ?2", noteId, caseId).firstResultOptional();
    }

    /** Oldest first, the way a record is read; keyset on (createdAt, id). */
    public List<CaseNote> page(UUID caseId, PageRequest page) {
        StringBuilder where = new StringBuilder("caseId = :case");
        Parameters params = Parameters.with("case", caseId);
        page.after().ifPresent(after -> {
            where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.and("at", after.instant(0)).and("id", after.uuid(1));
        });
        return find(where.toString(), Sort.by("createdAt").and("id"), params).page(0, page.fetchSize()).list();
    }
}

package app.trellis.cases.repository;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.CaseStatus;
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
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    /** List filters; {@code workedBy} restricts a case manager to their own and their team's cases. */
    public record Filter(String tenantId, String assignee, CaseStatus status, UUID clientId, String program,
                         Optional<ClientRepository.Visibility> workedBy) {
    }

    public Optional<CaseFile> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** Newest first, keyset on (createdAt, id). */
    public List<CaseFile> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", filter.tenantId());
        if (filter.assignee() != null) {
            where.append(" and assignee = :assignee");
            params.and("assignee", filter.assignee());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.clientId() != null) {
            where.append(" and clientId = :client");
            params.and("client", filter.clientId());
        }
        if (filter.program() != null) {
            where.append(" and programCode = :program");
            params.and("program", filter.program());
        }
        filter.workedBy().ifPresent(v -> {
            where.append(" and (assignee = :me or (team is not null and team = :team))");
            params.and("me", v.user()).and("team", v.team() == null ? "" : v.team());
        });
        page.after().ifPresent(after -> {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", Instant.parse(after.value(0))).and("id", UUID.fromString(after.value(1)));
        });
        return find(where.toString(), Sort.descending("createdAt", "id"), params).page(0, page.fetchSize()).list();
    }
}

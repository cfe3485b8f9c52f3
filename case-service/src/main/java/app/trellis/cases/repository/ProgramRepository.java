package app.trellis.cases.repository;

import app.trellis.cases.domain.Program;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query is scoped by tenant: another tenant's program simply does not exist here. */
@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

    public Optional<Program> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    public boolean codeTaken(String tenantId, String code) {
        return count("tenantId = ?1 and code = ?2", tenantId, code) > 0;
    }

    /** Keyset page ordered by code, which is unique per tenant. */
    public List<Program> page(String tenantId, PageRequest page) {
        var query = page.after()
                .map(after -> find("tenantId = ?1 and code > ?2", Sort.by("code"), tenantId, after.value(0)))
                .orElseGet(() -> find("tenantId = ?1", Sort.by("code"), tenantId));
        return query.page(0, page.fetchSize()).list();
    }
}

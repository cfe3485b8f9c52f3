package app.trellis.cases.repository;

import app.trellis.cases.domain.EmergencyAccess;
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
public class EmergencyAccessRepository implements PanacheRepositoryBase<EmergencyAccess, UUID> {

    /** The grantee's live grant on the case, if any. */
    public Optional<EmergencyAccess> active(String tenantId, String grantee, UUID caseId, Instant now) {
        return find("tenantId = ?1 and grantee = ?2 and caseId = ?3 and expiresAt > ?4", Sort.descending("expiresAt"),
                tenantId, grantee, caseId, now).firstResultOptional();
    }

    /** Whether the grantee holds a live grant on any case of the client. */
    public Optional<EmergencyAccess> activeForClient(String tenantId, String grantee, UUID clientId, Instant now) {
        return find("tenantId = ?1 and grantee = ?2 and clientId = ?3 and expiresAt > ?4", Sort.descending("expiresAt"),
                tenantId, grantee, clientId, now).firstResultOptional();
    }

    public Optional<EmergencyAccess> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** Newest first; keyset on (createdAt, id) descending. */
    public List<EmergencyAccess> page(String tenantId, Boolean reviewed, PageRequest page) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        if (reviewed != null) {
            where.append(" and reviewedAt is ").append(reviewed ? "not null" : "null");
        }
        page.after().ifPresent(after -> {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", Instant.parse(after.value(0))).and("id", UUID.fromString(after.value(1)));
        });
        return find(where.toString(), Sort.descending("createdAt", "id"), params).page(0, page.fetchSize()).list();
    }
}

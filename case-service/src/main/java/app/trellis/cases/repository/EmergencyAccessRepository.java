package app.trellis.cases.repository;

import app.trellis.cases.domain.EmergencyAccess;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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

    public List<EmergencyAccess> list(String tenantId, Boolean reviewed) {
        if (reviewed == null) {
            return list("tenantId", Sort.descending("createdAt"), tenantId);
        }
        return list("tenantId = ?1 and reviewedAt is " + (reviewed ? "not null" : "null"), Sort.descending("createdAt"),
                tenantId);
    }
}

package app.trellis.cases.repository;

import app.trellis.cases.domain.Consent;
import app.trellis.platform.access.SharingConsent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /** The client's data-sharing consents, as the access rule reads them. */
    public List<SharingConsent> sharingOf(String tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 and type = ?3", tenantId, clientId, Consent.DATA_SHARING).stream()
                .map(Consent::sharing).toList();
    }

    public List<Consent> ofClient(String tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", Sort.by("createdAt").and("id"), tenantId, clientId);
    }

    public Optional<Consent> findOfClient(String tenantId, UUID clientId, UUID id) {
        return find("id = ?1 and tenantId = ?2 and clientId = ?3", id, tenantId, clientId).firstResultOptional();
    }
}

package app.trellis.cases.repository;

import app.trellis.cases.domain.Consent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /**
     * JPQL condition: the client at {@code clientPath} has a data-sharing consent naming {@code :partner}
     * in force on {@code :today}. Binds {@code :tenant}, {@code :partner} and {@code :today}.
     */
    public static String sharedWithPartner(String clientPath) {
        return "exists (select 1 from Consent s where s.tenantId = :tenant and s.clientId = " + clientPath
                + " and s.type = '" + Consent.DATA_SHARING + "' and s.partner = :partner and s.status = 'granted'"
                + " and s.effectiveDate <= :today and (s.expiryDate is null or s.expiryDate >= :today))";
    }

    /** Whether the client has a data-sharing consent for this partner in force on that day. */
    public boolean sharedWith(String tenantId, UUID clientId, String partner, LocalDate today) {
        return getEntityManager().createQuery("select count(c) from Client c where c.id = :client and c.tenantId = :tenant"
                        + " and " + sharedWithPartner("c.id"), Long.class)
                .setParameter("client", clientId).setParameter("tenant", tenantId).setParameter("partner", partner)
                .setParameter("today", today).getSingleResult() > 0;
    }

    public List<Consent> ofClient(String tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2", Sort.by("createdAt").and("id"), tenantId, clientId);
    }

    public Optional<Consent> findOfClient(String tenantId, UUID clientId, UUID id) {
        return find("id = ?1 and tenantId = ?2 and clientId = ?3", id, tenantId, clientId).firstResultOptional();
    }
}

package app.trellis.cases.repository;

import app.trellis.cases.domain.Client;
import app.trellis.platform.access.AccessRule;
import app.trellis.platform.access.Responsibility;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenant-scoped client queries; identifiers are only ever compared through their blind indexes. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    /** Filters of a search, already reduced to what the table can compare. */
    public record Filter(String tenantId, String namePrefix, String birthDateIndex, String ssnIndex,
                         String medicaidIndex, String plainIdentifier, Viewer viewer) {
    }

    public Optional<Client> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** Who answers for each case of the client: what the access rule needs to decide on the client. */
    public List<Responsibility> casesOf(String tenantId, UUID clientId) {
        return getEntityManager().createQuery("select new app.trellis.platform.access.Responsibility(k.assignee, k.team)"
                        + " from CaseFile k where k.tenantId = :tenant and k.clientId = :client", Responsibility.class)
                .setParameter("tenant", tenantId).setParameter("client", clientId).getResultList();
    }

    /** Keyset page ordered by (family name, given name, id). */
    public List<Client> search(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("from Client c where c.tenantId = :tenant");
        Parameters params = Parameters.with("tenant", filter.tenantId());
        if (filter.namePrefix() != null) {
            where.append(" and (c.familyName like :name or c.givenName like :name or c.preferredName like :name)");
            params.and("name", escapeLike(filter.namePrefix()) + "%");
        }
        if (filter.birthDateIndex() != null) {
            where.append(" and c.birthDateIdx = :birth");
            params.and("birth", filter.birthDateIndex());
        }
        if (filter.plainIdentifier() != null) {
            where.append(" and (c.ssnIdx = :ssn or c.medicaidIdx = :medicaid or c.legacyId = :plain or c.externalId = :plain)");
            params.and("ssn", filter.ssnIndex()).and("medicaid", filter.medicaidIndex()).and("plain", filter.plainIdentifier());
        }
        AccessRule.clientFilter(filter.viewer(), AccessTables.CLIENT_AS_C, AccessTables.CASES, AccessTables.CONSENTS)
                .ifPresent(condition -> AccessTables.and(where, params, condition));
        // The cursor holds only the last client's id (names in a URL end up in proxy logs and browser
        // history); its sort key is read back here. Another tenant's id finds no row, so no page.
        page.after().ifPresent(after -> {
            where.append(" and exists (select 1 from Client p where p.id = :after and p.tenantId = :tenant and"
                    + " (c.familyName > p.familyName or (c.familyName = p.familyName and (c.givenName > p.givenName"
                    + " or (c.givenName = p.givenName and c.id > p.id)))))");
            params.and("after", after.uuid(0));
        });
        where.append(" order by c.familyName, c.givenName, c.id");
        return find(where.toString(), params).page(0, page.fetchSize()).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package app.trellis.cases.repository;

import app.trellis.cases.domain.Client;
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
                         String medicaidIndex, String plainIdentifier, Optional<Visibility> onlyVisibleTo) {
    }

    public Optional<Client> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** Whether the case manager (or their team) works a case of this client. */
    public boolean worksACaseOf(String tenantId, UUID clientId, Visibility v) {
        return getEntityManager().createQuery("select count(k) from CaseFile k where k.tenantId = :tenant and k.clientId = :client"
                        + " and (k.assignee = :me or (k.team is not null and k.team = :team))", Long.class)
                .setParameter("tenant", tenantId).setParameter("client", clientId).setParameter("me", v.user())
                .setParameter("team", v.teamOrNone()).getSingleResult() > 0;
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
        filter.onlyVisibleTo().ifPresent(v -> {
            if (v.forPartner()) {
                where.append(" and ").append(ConsentRepository.sharedWithPartner("c.id"));
                params.and("partner", v.partner()).and("today", v.today());
                return;
            }
            where.append(" and (c.registeredBy = :me or (c.team is not null and c.team = :team) or exists (select 1 from"
                    + " CaseFile k where k.clientId = c.id and k.tenantId = :tenant"
                    + " and (k.assignee = :me or (k.team is not null and k.team = :team))))");
            params.and("me", v.user()).and("team", v.teamOrNone());
        });
        page.after().ifPresent(after -> {
            where.append(" and (c.familyName > :f or (c.familyName = :f and (c.givenName > :g or (c.givenName = :g and c.id > :id))))");
            params.and("f", after.value(0)).and("g", after.value(1)).and("id", UUID.fromString(after.value(2)));
        });
        where.append(" order by c.familyName, c.givenName, c.id");
        return find(where.toString(), params).page(0, page.fetchSize()).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

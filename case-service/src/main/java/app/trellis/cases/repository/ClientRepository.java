package app.trellis.cases.repository;

import app.trellis.cases.domain.Client;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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

    /** A case manager's view: what they or their team registered. */
    public record Visibility(String user, String team) {
    }

    public Optional<Client> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    public boolean externalIdTaken(String tenantId, String externalId) {
        return count("tenantId = ?1 and externalId = ?2", tenantId, externalId) > 0;
    }

    /** Keyset page ordered by (family name, given name, id). */
    public List<Client> search(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", filter.tenantId());
        if (filter.namePrefix() != null) {
            where.append(" and (familyName like :name or givenName like :name or preferredName like :name)");
            params.and("name", escapeLike(filter.namePrefix()) + "%");
        }
        if (filter.birthDateIndex() != null) {
            where.append(" and birthDateIdx = :birth");
            params.and("birth", filter.birthDateIndex());
        }
        if (filter.plainIdentifier() != null) {
            where.append(" and (ssnIdx = :ssn or medicaidIdx = :medicaid or legacyId = :plain or externalId = :plain)");
            params.and("ssn", filter.ssnIndex()).and("medicaid", filter.medicaidIndex()).and("plain", filter.plainIdentifier());
        }
        filter.onlyVisibleTo().ifPresent(v -> {
            where.append(" and (registeredBy = :me or (team is not null and team = :team))");
            params.and("me", v.user()).and("team", v.team() == null ? "" : v.team());
        });
        page.after().ifPresent(after -> {
            where.append(" and (familyName > :f or (familyName = :f and (givenName > :g or (givenName = :g and id > :id))))");
            params.and("f", after.value(0)).and("g", after.value(1)).and("id", UUID.fromString(after.value(2)));
        });
        return find(where.toString(), Sort.by("familyName").and("givenName").and("id"), params)
                .page(0, page.fetchSize()).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package app.trellis.assessment.repository;

import app.trellis.assessment.domain.Instrument;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant sees its own instruments and the shared library, never another tenant's. */
@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, UUID> {

    private static final String VISIBLE = "(tenantId = ?1 or tenantId is null)";

    /** Keyset page ordered by (code, id): a tenant instrument may share its code with a library one. */
    public List<Instrument> page(String tenantId, PageRequest page) {
        Sort order = Sort.by("code").and("id");
        var query = page.after()
                .map(after -> find(VISIBLE + " and (code > ?2 or (code = ?2 and id > ?3))", order, tenantId,
                        after.value(0), after.uuid(1)))
                .orElseGet(() -> find(VISIBLE, order, tenantId));
        return query.page(0, page.fetchSize()).list();
    }

    /** The instrument if the tenant sees it (its own or the shared library's). */
    public Optional<Instrument> visible(String tenantId, UUID id) {
        return find("id = ?1 and " + VISIBLE.replace("?1", "?2"), id, tenantId).firstResultOptional();
    }

    /** A shared-library instrument under a fixed id; a second call (another instance, a restart) does nothing. */
    public void insertLibraryInstrument(UUID id, String code, String title, Instant now) {
        getEntityManager().createNativeQuery("INSERT IGNORE INTO instrument (id, tenant_id, code, title, created_at)"
                        + " VALUES (?1, NULL, ?2, ?3, ?4)")
                .setParameter(1, id.toString()).setParameter(2, code).setParameter(3, title).setParameter(4, now)
                .executeUpdate();
    }
}

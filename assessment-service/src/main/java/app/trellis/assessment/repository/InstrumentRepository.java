package app.trellis.assessment.repository;

import app.trellis.assessment.domain.Instrument;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
}

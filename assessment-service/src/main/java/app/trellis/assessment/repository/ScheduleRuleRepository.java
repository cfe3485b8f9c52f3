package app.trellis.assessment.repository;

import app.trellis.assessment.domain.ScheduleRule;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ScheduleRuleRepository implements PanacheRepositoryBase<ScheduleRule, UUID> {

    public Optional<ScheduleRule> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** The active rules a case of {@code program} follows. */
    public List<ScheduleRule> activeFor(String tenantId, String program) {
        return list("tenantId = ?1 and program = ?2 and active = true", tenantId, program);
    }

    /** Keyset page ordered by (program, id); {@code program} null for every program. */
    public List<ScheduleRule> page(String tenantId, String program, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = ?1");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        if (program != null) {
            params.add(program);
            query.append(" and program = ?").append(params.size());
        }
        page.after().ifPresent(after -> {
            params.add(after.value(0));
            params.add(after.uuid(1));
            int p = params.size() - 1;
            query.append(" and (program > ?").append(p).append(" or (program = ?").append(p).append(" and id > ?")
                    .append(p + 1).append("))");
        });
        return find(query.toString(), Sort.by("program").and("id"), params.toArray()).page(0, page.fetchSize()).list();
    }
}

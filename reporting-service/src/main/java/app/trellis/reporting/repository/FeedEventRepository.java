package app.trellis.reporting.repository;

import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.FeedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class FeedEventRepository implements PanacheRepositoryBase<FeedEvent, Long> {

    /** Oldest first from the bookmark: a consumer replays from any position it kept. */
    public List<FeedEvent> after(String tenantId, long position, PageRequest page) {
        return find("tenantId = ?1 and position > ?2", Sort.by("position"), tenantId, position)
                .page(0, page.fetchSize()).list();
    }
}

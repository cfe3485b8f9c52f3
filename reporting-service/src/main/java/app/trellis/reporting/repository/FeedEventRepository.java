package app.trellis.reporting.repository;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.FeedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class FeedEventRepository implements PanacheRepositoryBase<FeedEvent, Long> {

    /** Stores an accepted event; a second copy of the same event id is ignored (the unique key decides). */
    public void append(CloudEvent event, String envelope) {
        getEntityManager().createNativeQuery("INSERT IGNORE INTO feed_event (event_id, tenant_id, type, subject,"
                        + " occurred_at, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, event.id()).setParameter(2, event.tenantid()).setParameter(3, event.type())
                .setParameter(4, event.subject() == null ? "" : event.subject())
                .setParameter(5, event.time() == null ? Instant.now() : event.time())
                .setParameter(6, envelope).executeUpdate();
    }

    /** Oldest first from the bookmark: a consumer replays from any position it kept. */
    public List<FeedEvent> after(String tenantId, long position, PageRequest page) {
        return find("tenantId = ?1 and position > ?2", Sort.by("position"), tenantId, position)
                .page(0, page.fetchSize()).list();
    }
}

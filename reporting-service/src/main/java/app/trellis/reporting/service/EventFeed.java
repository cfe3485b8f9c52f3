package app.trellis.reporting.service;

import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.FeedEvent;
import app.trellis.reporting.repository.FeedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The replayable feed for external consumers; filling it from SQS arrives with the reporting issue. */
@ApplicationScoped
public class EventFeed {

    @Inject
    FeedEventRepository events;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FeedEvent> read(String tenantId, PageRequest page) {
        long after = page.after().map(c -> c.number(0)).orElse(0L);
        return page.toPage(events.after(tenantId, after, page), e -> Cursor.of(Long.toString(e.position())));
    }
}

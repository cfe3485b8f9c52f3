package app.trellis.reporting.service;

import app.trellis.platform.access.Condition;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.reporting.domain.FeedEvent;
import app.trellis.reporting.domain.FeedItem;
import app.trellis.reporting.domain.FeedReader;
import app.trellis.reporting.event.CaseAccessRecorder;
import app.trellis.reporting.repository.FeedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The replayable feed for external consumers: a tenant's events by their place in its feed, narrowed to what the
 * reader receives (its types; for a partner, the clients whose data-sharing consent names it, as of today) and
 * shown as the reader may see them ({@link FeedView}).
 */
@ApplicationScoped
public class EventFeed {

    @Inject
    FeedEventRepository events;
    @Inject
    CaseAccessRecorder access;
    @Inject
    FeedView view;
    @Inject
    Clock clock;

    /** The page after {@code after} (0: from the beginning), of the requested types (empty: all the reader gets). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FeedItem> read(FeedReader reader, long after, Set<String> requested, PageRequest page) {
        List<FeedItem> items = entries(reader, after, requested, page.fetchSize()).stream()
                .map(e -> view.present(reader, e)).toList();
        return page.toPage(items, item -> Cursor.of(Long.toString(item.position())));
    }

    /** The reader's next entries after {@code after}, as stored (delivery presents them itself). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedEvent> entries(FeedReader reader, long after, Set<String> requested, int limit) {
        for (String type : requested) {
            if (!reader.receives(type)) {
                throw ProblemException.badRequest("types", "includes a type this subscriber does not receive");
            }
        }
        Set<String> types = requested.isEmpty() ? reader.types() : requested;
        return events.after(reader.tenant(), after, types, scope(reader), limit);
    }

    private Optional<Condition> scope(FeedReader reader) {
        if (!reader.partner()) {
            return Optional.empty();
        }
        return access.clientFilter(Viewer.partner(reader.tenant(), reader.subscriber(), LocalDate.now(clock)),
                "f.client_id");
    }
}

package app.trellis.reporting.service;

import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.reporting.domain.ClientAccess;
import app.trellis.reporting.repository.AuditTrailRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** "Who saw or changed this client's data, where, when and why", across every service that publishes its audit. */
@ApplicationScoped
public class ClientAccesses {

    private static final int EXPORT_PAGE = 1000;

    @Inject
    AuditTrailRepository trail;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClientAccess> page(String tenant, UUID clientId, PageRequest page) {
        return page.toPage(trail.accesses(tenant, clientId.toString(), page.after(), page.fetchSize()),
                ClientAccesses::cursorOf);
    }

    /** Every access, newest first, read a page at a time (an export may be long). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void each(String tenant, UUID clientId, Consumer<ClientAccess> sink) {
        Optional<Cursor> after = Optional.empty();
        while (true) {
            List<ClientAccess> rows = trail.accesses(tenant, clientId.toString(), after, EXPORT_PAGE);
            rows.forEach(sink);
            if (rows.size() < EXPORT_PAGE) {
                return;
            }
            after = Optional.of(cursorOf(rows.get(rows.size() - 1)));
        }
    }

    private static Cursor cursorOf(ClientAccess a) {
        return Cursor.of(a.occurredAt().toString(), a.source(), Long.toString(a.position()));
    }
}

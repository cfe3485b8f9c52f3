package app.trellis.reporting.repository;

import app.trellis.platform.access.Condition;
import app.trellis.platform.event.CloudEvent;
import app.trellis.reporting.domain.FeedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class FeedEventRepository implements PanacheRepositoryBase<FeedEvent, Long> {

    @Inject
    FeedSequencer sequencer;

    /**
     * Stores an accepted event, numbered in its tenant's feed when the transaction commits; a second copy of the
     * same event id is ignored (the unique key decides).
     */
    public void append(CloudEvent event, String clientId, String envelope) {
        int inserted = getEntityManager().createNativeQuery("INSERT IGNORE INTO feed_event (event_id, tenant_id, type,"
                        + " subject, client_id, occurred_at, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, event.id()).setParameter(2, event.tenantid()).setParameter(3, event.type())
                .setParameter(4, event.subject() == null ? "" : event.subject()).setParameter(5, clientId)
                .setParameter(6, event.time() == null ? Instant.now() : event.time())
                .setParameter(7, envelope).executeUpdate();
        if (inserted == 1) {
            sequencer.numberAtCommit(event.tenantid(), event.id());
        }
    }

    /**
     * Oldest first after the bookmark, of the given types (all when empty) and within {@code scope} (a condition
     * over {@code f.client_id}; none for the whole tenant): a consumer replays from any position it kept.
     */
    @SuppressWarnings("unchecked")
    public List<FeedEvent> after(String tenantId, long sequence, Set<String> types, Optional<Condition> scope,
                                 int limit) {
        StringBuilder sql = new StringBuilder("SELECT f.* FROM feed_event f WHERE f.tenant_id = :tenant"
                + " AND f.sequence > :after");
        Map<String, Object> params = new HashMap<>(Map.of("tenant", tenantId, "after", sequence));
        if (!types.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String type : types) {
                names.add(":type" + names.size());
                params.put("type" + (names.size() - 1), type);
            }
            sql.append(" AND f.type IN (").append(String.join(", ", names)).append(')');
        }
        scope.ifPresent(condition -> {
            sql.append(" AND ").append(condition.text());
            params.putAll(condition.parameters());
        });
        sql.append(" ORDER BY f.sequence LIMIT ").append(limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), FeedEvent.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}

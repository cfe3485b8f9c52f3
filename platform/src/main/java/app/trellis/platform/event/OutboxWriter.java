package app.trellis.platform.event;

import app.trellis.platform.jdbc.AfterCommit;
import app.trellis.platform.jdbc.Jdbc;
import app.trellis.platform.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the outbox inside the caller's transaction: the event exists exactly when the
 * change it describes committed. Producers call this from their use cases; they never talk to SQS.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    OutboxStore store;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    OutboxRelay relay;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Marks a transaction that already wakes the relay when it commits (one wake-up per transaction). */
    private static final Object WAKES_RELAY = new Object();

    /**
     * @param aggregateType e.g. {@code case}; with the id it forms the CloudEvents {@code subject}
     * @param type          e.g. {@code app.trellis.case.opened.v1}
     * @param data          a contract record; ids and codes only, never free text
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String aggregateType, String aggregateId, String tenant, String type, Object data) {
        return write(aggregateType, aggregateId, store.nextSequence(aggregateType, aggregateId), true, tenant, type,
                data);
    }

    /**
     * {@link #append} for an aggregate whose optimistic version every change with an event advances (a JPA
     * {@code @Version}, 0 when first written): the version after the change numbers the event ({@code version + 1},
     * as sequences start at 1), so no sequence row is upserted and locked: one round trip less per event. The
     * numbers may have gaps (changes without events); consumers only order by them, they never count them. Only
     * one such event per change: two events of one change would share a number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent appendAtVersion(String aggregateType, String aggregateId, long version, String tenant,
                                      String type, Object data) {
        return write(aggregateType, aggregateId, version + 1, true, tenant, type, data);
    }

    /**
     * For a stream that numbers itself (the audit chain's position): the relay may send these out of order
     * and in parallel, and consumers order them by {@code sequence}. Sequence numbers must be unique per
     * aggregate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent appendNumbered(String aggregateType, String aggregateId, long sequence, String tenant,
                                     String type, Object data) {
        return write(aggregateType, aggregateId, sequence, false, tenant, type, data);
    }

    /**
     * {@link #appendNumbered} for a writer that runs its own transaction on its own connection (the audit
     * appender): the row as a statement, to be sent with that transaction's other statements.
     */
    public Jdbc.Statement numberedRow(String aggregateType, String aggregateId, long sequence, String tenant,
                                      String type, Object data) {
        Instant now = clock.instant();
        CloudEvent event = event(aggregateType, aggregateId, sequence, tenant, type, data, now);
        return OutboxStore.insertStatement(event, aggregateType, aggregateId, false, envelope(event), now);
    }

    private CloudEvent write(String aggregateType, String aggregateId, long sequence, boolean orderedDelivery,
                             String tenant, String type, Object data) {
        Instant now = clock.instant();
        CloudEvent event = event(aggregateType, aggregateId, sequence, tenant, type, data, now);
        store.insert(event, aggregateType, aggregateId, orderedDelivery, envelope(event), RequestIds.traceParent(),
                RequestIds.current(), now);
        wakeRelayAfterCommit();
        return event;
    }

    private CloudEvent event(String aggregateType, String aggregateId, long sequence, String tenant, String type,
                             Object data, Instant now) {
        return CloudEvent.of("/trellis/" + service, type, aggregateType + "/" + aggregateId, now, tenant, sequence,
                json.valueToTree(data));
    }

    private String envelope(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event is not serializable: " + event.type(), e);
        }
    }

    /**
     * The relay would find the row at its next poll anyway; waking it when the transaction commits takes
     * the poll interval out of the event's latency. Never before the commit: the row is invisible until then.
     */
    private void wakeRelayAfterCommit() {
        AfterCommit.runOnce(transactions, WAKES_RELAY, relay::wake);
    }
}

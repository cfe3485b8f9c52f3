package app.trellis.platform.event;

import app.trellis.platform.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * @param aggregateType e.g. {@code case}; with the id it forms the CloudEvents {@code subject}
     * @param type          e.g. {@code app.trellis.case.opened.v1}
     * @param data          a contract record; ids and codes only, never free text
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String aggregateType, String aggregateId, String tenant, String type, Object data) {
        Instant now = clock.instant();
        long sequence = store.nextSequence(aggregateType, aggregateId);
        CloudEvent event = CloudEvent.of("/trellis/" + service, type, aggregateType + "/" + aggregateId, now, tenant,
                sequence, json.valueToTree(data));
        try {
            store.insert(event, aggregateType, aggregateId, json.writeValueAsString(event), RequestIds.traceParent(),
                    RequestIds.current(), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event is not serializable: " + type, e);
        }
        return event;
    }
}

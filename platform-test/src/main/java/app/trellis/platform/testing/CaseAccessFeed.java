package app.trellis.platform.testing;

import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.contracts.CaseClosedV1;
import app.trellis.platform.contracts.CaseOpenedV1;
import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventConsumer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Case events as case-service publishes them, sent through this service's real queue and consumed by hand,
 * so tests change who sees a case exactly as production does.
 */
public final class CaseAccessFeed {

    /** The consumer queue of the service under test, from its configuration. */
    public static String queue() {
        return ConfigProvider.getConfig().getValue("trellis.messaging.consumer-queue", String.class);
    }

    private final EventConsumer consumer;
    private final ObjectMapper json;

    public CaseAccessFeed(EventConsumer consumer, ObjectMapper json) {
        this.consumer = consumer;
        this.json = json;
    }

    /** The whole access state of a case after its {@code sequence}-th change. */
    public CloudEvent access(String tenant, UUID caseId, UUID clientId, long sequence, String assigneeUser, String team,
                             String status) {
        return CloudEvent.of("/trellis/case-service", CaseAccessChangedV1.TYPE, "case/" + caseId, Instant.now(), tenant,
                sequence, json.valueToTree(new CaseAccessChangedV1(caseId, clientId,
                        TestTokens.subjectOf(assigneeUser), team, status)));
    }

    /** A data-sharing consent naming {@code partner}, in force from today. */
    public CloudEvent sharing(String tenant, UUID clientId, long sequence, String partner, String status) {
        return CloudEvent.of("/trellis/case-service", ConsentChangedV1.TYPE, "client/" + clientId, Instant.now(), tenant,
                sequence, json.valueToTree(new ConsentChangedV1(UUID.nameUUIDFromBytes((clientId + partner).getBytes()),
                        clientId, "data-sharing", partner, status, LocalDate.now(ZoneOffset.UTC), null)));
    }

    /** {@code case.opened} at {@code at} (the event's time is when the case opened). */
    public CloudEvent opened(String tenant, UUID caseId, UUID clientId, String program, Instant at, long sequence) {
        return CloudEvent.of("/trellis/case-service", CaseOpenedV1.TYPE, "case/" + caseId, at, tenant, sequence,
                json.valueToTree(new CaseOpenedV1(caseId, clientId, program, "nora")));
    }

    public CloudEvent closed(String tenant, UUID caseId, UUID clientId, String program, Instant at, long sequence) {
        return CloudEvent.of("/trellis/case-service", CaseClosedV1.TYPE, "case/" + caseId, at, tenant, sequence,
                json.valueToTree(new CaseClosedV1(caseId, clientId, program)));
    }

    /** Sends the events and consumes until the queue is quiet. */
    public void send(List<CloudEvent> events) {
        try {
            for (CloudEvent event : events) {
                MessageQueues.shared().send(queue(), json.writeValueAsString(event));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ConsumeUntilQuiet.poll(consumer);
    }

    public void send(CloudEvent... events) {
        send(List.of(events));
    }
}

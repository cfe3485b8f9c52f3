package app.trellis.reporting.event;

import app.trellis.platform.contracts.AuditRecordedV1;
import app.trellis.platform.contracts.AuditSealedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import app.trellis.reporting.repository.AuditTrailRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every service's published audit records (a sealed run of them per event, or one from older producers):
 * the consolidated trail auditors will query across services, and a copy of each chain (hashes included)
 * outside the database that produced it.
 */
@ApplicationScoped
public class AuditTrailRecorder implements EventHandler {

    @Inject
    AuditTrailRepository trail;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Override
    public boolean handles(String type) {
        return AuditRecordedV1.TYPE.equals(type) || AuditSealedV1.TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        // Read field by field, not into the record: a newer producer may add fields (tolerant reader).
        JsonNode data = event.data();
        List<AuditTrailRepository.Row> rows = new ArrayList<>();
        if (AuditSealedV1.TYPE.equals(event.type())) {
            data.path("records").forEach(record -> rows.add(row(record)));
        } else {
            rows.add(row(data));
        }
        trail.append(event, rows, clock.instant());
    }

    private AuditTrailRepository.Row row(JsonNode record) {
        try {
            return new AuditTrailRepository.Row(record.path("position").asLong(), record.path("recordId").asText(),
                    record.path("previousHash").asText(), record.path("hash").asText(), record.path("clientId").asText(null),
                    Instant.parse(record.path("occurredAt").asText()), json.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }
}

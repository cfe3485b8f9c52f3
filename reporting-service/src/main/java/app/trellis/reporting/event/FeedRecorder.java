package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import app.trellis.reporting.repository.FeedEventRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Every event reporting receives becomes the next entry of its tenant's external feed, except audit
 * records: who looked at which client is for auditors ({@link AuditTrailRecorder}), not for partners.
 * Each entry is filed under the client it is about (named in the event, or the client of its case), which
 * is what partner subscribers are scoped by.
 */
@ApplicationScoped
public class FeedRecorder implements EventHandler {

    private static final String AUDIT_PREFIX = "app.trellis.audit.";
    private static final String CLIENT_SUBJECT = "client/";

    @Inject
    FeedEventRepository feed;
    @Inject
    CaseAccessRecorder cases;
    @Inject
    ObjectMapper json;

    @Override
    public boolean handles(String type) {
        return type.startsWith(CloudEvent.TYPE_PREFIX) && !type.startsWith(AUDIT_PREFIX);
    }

    @Override
    public void handle(CloudEvent event) {
        try {
            feed.append(event, clientOf(event).map(UUID::toString).orElse(null), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    private Optional<UUID> clientOf(CloudEvent event) {
        JsonNode data = event.data() == null ? json.nullNode() : event.data();
        Optional<UUID> named = uuid(data.path("clientId").asText(null));
        if (named.isPresent()) {
            return named;
        }
        if (event.subject() != null && event.subject().startsWith(CLIENT_SUBJECT)) {
            return uuid(event.subject().substring(CLIENT_SUBJECT.length()));
        }
        return uuid(data.path("caseId").asText(null)).flatMap(caseId -> cases.clientOf(event.tenantid(), caseId));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

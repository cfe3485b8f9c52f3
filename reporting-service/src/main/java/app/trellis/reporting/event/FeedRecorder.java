package app.trellis.reporting.event;

import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import app.trellis.reporting.repository.FeedEventRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every event reporting receives becomes the next entry of its tenant's external feed, except audit
 * records: who looked at which client is for auditors ({@link AuditTrailRecorder}), not for partners.
 */
@ApplicationScoped
public class FeedRecorder implements EventHandler {

    private static final String AUDIT_PREFIX = "app.trellis.audit.";

    @Inject
    FeedEventRepository feed;
    @Inject
    ObjectMapper json;

    @Override
    public boolean handles(String type) {
        return type.startsWith(CloudEvent.TYPE_PREFIX) && !type.startsWith(AUDIT_PREFIX);
    }

    @Override
    public void handle(CloudEvent event) {
        try {
            feed.append(event, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }
}

package app.trellis.document.event;

import app.trellis.document.service.DocumentRetention;
import app.trellis.platform.contracts.CaseClosedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code case.closed} starts the retention clock of the case's documents, from when the case closed (the event's
 * time), not when the event arrived: a consumer that was down for a day keeps the same dates. Redelivery changes
 * nothing (the clock starts once).
 */
@ApplicationScoped
public class CaseClosures implements EventHandler {

    @Inject
    DocumentRetention retention;
    @Inject
    ObjectMapper json;

    @Override
    public boolean handles(String type) {
        return CaseClosedV1.TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        CaseClosedV1 closed = event.dataAs(json, CaseClosedV1.class);
        retention.caseClosed(event.tenantid(), closed.caseId(), event.time());
    }
}

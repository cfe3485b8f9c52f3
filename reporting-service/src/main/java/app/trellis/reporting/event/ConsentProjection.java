package app.trellis.reporting.event;

import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.reporting.repository.ConsentViewRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Consents as their newest event says, for the expiring-consents report. */
@ApplicationScoped
public class ConsentProjection implements Projection {

    @Inject
    ConsentViewRepository consents;
    @Inject
    ObjectMapper json;

    @Override
    public List<String> tables() {
        return List.of("consent_view");
    }

    @Override
    public Set<String> types() {
        return Set.of(ConsentChangedV1.TYPE);
    }

    @Override
    public void handle(CloudEvent event) {
        Projection.fitting(event, json, ConsentChangedV1.class,
                d -> Projection.present(d.consentId(), d.clientId(), d.type(), d.status()))
                .ifPresent(d -> consents.apply(event.tenantid(), event.sequenceNumber(), d));
    }
}

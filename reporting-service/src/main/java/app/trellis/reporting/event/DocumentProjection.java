package app.trellis.reporting.event;

import app.trellis.platform.contracts.DocumentDeletedV1;
import app.trellis.platform.contracts.DocumentScannedV1;
import app.trellis.platform.contracts.DocumentUploadedV1;
import app.trellis.platform.contracts.DocumentVersionAddedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.reporting.repository.DocumentViewRepository;
import app.trellis.reporting.repository.DocumentViewRepository.DocumentFacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Documents per case and category, with their versions and the newest scan result. */
@ApplicationScoped
public class DocumentProjection implements Projection {

    private static final Set<String> TYPES = Set.of(DocumentUploadedV1.TYPE, DocumentVersionAddedV1.TYPE,
            DocumentScannedV1.TYPE, DocumentDeletedV1.TYPE);

    @Inject
    DocumentViewRepository documents;
    @Inject
    ObjectMapper json;

    @Override
    public List<String> tables() {
        return List.of("document_view");
    }

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public void handle(CloudEvent event) {
        String tenant = event.tenantid();
        Optional<DocumentFacts> facts = switch (event.type()) {
            case DocumentUploadedV1.TYPE -> Projection.fitting(event, json, DocumentUploadedV1.class,
                    d -> Projection.present(d.documentId(), d.clientId(), d.category())).map(d -> new DocumentFacts(
                    tenant, d.documentId(), d.clientId(), d.caseId(), d.category(), d.version(),
                    DocumentFacts.pending(d.version()), d.scan(), event.time(), null));
            case DocumentVersionAddedV1.TYPE -> Projection.fitting(event, json, DocumentVersionAddedV1.class,
                    d -> Projection.present(d.documentId(), d.clientId(), d.category())).map(d -> new DocumentFacts(
                    tenant, d.documentId(), d.clientId(), d.caseId(), d.category(), d.version(),
                    DocumentFacts.pending(d.version()), d.scan(), null, null));
            case DocumentScannedV1.TYPE -> Projection.fitting(event, json, DocumentScannedV1.class,
                    d -> Projection.present(d.documentId(), d.clientId(), d.category())).map(d -> new DocumentFacts(
                    tenant, d.documentId(), d.clientId(), d.caseId(), d.category(), d.version(),
                    DocumentFacts.scanned(d.version()), d.scan(), null, null));
            default -> Projection.fitting(event, json, DocumentDeletedV1.class,
                    d -> Projection.present(d.documentId(), d.clientId(), d.category())).map(d -> new DocumentFacts(
                    tenant, d.documentId(), d.clientId(), d.caseId(), d.category(), d.versions(), 0, null, null,
                    event.time()));
        };
        facts.ifPresent(documents::apply);
    }
}

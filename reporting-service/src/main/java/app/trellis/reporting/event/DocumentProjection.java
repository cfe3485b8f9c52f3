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
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(CloudEvent event) {
        String tenant = event.tenantid();
        switch (event.type()) {
            case DocumentUploadedV1.TYPE -> {
                DocumentUploadedV1 d = event.dataAs(json, DocumentUploadedV1.class);
                documents.apply(new DocumentFacts(tenant, d.documentId(), d.clientId(), d.caseId(), d.category(),
                        d.version(), DocumentFacts.pending(d.version()), d.scan(), event.time(), null));
            }
            case DocumentVersionAddedV1.TYPE -> {
                DocumentVersionAddedV1 d = event.dataAs(json, DocumentVersionAddedV1.class);
                documents.apply(new DocumentFacts(tenant, d.documentId(), d.clientId(), d.caseId(), d.category(),
                        d.version(), DocumentFacts.pending(d.version()), d.scan(), null, null));
            }
            case DocumentScannedV1.TYPE -> {
                DocumentScannedV1 d = event.dataAs(json, DocumentScannedV1.class);
                documents.apply(new DocumentFacts(tenant, d.documentId(), d.clientId(), d.caseId(), d.category(),
                        d.version(), DocumentFacts.scanned(d.version()), d.scan(), null, null));
            }
            default -> {
                DocumentDeletedV1 d = event.dataAs(json, DocumentDeletedV1.class);
                documents.apply(new DocumentFacts(tenant, d.documentId(), d.clientId(), d.caseId(), d.category(),
                        d.versions(), 0, null, null, event.time()));
            }
        }
    }
}

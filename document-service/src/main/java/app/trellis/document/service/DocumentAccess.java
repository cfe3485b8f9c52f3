package app.trellis.document.service;

import app.trellis.document.domain.Document;
import app.trellis.document.event.CaseAccessRecorder;
import app.trellis.document.repository.DocumentRepository;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.access.Viewers;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Who may see a document follows its case, or its client when it is filed on the client only: the platform's
 * access rule over this service's copy of case access. A document the caller does not see is 404, as if it did
 * not exist. Also the one place that seals and opens titles and file names, so their encryption context cannot
 * differ between writing and reading.
 */
@ApplicationScoped
public class DocumentAccess {

    @Inject
    DocumentRepository documents;
    @Inject
    CaseAccessRecorder copy;
    @Inject
    Viewers viewers;
    @Inject
    Caller caller;
    @Inject
    FieldCipher cipher;

    public Viewer viewer() {
        return viewers.current();
    }

    /** An active document the caller sees; 404 otherwise. */
    public Document seen(UUID id) {
        Document document = documents.active(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("Document"));
        requireSees(document);
        return document;
    }

    public void requireSees(Document document) {
        Viewer viewer = viewer();
        boolean sees = document.caseId() != null ? copy.sees(viewer, document.caseId())
                : copy.seesClient(viewer, document.clientId());
        if (!sees) {
            throw ProblemException.notFound("Document");
        }
    }

    /**
     * Where a new document may be filed: a case the caller sees whose client is {@code clientId}, or a client the
     * caller sees. 404 for what the caller does not see, 400 when the case is not the client's. A client is known
     * here through their cases, so a client without any case has nowhere to file yet.
     */
    public void requireFilingPlace(UUID clientId, UUID caseId) {
        Viewer viewer = viewer();
        if (caseId == null) {
            if (!copy.knowsClient(viewer.tenant(), clientId) || !copy.seesClient(viewer, clientId)) {
                throw ProblemException.notFound("Client");
            }
            return;
        }
        if (!copy.sees(viewer, caseId)) {
            throw ProblemException.notFound("Case");
        }
        if (!copy.clientOf(viewer.tenant(), caseId).map(clientId::equals).orElse(false)) {
            throw ProblemException.badRequest("clientId", "is not the client of this case");
        }
    }

    public String sealTitle(String tenant, UUID documentId, String title) {
        return cipher.encrypt(title, Document.sealContext(tenant, documentId));
    }

    public String title(Document document) {
        return cipher.decrypt(document.titleSealed(), document.sealContext());
    }

    public String sealFileName(String tenant, UUID documentId, String fileName) {
        return fileName == null || fileName.isBlank() ? null
                : cipher.encrypt(fileName, "document.file-name|" + tenant + "|" + documentId);
    }

    public static AuditEntry entry(String action, Document document) {
        return new AuditEntry(action, "document", document.id().toString(), document.clientId().toString(), null);
    }
}

package app.trellis.document.service;

import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentCategory;
import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.domain.ScanState;
import app.trellis.document.domain.StoredContent;
import app.trellis.document.domain.UploadSession;
import app.trellis.document.repository.DocumentRepository;
import app.trellis.document.repository.DocumentVersionRepository;
import app.trellis.document.repository.UploadSessionRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.DocumentUploadedV1;
import app.trellis.platform.contracts.DocumentVersionAddedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The database side of filing: once the bytes are stored and checked, the document or version row, its audit
 * record and its event commit together. Kept apart from {@link DocumentFiling} so no transaction (and no row
 * lock) is open while bytes travel to S3.
 */
@ApplicationScoped
public class DocumentRecords {

    @Inject
    DocumentRepository documents;
    @Inject
    DocumentVersionRepository versions;
    @Inject
    UploadSessionRepository uploads;
    @Inject
    DocumentAccess access;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** What a new document is filed as. */
    public record Filing(UUID clientId, UUID caseId, DocumentCategory category, String titleSealed) {
    }

    @Transactional
    public Document file(UUID id, UUID versionId, Filing filing, StoredContent content) {
        Instant now = clock.instant();
        Document document = Document.file(id, caller.tenant(), filing.clientId(), filing.caseId(), filing.category(),
                filing.titleSealed(), caller.person(), now);
        documents.persist(document);
        documents.flush();
        versions.persist(DocumentVersion.stored(document, versionId, 1, content, caller.person(), now));
        audit.recordWrite(DocumentAccess.entry("CREATE", document));
        events.append("document", id.toString(), document.tenantId(), DocumentUploadedV1.TYPE, new DocumentUploadedV1(id,
                document.clientId(), document.caseId(), document.category().wire(), 1, content.contentType(),
                content.sizeBytes(), content.sha256(), ScanState.PENDING_SCAN.wire()));
        return document;
    }

    /** The next version, numbered under the document's row lock; {@code ifMatch} optional. */
    @Transactional
    public Document addVersion(UUID id, UUID versionId, String ifMatch, StoredContent content) {
        Document document = documents.activeForUpdate(caller.tenant(), id)
                .orElseThrow(() -> ProblemException.notFound("Document"));
        access.requireSees(document);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, document.rowVersion());
        }
        Instant now = clock.instant();
        int number = document.addVersion(now);
        versions.persist(DocumentVersion.stored(document, versionId, number, content, caller.person(), now));
        documents.flush();
        audit.recordWrite(DocumentAccess.entry("VERSION", document));
        events.append("document", id.toString(), document.tenantId(), DocumentVersionAddedV1.TYPE,
                new DocumentVersionAddedV1(id, document.clientId(), document.caseId(), document.category().wire(), number,
                        content.contentType(), content.sizeBytes(), content.sha256(), ScanState.PENDING_SCAN.wire()));
        return document;
    }

    @Transactional
    public UploadSession openUpload(UploadSession session) {
        uploads.persist(session);
        audit.recordWrite(new AuditEntry("UPLOAD-START", "upload", session.id().toString(),
                session.clientId().toString(), null));
        return session;
    }

    /** The caller's open upload session; 404 for anyone else's, or one already completed. */
    @Transactional
    public UploadSession pendingUpload(UUID id) {
        return uploads.openForUpdate(caller.tenant(), id, caller.subject())
                .orElseThrow(() -> ProblemException.notFound("Upload"));
    }

    /** A refused upload leaves no trace in the database (its bytes are removed by the caller). */
    @Transactional
    public void discardUpload(UUID id) {
        uploads.deleteById(id);
    }

    /**
     * Completes the session and files its content, in one transaction: a session completes at most once. A new
     * document takes the session's id (its title was sealed for that id).
     */
    @Transactional
    public Document completeUpload(UUID sessionId, UUID versionId, StoredContent content) {
        UploadSession session = pendingUpload(sessionId);
        session.finish(true);
        return session.documentId() != null ? addVersion(session.documentId(), versionId, null, content)
                : file(session.id(), versionId, new Filing(session.clientId(), session.caseId(), session.category(),
                        session.titleSealed()), content);
    }
}

package app.trellis.document.service;

import app.trellis.document.config.DocumentsConfig;
import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentStatus;
import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.repository.DocumentRepository;
import app.trellis.document.repository.DocumentVersionRepository;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.DocumentDeletedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A document's end of life. Delete is soft: the document leaves every list and every read, its bytes stay. When
 * its case closes the retention clock starts; once it has run out, the sweeper removes the bytes of deleted
 * documents. A legal hold blocks both deleting and removing.
 */
@ApplicationScoped
public class DocumentRetention {

    /** Who the audit trail names for the sweeper's removals. */
    public static final String SWEEPER = "system:retention-sweeper";
    private static final Logger LOG = Logger.getLogger(DocumentRetention.class);

    @Inject
    DocumentRepository documents;
    @Inject
    DocumentVersionRepository versions;
    @Inject
    DocumentAccess access;
    @Inject
    ObjectStore store;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    DocumentsConfig config;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Document document = access.seen(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, document.rowVersion());
        }
        if (document.legalHold()) {
            throw ProblemException.conflict("legal-hold", "The document is under a legal hold and cannot be deleted");
        }
        document.delete(caller.subject(), clock.instant());
        documents.flush();
        audit.recordWrite(DocumentAccess.entry("DELETE", document));
        events.append("document", id.toString(), document.tenantId(), DocumentDeletedV1.TYPE, new DocumentDeletedV1(id,
                document.clientId(), document.caseId(), document.category().wire(), document.currentVersion()));
    }

    @Transactional
    public Document hold(UUID id, boolean on) {
        Document document = access.seen(id);
        document.hold(on, clock.instant());
        documents.flush();
        audit.recordWrite(DocumentAccess.entry(on ? "LEGAL-HOLD" : "LEGAL-HOLD-RELEASE", document));
        return document;
    }

    /** From {@code case.closed}: the case's documents are kept at least the retention period from {@code closedAt}. */
    @Transactional
    public int caseClosed(String tenant, UUID caseId, Instant closedAt) {
        return documents.startRetention(tenant, caseId, closedAt.plus(config.retention()));
    }

    /**
     * Removes the bytes of deleted documents whose retention ran out (a batch per call) and keeps their rows as
     * tombstones for the audit trail. Each document is claimed first, under its row lock, so a legal hold placed
     * meanwhile wins; bytes that then fail to go are logged (no PHI) for the operator, never served again.
     */
    public int sweep() {
        int purged = 0;
        for (Document candidate : documents.purgeable(clock.instant(), 100)) {
            if (!claimForPurge(candidate.id())) {
                continue;
            }
            purged++;
            for (DocumentVersion version : versions.of(candidate.id())) {
                try {
                    store.delete(version.objectKey());
                } catch (RuntimeException e) {
                    LOG.warnf("retention sweep could not remove version %s of document %s (%s)", version.versionNo(),
                            candidate.id(), e.getClass().getSimpleName());
                }
            }
        }
        return purged;
    }

    @Transactional
    boolean claimForPurge(UUID id) {
        Document document = documents.forUpdate(id).orElse(null);
        Instant now = clock.instant();
        if (document == null || document.legalHold() || document.status() != DocumentStatus.DELETED
                || document.retainUntil() == null || document.retainUntil().isAfter(now)) {
            return false;
        }
        document.purged(now);
        audit.recordAs(document.tenantId(), SWEEPER, "Retention sweeper", DocumentAccess.entry("PURGE", document));
        return true;
    }
}

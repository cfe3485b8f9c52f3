package app.trellis.document.event;

import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.domain.ScanState;
import app.trellis.document.repository.DocumentRepository;
import app.trellis.document.repository.DocumentVersionRepository;
import app.trellis.document.service.MalwareScanner;
import app.trellis.document.service.ObjectStore;
import app.trellis.platform.contracts.DocumentScannedV1;
import app.trellis.platform.event.OutboxWriter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Takes versions out of quarantine: reads each pending version's bytes from S3 through the configured scanner and
 * records the verdict with a {@code document.scanned} event, once. Runs apart from uploads, so a slow or absent
 * scanner delays serving new content but never refuses an upload; a scanner failure leaves the version pending
 * and it is tried again next round. Several instances may scan the same version; only the first verdict counts.
 */
@ApplicationScoped
public class ScanWorker {

    private static final Logger LOG = Logger.getLogger(ScanWorker.class);
    private static final int BATCH = 20;

    @Inject
    DocumentVersionRepository versions;
    @Inject
    DocumentRepository documents;
    @Inject
    MalwareScanner scanner;
    @Inject
    ObjectStore store;
    @Inject
    OutboxWriter events;
    @Inject
    Clock clock;

    @Scheduled(every = "${trellis.scan.every:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scanPending();
    }

    /** Scans a batch of pending versions, oldest first; returns how many verdicts were recorded. */
    public int scanPending() {
        int recorded = 0;
        for (DocumentVersion version : versions.pendingScan(BATCH)) {
            MalwareScanner.Verdict verdict;
            try (InputStream bytes = store.get(version.objectKey())) {
                verdict = scanner.scan(bytes);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("scan of document %s version %s failed (%s); tried again next round", version.documentId(),
                        version.versionNo(), e.getClass().getSimpleName());
                continue;
            }
            if (record(version, verdict)) {
                recorded++;
            }
        }
        return recorded;
    }

    @Transactional
    public boolean record(DocumentVersion version, MalwareScanner.Verdict verdict) {
        ScanState state = verdict.clean() ? ScanState.CLEAN : ScanState.INFECTED;
        if (!versions.recordScan(version.id(), state, verdict.signature(), clock.instant())) {
            return false;
        }
        Document document = documents.findById(version.documentId());
        events.append("document", document.id().toString(), document.tenantId(), DocumentScannedV1.TYPE,
                new DocumentScannedV1(document.id(), document.clientId(), document.caseId(), document.category().wire(),
                        version.versionNo(), version.sha256(), state.wire()));
        if (!verdict.clean()) {
            LOG.warnf("document %s version %s is infected (%s); it will never be served", document.id(),
                    version.versionNo(), verdict.signature());
        }
        return true;
    }
}

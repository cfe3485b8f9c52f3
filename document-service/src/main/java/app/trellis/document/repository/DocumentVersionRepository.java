package app.trellis.document.repository;

import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.domain.ScanState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentVersionRepository implements PanacheRepositoryBase<DocumentVersion, UUID> {

    public List<DocumentVersion> of(UUID documentId) {
        return find("documentId", Sort.ascending("versionNo"), documentId).list();
    }

    /** The versions of several documents at once (a list page), oldest first. */
    public List<DocumentVersion> of(Collection<UUID> documentIds) {
        return documentIds.isEmpty() ? List.of()
                : find("documentId in ?1", Sort.ascending("documentId", "versionNo"), documentIds).list();
    }

    public Optional<DocumentVersion> version(UUID documentId, int versionNo) {
        return find("documentId = ?1 and versionNo = ?2", documentId, versionNo).firstResultOptional();
    }

    /** The oldest versions still waiting for their scan. */
    public List<DocumentVersion> pendingScan(int limit) {
        return find("scanState", Sort.ascending("createdAt"), ScanState.PENDING_SCAN.wire()).page(0, limit).list();
    }

    /** Records a verdict once: false when another instance recorded it first. */
    public boolean recordScan(UUID id, ScanState verdict, String signature, Instant at) {
        return update("scanState = ?1, scanSignature = ?2, scannedAt = ?3 where id = ?4 and scanState = ?5",
                verdict.wire(), signature, at, id, ScanState.PENDING_SCAN.wire()) == 1;
    }
}

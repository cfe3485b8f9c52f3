package app.trellis.document.repository;

import app.trellis.document.domain.UploadSession;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UploadSessionRepository implements PanacheRepositoryBase<UploadSession, UUID> {

    /** The caller's own open upload, locked so two completions of it cannot both create a document. */
    public Optional<UploadSession> openForUpdate(String tenantId, UUID id, String subject) {
        return find("id = ?1 and tenantId = ?2 and createdBy = ?3 and status = ?4", id, tenantId, subject,
                UploadSession.OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}

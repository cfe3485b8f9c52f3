package app.trellis.document.repository;

import app.trellis.document.domain.UploadSession;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UploadSessionRepository implements PanacheRepositoryBase<UploadSession, UUID> {

    /** The caller's own open upload, locked so two completions of it cannot both create a document. */
    @SuppressWarnings("unchecked")
    public Optional<UploadSession> openForUpdate(String tenantId, UUID id, String subject) {
        // Native: Hibernate's MySQL dialect writes "FOR UPDATE OF <alias>", which MariaDB does not accept.
        List<UploadSession> rows = getEntityManager().createNativeQuery("SELECT * FROM upload_session WHERE id = ?1"
                        + " AND tenant_id = ?2 AND created_by = ?3 AND status = ?4 FOR UPDATE", UploadSession.class)
                .setParameter(1, id.toString()).setParameter(2, tenantId).setParameter(3, subject)
                .setParameter(4, UploadSession.OPEN).getResultList();
        return rows.stream().findFirst();
    }
}

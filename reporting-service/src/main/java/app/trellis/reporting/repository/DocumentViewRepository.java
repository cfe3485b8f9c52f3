package app.trellis.reporting.repository;

import static app.trellis.reporting.repository.CaseViewRepository.text;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Writes of {@code document_view} (see 004-projections.sql). */
@ApplicationScoped
public class DocumentViewRepository {

    /**
     * Versions only grow; the scan state follows the highest scan rank (a version's result outranks its pending
     * state, a later version outranks both); upload and deletion times are set once.
     */
    private static final String UPSERT = "INSERT INTO document_view (tenant_id, document_id, client_id, case_id,"
            + " category, versions, scan_version, scan, uploaded_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE versions = GREATEST(versions, VALUES(versions)),"
            + " scan = IF(VALUES(scan_version) > scan_version, VALUES(scan), scan),"
            + " scan_version = GREATEST(scan_version, VALUES(scan_version)),"
            + " uploaded_at = COALESCE(uploaded_at, VALUES(uploaded_at)),"
            + " deleted_at = COALESCE(deleted_at, VALUES(deleted_at))";

    @Inject
    AgroalDataSource db;

    /**
     * What one document event says.
     *
     * @param scanRank where its scan state stands: {@link #pending} or {@link #scanned} of a version, 0 for none
     */
    public record DocumentFacts(String tenant, UUID documentId, UUID clientId, UUID caseId, String category,
                                int versions, int scanRank, String scan, Instant uploadedAt, Instant deletedAt) {

        public static int pending(int version) {
            return version * 2;
        }

        public static int scanned(int version) {
            return version * 2 + 1;
        }
    }

    public void apply(DocumentFacts f) {
        Jdbc.update(db, "document_view upsert", UPSERT, f.tenant(), f.documentId().toString(), f.clientId().toString(),
                text(f.caseId()), f.category(), f.versions(), f.scanRank(), f.scan(), f.uploadedAt(), f.deletedAt());
    }
}

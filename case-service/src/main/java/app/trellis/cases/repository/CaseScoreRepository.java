package app.trellis.cases.repository;

import app.trellis.cases.domain.CaseScore;
import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The latest score per instrument on each case (table {@code case_score}). */
@ApplicationScoped
public class CaseScoreRepository {

    @Inject
    AgroalDataSource db;

    /**
     * Keeps the score when it is newer than the one held (by submission time, then revision): an older event that
     * arrives late, or one delivered twice, changes nothing. MySQL applies the assignments left to right, so the
     * time and revision the comparisons read are replaced last.
     */
    public void keepIfNewer(String tenant, UUID caseId, CaseScore score) {
        String newer = "(VALUES(submitted_at) > submitted_at OR (VALUES(submitted_at) = submitted_at AND VALUES(revision) > revision))";
        Jdbc.update(db, "case score", "INSERT INTO case_score (tenant_id, case_id, instrument_id, assessment_id, instrument, "
                        + "revision, total, band, flags, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "assessment_id = IF(" + newer + ", VALUES(assessment_id), assessment_id), "
                        + "instrument = IF(" + newer + ", VALUES(instrument), instrument), "
                        + "total = IF(" + newer + ", VALUES(total), total), "
                        + "band = IF(" + newer + ", VALUES(band), band), "
                        + "flags = IF(" + newer + ", VALUES(flags), flags), "
                        + "revision = IF(" + newer + ", VALUES(revision), revision), "
                        + "submitted_at = IF(VALUES(submitted_at) > submitted_at, VALUES(submitted_at), submitted_at)",
                tenant, caseId.toString(), score.instrumentId().toString(), score.assessmentId().toString(),
                score.instrument(), score.revision(), score.total(), score.band(), String.join(" ", score.flags()),
                score.submittedAt());
    }

    public List<CaseScore> ofCase(String tenant, UUID caseId) {
        return Jdbc.query(db, "case scores", "SELECT instrument_id, assessment_id, instrument, revision, total, band, flags, "
                        + "submitted_at FROM case_score WHERE tenant_id = ? AND case_id = ? ORDER BY submitted_at DESC",
                row -> new CaseScore(UUID.fromString(row.getString(1)), UUID.fromString(row.getString(2)),
                        row.getString(3), row.getInt(4), plain(row.getBigDecimal(5)), row.getString(6),
                        row.getString(7).isEmpty() ? List.of() : Arrays.asList(row.getString(7).split(" ")),
                        row.getTimestamp(8).toInstant()),
                tenant, caseId.toString());
    }

    /** 14.0000 as 14 and 20.0000 as 20 (not 2E+1): the score as it was given. */
    private static BigDecimal plain(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

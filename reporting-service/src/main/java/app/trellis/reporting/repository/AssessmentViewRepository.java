package app.trellis.reporting.repository;

import static app.trellis.reporting.repository.CaseViewRepository.text;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes of the assessment projections (see 004-projections.sql). */
@ApplicationScoped
public class AssessmentViewRepository {

    /** Each event fills the columns it knows; an assessment never changes once submitted, so nothing is overwritten. */
    private static final String UPSERT = "INSERT INTO assessment_result (tenant_id, assessment_id, client_id, case_id,"
            + " instrument_id, instrument, revision, amends, total, band, flags, started_at, submitted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE instrument = COALESCE(instrument, VALUES(instrument)),"
            + " revision = COALESCE(revision, VALUES(revision)), amends = COALESCE(amends, VALUES(amends)),"
            + " total = COALESCE(total, VALUES(total)), band = COALESCE(band, VALUES(band)),"
            + " flags = COALESCE(flags, VALUES(flags)), started_at = COALESCE(started_at, VALUES(started_at)),"
            + " submitted_at = COALESCE(submitted_at, VALUES(submitted_at))";

    /**
     * The newer submission wins (then the greater id, so any order ends the same); assessment_id is assigned after
     * the columns that compare with it, and submitted_at follows it.
     */
    private static final String NEWER = "(VALUES(submitted_at) > submitted_at OR (VALUES(submitted_at) = submitted_at"
            + " AND VALUES(assessment_id) > assessment_id))";
    private static final String LATEST = "INSERT INTO client_score (tenant_id, client_id, instrument_id, assessment_id,"
            + " instrument, total, band, flags, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE instrument = IF(" + NEWER + ", VALUES(instrument), instrument),"
            + " total = IF(" + NEWER + ", VALUES(total), total), band = IF(" + NEWER + ", VALUES(band), band),"
            + " flags = IF(" + NEWER + ", VALUES(flags), flags),"
            + " assessment_id = IF(" + NEWER + ", VALUES(assessment_id), assessment_id),"
            + " submitted_at = IF(assessment_id = VALUES(assessment_id), VALUES(submitted_at), submitted_at)";

    @Inject
    AgroalDataSource db;

    /** What one assessment event says of the assessment; unknown columns are null. */
    public record Result(String tenant, UUID assessmentId, UUID clientId, UUID caseId, UUID instrumentId,
                        String instrument, Integer revision, UUID amends, BigDecimal total, String band, String flags,
                        Instant startedAt, Instant submittedAt) {

        public static Result started(String tenant, UUID id, UUID client, UUID caseId, UUID instrumentId,
                                     String instrument, Instant at) {
            return new Result(tenant, id, client, caseId, instrumentId, instrument, null, null, null, null, null, at,
                    null);
        }

        public static Result amended(String tenant, UUID id, UUID client, UUID caseId, UUID instrumentId,
                                     String instrument, int revision, UUID amends) {
            return new Result(tenant, id, client, caseId, instrumentId, instrument, revision, amends, null, null, null,
                    null, null);
        }

        public static Result submitted(String tenant, UUID id, UUID client, UUID caseId, UUID instrumentId,
                                       String instrument, int revision, BigDecimal total, String band, String flags,
                                       Instant at) {
            return new Result(tenant, id, client, caseId, instrumentId, instrument, revision, null, total, band, flags,
                    null, at);
        }
    }

    public void apply(Result r) {
        Jdbc.update(db, "assessment_result upsert", UPSERT, r.tenant(), r.assessmentId().toString(),
                r.clientId().toString(), r.caseId().toString(), r.instrumentId().toString(), r.instrument(),
                r.revision(), text(r.amends()), r.total(), r.band(), r.flags(), r.startedAt(), r.submittedAt());
    }

    /** The client's latest result of the instrument, if this one is newer. */
    public void latest(Result r) {
        Jdbc.update(db, "client_score upsert", LATEST, r.tenant(), r.clientId().toString(), r.instrumentId().toString(),
                r.assessmentId().toString(), r.instrument(), r.total(), r.band(), r.flags(), r.submittedAt());
    }

    public void flags(Result r, List<String> flags) {
        for (String flag : flags) {
            Jdbc.update(db, "assessment_flag insert", "INSERT IGNORE INTO assessment_flag (tenant_id, assessment_id,"
                    + " flag, client_id, case_id, instrument_id, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?)", r.tenant(),
                    r.assessmentId().toString(), flag, r.clientId().toString(), r.caseId().toString(),
                    r.instrumentId().toString(), r.submittedAt());
        }
    }

    /** An occurrence announced due ({@code announcedAt}) or overdue ({@code overdueAt}); each is raised once. */
    public void due(String tenant, UUID occurrenceId, UUID caseId, UUID clientId, UUID instrumentId,
                    LocalDate windowOpens, LocalDate dueDate, Instant announcedAt, Instant overdueAt) {
        Jdbc.update(db, "assessment_due upsert", "INSERT INTO assessment_due (tenant_id, occurrence_id, case_id,"
                + " client_id, instrument_id, window_opens, due_date, announced_at, overdue_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " announced_at = COALESCE(announced_at, VALUES(announced_at)),"
                + " overdue_at = COALESCE(overdue_at, VALUES(overdue_at))", tenant, occurrenceId.toString(),
                caseId.toString(), clientId.toString(), instrumentId.toString(), windowOpens, dueDate, announcedAt,
                overdueAt);
    }
}

package app.trellis.reporting.repository;

import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Writes of {@code case_view} and {@code case_milestone} (see 004-projections.sql). */
@ApplicationScoped
public class CaseViewRepository {

    /**
     * Newest wins per group of columns: status and assignee (with team) each move only for a higher sequence of
     * the case than the one that set them; the sequence is assigned last, after the columns compared with it.
     */
    private static final String UPSERT = "INSERT INTO case_view (tenant_id, case_id, client_id, program, status,"
            + " status_seq, assignee, team, assignee_seq, created_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE client_id = COALESCE(client_id, VALUES(client_id)),"
            + " program = COALESCE(program, VALUES(program)),"
            + " status = IF(VALUES(status_seq) > status_seq, VALUES(status), status),"
            + " status_seq = GREATEST(status_seq, VALUES(status_seq)),"
            + " assignee = IF(VALUES(assignee_seq) > assignee_seq, VALUES(assignee), assignee),"
            + " team = IF(VALUES(assignee_seq) > assignee_seq, VALUES(team), team),"
            + " assignee_seq = GREATEST(assignee_seq, VALUES(assignee_seq)),"
            + " created_at = COALESCE(LEAST(created_at, VALUES(created_at)), created_at, VALUES(created_at)),"
            + " opened_at = COALESCE(LEAST(opened_at, VALUES(opened_at)), opened_at, VALUES(opened_at))";

    @Inject
    AgroalDataSource db;

    /**
     * What one event of a case says; a group it does not carry has sequence 0, which never wins.
     *
     * @param sequence the event's position among the case's events
     * @param time     when it happened
     */
    public record CaseFacts(String tenant, long sequence, Instant time, UUID caseId, UUID clientId, String program,
                            String status, long statusSeq, String assignee, String team, long assigneeSeq,
                            Instant createdAt, Instant openedAt) {

        public CaseFacts(String tenant, long sequence, Instant time) {
            this(tenant, sequence, time, null, null, null, null, 0, null, null, 0, null, null);
        }

        public CaseFacts of(UUID caseId, UUID clientId) {
            return new CaseFacts(tenant, sequence, time, caseId, clientId, program, status, statusSeq, assignee, team,
                    assigneeSeq, createdAt, openedAt);
        }

        public CaseFacts program(String code) {
            return new CaseFacts(tenant, sequence, time, caseId, clientId, code, status, statusSeq, assignee, team,
                    assigneeSeq, createdAt, openedAt);
        }

        public CaseFacts status(String code) {
            return new CaseFacts(tenant, sequence, time, caseId, clientId, program, code, sequence, assignee, team,
                    assigneeSeq, createdAt, openedAt);
        }

        public CaseFacts assignee(String who, String inTeam) {
            return new CaseFacts(tenant, sequence, time, caseId, clientId, program, status, statusSeq, who, inTeam,
                    sequence, createdAt, openedAt);
        }

        public CaseFacts created() {
            return new CaseFacts(tenant, sequence, time, caseId, clientId, program, status, statusSeq, assignee, team,
                    assigneeSeq, time, openedAt);
        }

        public CaseFacts opened() {
            return new CaseFacts(tenant, sequence, time, caseId, clientId, program, status, statusSeq, assignee, team,
                    assigneeSeq, createdAt, time);
        }
    }

    public void apply(CaseFacts f) {
        Jdbc.update(db, "case_view upsert", UPSERT, f.tenant(), f.caseId().toString(), text(f.clientId()), f.program(),
                f.status(), f.statusSeq(), f.assignee(), f.team(), f.assigneeSeq(), f.createdAt(), f.openedAt());
    }

    /** An opening or closing, once per event of the case (a repeat hits the key and is ignored). */
    public void milestone(CaseFacts f, String kind, String program) {
        Jdbc.update(db, "case_milestone insert", "INSERT IGNORE INTO case_milestone (tenant_id, case_id, sequence,"
                + " kind, program, occurred_at) VALUES (?, ?, ?, ?, ?, ?)", f.tenant(), f.caseId().toString(),
                f.sequence(), kind, program, f.time());
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}

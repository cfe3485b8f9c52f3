--liquibase formatted sql

--changeset trellis-assessment:003-schedule-rule
-- A reassessment schedule: cases of one program take one instrument within first_within_days of opening,
-- then every repeat_every_days after the last submission (NULL: once), until the case closes. An occurrence
-- counts as due window_days before its due date (never before the case opened or the last submission).
-- effective_on: the day the rule was created or last reactivated; a case opened earlier is scheduled from it.
-- One rule per program and instrument; retiring (active = FALSE) cancels what it still expected.
CREATE TABLE schedule_rule (
    id                 CHAR(36)     NOT NULL,
    tenant_id          VARCHAR(64)  NOT NULL,
    program            VARCHAR(40)  NOT NULL,
    instrument_id      CHAR(36)     NOT NULL,
    first_within_days  INT          NOT NULL,
    repeat_every_days  INT          NULL,
    window_days        INT          NOT NULL,
    active             BOOLEAN      NOT NULL,
    effective_on       DATE         NOT NULL,
    created_by         VARCHAR(255) NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_schedule_rule_program_instrument (tenant_id, program, instrument_id),
    CONSTRAINT fk_schedule_rule_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE schedule_rule;

--changeset trellis-assessment:003-case-program
-- The program and the opening and closing days of each case, from case.opened / case.closed. Either may
-- arrive first (opened_on NULL: only the closing is known yet); a closed case is never scheduled again.
CREATE TABLE case_program (
    tenant_id   VARCHAR(64)  NOT NULL,
    case_id     CHAR(36)     NOT NULL,
    client_id   CHAR(36)     NOT NULL,
    program     VARCHAR(40)  NOT NULL,
    opened_on   DATE         NULL,
    closed_on   DATE         NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, case_id),
    KEY idx_case_program_open (tenant_id, program, closed_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE case_program;

--changeset trellis-assessment:003-assessment-occurrence
-- One expected assessment: rule, case and round (occurrence_no 1 = the first after opening). pending until a
-- submission of the instrument in the case satisfies it (satisfied_by) or the case closes or the rule retires
-- (cancelled). due_announced_at / overdue_announced_at mark assessment.due / .overdue as raised, each once;
-- they are set without touching anything else, so announcing never races a user's change.
CREATE TABLE assessment_occurrence (
    id                    CHAR(36)     NOT NULL,
    tenant_id             VARCHAR(64)  NOT NULL,
    rule_id               CHAR(36)     NOT NULL,
    case_id               CHAR(36)     NOT NULL,
    client_id             CHAR(36)     NOT NULL,
    instrument_id         CHAR(36)     NOT NULL,
    occurrence_no         INT          NOT NULL,
    window_opens          DATE         NOT NULL,
    due_date              DATE         NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    satisfied_by          CHAR(36)     NULL,
    ended_at              TIMESTAMP(6) NULL,
    due_announced_at      TIMESTAMP(6) NULL,
    overdue_announced_at  TIMESTAMP(6) NULL,
    created_at            TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    -- A redelivered case.opened, or two submissions at once, cannot expect the same round twice.
    UNIQUE KEY uk_occurrence_round (rule_id, case_id, occurrence_no),
    KEY idx_occurrence_case (tenant_id, case_id, status),
    KEY idx_occurrence_due_claim (status, due_announced_at, window_opens),
    KEY idx_occurrence_overdue_claim (status, overdue_announced_at, due_date),
    KEY idx_occurrence_list (tenant_id, status, due_date, id),
    CONSTRAINT fk_occurrence_rule FOREIGN KEY (rule_id) REFERENCES schedule_rule (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE assessment_occurrence;

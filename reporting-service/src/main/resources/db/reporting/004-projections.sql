--liquibase formatted sql

--changeset trellis-reporting:004-case-view
-- Projections: what reporting knows of other services' data, built only from their events (never their schemas),
-- and rebuilt from feed_event by POST /ops/projections/rebuild. Every write is idempotent and commutative: a
-- column changes only for a newer sequence of its aggregate (status_seq, assignee_seq, seq) or fills a gap
-- (COALESCE, LEAST, GREATEST), so a repeated or late event changes nothing and any order gives the same rows.
--
-- A case as its events tell it. program arrives with case.opened / case.closed only (a case still referred has
-- none yet); status and assignee each follow the newest event of the case that carries them.
CREATE TABLE case_view (
    tenant_id    VARCHAR(64)  NOT NULL,
    case_id      CHAR(36)     NOT NULL,
    client_id    CHAR(36)     NULL,
    program      VARCHAR(40)  NULL,
    status       VARCHAR(16)  NULL,
    status_seq   BIGINT       NOT NULL DEFAULT 0,
    assignee     VARCHAR(255) NULL,
    team         VARCHAR(100) NULL,
    assignee_seq BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(6) NULL,
    opened_at    TIMESTAMP(6) NULL,
    PRIMARY KEY (tenant_id, case_id),
    KEY idx_case_view_caseload (tenant_id, assignee, status),
    KEY idx_case_view_program (tenant_id, program, status),
    KEY idx_case_view_client (tenant_id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE case_view;

--changeset trellis-reporting:004-case-milestone
-- Each opening (first only: case.opened) and each closing (a reopened case may close again) of a case, by the
-- case's event sequence: the months cases opened and closed in.
CREATE TABLE case_milestone (
    tenant_id   VARCHAR(64)  NOT NULL,
    case_id     CHAR(36)     NOT NULL,
    sequence    BIGINT       NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    program     VARCHAR(40)  NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, case_id, sequence),
    KEY idx_case_milestone_time (tenant_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE case_milestone;

--changeset trellis-reporting:004-assessment-result
-- Every assessment (started, amended, submitted: each fills its own columns) with its score: the history per
-- client. An amendment names what it amends; a submitted amendment supersedes the amended result.
CREATE TABLE assessment_result (
    tenant_id     VARCHAR(64)   NOT NULL,
    assessment_id CHAR(36)      NOT NULL,
    client_id     CHAR(36)      NOT NULL,
    case_id       CHAR(36)      NOT NULL,
    instrument_id CHAR(36)      NOT NULL,
    instrument    VARCHAR(300)  NULL,
    revision      INT           NULL,
    amends        CHAR(36)      NULL,
    total         DECIMAL(14,4) NULL,
    band          VARCHAR(64)   NULL,
    flags         VARCHAR(1000) NULL,
    started_at    TIMESTAMP(6)  NULL,
    submitted_at  TIMESTAMP(6)  NULL,
    PRIMARY KEY (tenant_id, assessment_id),
    KEY idx_assessment_result_case (tenant_id, case_id, instrument_id, submitted_at),
    KEY idx_assessment_result_instrument (tenant_id, instrument_id, submitted_at),
    KEY idx_assessment_result_client (tenant_id, client_id, submitted_at),
    KEY idx_assessment_result_amends (tenant_id, amends)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE assessment_result;

--changeset trellis-reporting:004-assessment-flag
-- Each flag a submitted assessment raised (e.g. safety-risk), for the follow-up report.
CREATE TABLE assessment_flag (
    tenant_id     VARCHAR(64)  NOT NULL,
    assessment_id CHAR(36)     NOT NULL,
    flag          VARCHAR(64)  NOT NULL,
    client_id     CHAR(36)     NOT NULL,
    case_id       CHAR(36)     NOT NULL,
    instrument_id CHAR(36)     NOT NULL,
    flagged_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, assessment_id, flag),
    KEY idx_assessment_flag_time (tenant_id, flag, flagged_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE assessment_flag;

--changeset trellis-reporting:004-client-score
-- The latest submitted result per client and instrument (newest submission wins, then the greater id).
CREATE TABLE client_score (
    tenant_id     VARCHAR(64)   NOT NULL,
    client_id     CHAR(36)      NOT NULL,
    instrument_id CHAR(36)      NOT NULL,
    assessment_id CHAR(36)      NOT NULL,
    instrument    VARCHAR(300)  NOT NULL,
    total         DECIMAL(14,4) NOT NULL,
    band          VARCHAR(64)   NULL,
    flags         VARCHAR(1000) NULL,
    submitted_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (tenant_id, client_id, instrument_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE client_score;

--changeset trellis-reporting:004-assessment-due
-- Expected (re)assessments announced due or overdue. Whether one was done is asked at report time: a first
-- submission (revision 1) of the instrument in the case at or after the announcement satisfied it, as in
-- assessment-service; a closed case expects nothing.
CREATE TABLE assessment_due (
    tenant_id     VARCHAR(64)  NOT NULL,
    occurrence_id CHAR(36)     NOT NULL,
    case_id       CHAR(36)     NOT NULL,
    client_id     CHAR(36)     NOT NULL,
    instrument_id CHAR(36)     NOT NULL,
    window_opens  DATE         NOT NULL,
    due_date      DATE         NOT NULL,
    announced_at  TIMESTAMP(6) NULL,
    overdue_at    TIMESTAMP(6) NULL,
    PRIMARY KEY (tenant_id, occurrence_id),
    KEY idx_assessment_due_date (tenant_id, due_date),
    KEY idx_assessment_due_case (tenant_id, case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE assessment_due;

--changeset trellis-reporting:004-note-view
-- Notes written on cases (the text stays in case-service): contact notes follow up on safety flags.
CREATE TABLE note_view (
    tenant_id  VARCHAR(64)  NOT NULL,
    note_id    CHAR(36)     NOT NULL,
    case_id    CHAR(36)     NOT NULL,
    client_id  CHAR(36)     NOT NULL,
    type       VARCHAR(20)  NOT NULL,
    written_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, note_id),
    KEY idx_note_view_client (tenant_id, client_id, written_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE note_view;

--changeset trellis-reporting:004-document-view
-- Documents per case and category: versions and the newest scan result; deleted ones leave the counts.
CREATE TABLE document_view (
    tenant_id    VARCHAR(64)  NOT NULL,
    document_id  CHAR(36)     NOT NULL,
    client_id    CHAR(36)     NOT NULL,
    case_id      CHAR(36)     NULL,
    category     VARCHAR(40)  NOT NULL,
    versions     INT          NOT NULL,
    scan_version INT          NOT NULL DEFAULT 0, -- rank: version * 2, plus 1 once scanned
    scan         VARCHAR(16)  NULL,
    uploaded_at  TIMESTAMP(6) NULL,
    deleted_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (tenant_id, document_id),
    KEY idx_document_view_case (tenant_id, case_id, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE document_view;

--changeset trellis-reporting:004-consent-view
-- Consents as their newest event (by the client's sequence) says: granted or revoked, the days they cover.
CREATE TABLE consent_view (
    tenant_id      VARCHAR(64)  NOT NULL,
    consent_id     CHAR(36)     NOT NULL,
    client_id      CHAR(36)     NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    partner        VARCHAR(100) NULL,
    status         VARCHAR(16)  NOT NULL,
    effective_date DATE         NULL,
    expiry_date    DATE         NULL,
    seq            BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, consent_id),
    KEY idx_consent_view_expiry (tenant_id, expiry_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE consent_view;

--liquibase formatted sql

--changeset trellis-case:010-case-score
-- The latest score of each instrument on a case, copied from assessment-service's assessment.submitted events so
-- that the case shows it without a call per request. Scores, band and flags only: the answers and the history stay
-- in assessment-service. The newest submission wins whatever order the events arrive in.
CREATE TABLE case_score (
    tenant_id     VARCHAR(64)   NOT NULL,
    case_id       CHAR(36)      NOT NULL,
    instrument_id CHAR(36)      NOT NULL,
    assessment_id CHAR(36)      NOT NULL,
    instrument    VARCHAR(512)  NOT NULL,
    revision      INT           NOT NULL,
    total         DECIMAL(12,4) NOT NULL,
    band          VARCHAR(100),
    flags         VARCHAR(1000) NOT NULL,
    submitted_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (tenant_id, case_id, instrument_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE case_score;

--liquibase formatted sql

--changeset trellis-case:004-note
-- Case notes are append-only: no UPDATE or DELETE path exists in the service. A correction is an
-- addendum linked to the original; "entered in error" flags a note and keeps it visible.
CREATE TABLE case_note (
    id                CHAR(36)     NOT NULL,
    tenant_id         VARCHAR(64)  NOT NULL,
    case_id           CHAR(36)     NOT NULL,
    client_id         CHAR(36)     NOT NULL,
    author            VARCHAR(255) NOT NULL,
    note_type         VARCHAR(20)  NOT NULL,
    occurred_at       TIMESTAMP(6) NOT NULL,
    text              TEXT         NOT NULL,
    addendum_of       CHAR(36),
    entered_in_error  BOOLEAN      NOT NULL,
    error_reason      VARCHAR(500),
    error_marked_at   TIMESTAMP(6),
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_note_case (tenant_id, case_id, created_at, id),
    KEY idx_note_addendum (addendum_of)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE case_note;

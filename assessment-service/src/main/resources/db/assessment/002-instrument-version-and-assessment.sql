--liquibase formatted sql

--changeset trellis-assessment:002-instrument-version
-- One version of an instrument. A draft may change; a published version never does again (assessments
-- are pinned to it and scored by it), it can only be retired. tenant_id NULL = the shared library, which
-- tenants read but never change. row_version is the optimistic lock behind the ETag.
CREATE TABLE instrument_version (
    id             CHAR(36)     NOT NULL,
    instrument_id  CHAR(36)     NOT NULL,
    tenant_id      VARCHAR(64),
    version_label  VARCHAR(40)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    canonical_url  VARCHAR(255) NOT NULL,
    definition     LONGTEXT     NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    published_at   TIMESTAMP(6) NULL,
    retired_at     TIMESTAMP(6) NULL,
    row_version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_instrument_version_label (instrument_id, version_label),
    KEY idx_instrument_version_list (instrument_id, created_at, id),
    KEY idx_instrument_version_url (canonical_url),
    CONSTRAINT fk_instrument_version_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE instrument_version;

--changeset trellis-assessment:002-assessment
-- An assessment of one client within one case, pinned to the instrument version it was started on. Who may
-- see it follows the case (case_access, the service's copy). answers is FieldCipher ciphertext (answers may
-- hold free text); score is the stored result of scoring (total, subscales, band, flags: no free text), kept
-- as computed so a later engine or rule change never alters it. An amendment is a new row whose revision_of
-- names the row it amends; the original stays as it was.
CREATE TABLE assessment (
    id                     CHAR(36)     NOT NULL,
    tenant_id              VARCHAR(64)  NOT NULL,
    client_id              CHAR(36)     NOT NULL,
    case_id                CHAR(36)     NOT NULL,
    instrument_id          CHAR(36)     NOT NULL,
    instrument_version_id  CHAR(36)     NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    revision_of            CHAR(36)     NULL,
    revision               INT          NOT NULL,
    answers                LONGTEXT     NULL,
    score                  TEXT         NULL,
    instrument_canonical   VARCHAR(300) NOT NULL,
    engine_version         VARCHAR(20)  NULL,
    started_by             VARCHAR(255) NOT NULL,
    started_by_name        VARCHAR(255) NULL,
    submitted_by           VARCHAR(255) NULL,
    submitted_by_name      VARCHAR(255) NULL,
    submitted_at           TIMESTAMP(6) NULL,
    created_at             TIMESTAMP(6) NOT NULL,
    updated_at             TIMESTAMP(6) NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    -- At most one amendment per assessment: amending again means amending the newest revision.
    UNIQUE KEY uk_assessment_revision_of (revision_of),
    KEY idx_assessment_client (tenant_id, client_id, created_at, id),
    KEY idx_assessment_case (tenant_id, case_id, created_at, id),
    KEY idx_assessment_tenant (tenant_id, created_at, id),
    CONSTRAINT fk_assessment_version FOREIGN KEY (instrument_version_id) REFERENCES instrument_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE assessment;

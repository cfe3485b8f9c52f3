--liquibase formatted sql

--changeset trellis-assessment:001-instrument
-- The instrument catalogue: a tenant's own instruments, and the shared library (tenant_id NULL)
-- that every tenant sees. Published versions and their items arrive with the assessment issue.
CREATE TABLE instrument (
    id          CHAR(36)     NOT NULL,
    tenant_id   VARCHAR(64),
    code        VARCHAR(60)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_instrument_tenant_code (tenant_id, code),
    KEY idx_instrument_code (code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE instrument;

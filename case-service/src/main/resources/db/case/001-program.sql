--liquibase formatted sql

--changeset trellis-case:001-program
-- The programs a tenant runs (care coordination, housing support, ...). Cases are opened in one of them.
CREATE TABLE program (
    id          CHAR(36)     NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(2000),
    active      BOOLEAN      NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_program_tenant_code (tenant_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE program;

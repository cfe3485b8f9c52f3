--liquibase formatted sql

--changeset trellis-platform:001-idempotency
CREATE TABLE idempotency_record (
    tenant_id     VARCHAR(64)  NOT NULL,
    principal     VARCHAR(255) NOT NULL,
    idem_key      VARCHAR(128) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status_code   INT          NOT NULL,
    location      VARCHAR(1000),
    etag          VARCHAR(100),
    response_body MEDIUMTEXT,
    created_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, principal, idem_key),
    KEY idx_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE idempotency_record;

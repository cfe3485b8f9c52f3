--liquibase formatted sql

--changeset trellis-platform:004-audit
-- Append-only, hash-chained audit of PHI access (per tenant). In AWS the runtime user gets INSERT and
-- SELECT only on audit_record; migrations run as a separate user.
CREATE TABLE audit_record (
    id            CHAR(36)     NOT NULL,
    tenant_id     VARCHAR(64)  NOT NULL,
    position      BIGINT       NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    actor_name    VARCHAR(255),
    action        VARCHAR(40)  NOT NULL,
    resource_type VARCHAR(60)  NOT NULL,
    resource_id   VARCHAR(64),
    client_id     CHAR(36),
    request_id    VARCHAR(128),
    purpose       VARCHAR(500),
    occurred_at   TIMESTAMP(6) NOT NULL,
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_audit_tenant_position (tenant_id, position),
    KEY idx_audit_client (tenant_id, client_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_chain_head (
    tenant_id     VARCHAR(64) NOT NULL,
    last_position BIGINT      NOT NULL,
    last_hash     VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE audit_chain_head; DROP TABLE audit_record;

--liquibase formatted sql

--changeset trellis-case:007-consent
-- Consents of a client: release of information, treatment, data sharing with a named partner.
CREATE TABLE consent (
    id             CHAR(36)     NOT NULL,
    tenant_id      VARCHAR(64)  NOT NULL,
    client_id      CHAR(36)     NOT NULL,
    consent_type   VARCHAR(40)  NOT NULL,
    partner        VARCHAR(100),
    status         VARCHAR(20)  NOT NULL,
    effective_date DATE         NOT NULL,
    expiry_date    DATE,
    document_id    CHAR(36),
    recorded_by    VARCHAR(255) NOT NULL,
    revoked_at     TIMESTAMP(6),
    revoke_reason  VARCHAR(500),
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_consent_client (tenant_id, client_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE consent;

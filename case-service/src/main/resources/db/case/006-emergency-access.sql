--liquibase formatted sql

--changeset trellis-case:006-emergency-access
-- Break-glass: time-boxed access to a case outside one's assignment, with a reason, queued for review.
CREATE TABLE emergency_access (
    id          CHAR(36)     NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    case_id     CHAR(36)     NOT NULL,
    client_id   CHAR(36)     NOT NULL,
    grantee     VARCHAR(255) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    granted_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    reviewed_by VARCHAR(255),
    reviewed_at TIMESTAMP(6),
    review_note VARCHAR(1000),
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY idx_emergency_grantee (tenant_id, grantee, case_id, expires_at),
    KEY idx_emergency_review (tenant_id, reviewed_at, granted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE emergency_access;

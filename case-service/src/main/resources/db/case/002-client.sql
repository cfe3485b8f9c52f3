--liquibase formatted sql

--changeset trellis-case:002-client
-- People served. SSN, Medicaid id and date of birth are stored only encrypted (*_enc, AES-GCM with key
-- id) with a keyed hash (*_idx) for exact search; a dump of this table shows none of them in clear.
CREATE TABLE client (
    id              CHAR(36)     NOT NULL,
    tenant_id       VARCHAR(64)  NOT NULL,
    given_name      VARCHAR(100) NOT NULL,
    family_name     VARCHAR(100) NOT NULL,
    middle_name     VARCHAR(100),
    preferred_name  VARCHAR(100),
    birth_date_enc  VARCHAR(200) NOT NULL,
    birth_date_idx  CHAR(64)     NOT NULL,
    sex             VARCHAR(20)  NOT NULL,
    gender_identity VARCHAR(60),
    language        VARCHAR(35),
    phone           VARCHAR(40),
    email           VARCHAR(254),
    address_line1   VARCHAR(200),
    address_line2   VARCHAR(200),
    city            VARCHAR(100),
    region          VARCHAR(100),
    postal_code     VARCHAR(20),
    ssn_enc         VARCHAR(200),
    ssn_idx         CHAR(64),
    medicaid_enc    VARCHAR(200),
    medicaid_idx    CHAR(64),
    legacy_id       VARCHAR(100),
    external_id     VARCHAR(100),
    registered_by   VARCHAR(255) NOT NULL,
    team            VARCHAR(100),
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_client_external (tenant_id, external_id),
    KEY idx_client_name (tenant_id, family_name, given_name, id),
    KEY idx_client_birth (tenant_id, birth_date_idx),
    KEY idx_client_ssn (tenant_id, ssn_idx),
    KEY idx_client_medicaid (tenant_id, medicaid_idx),
    KEY idx_client_legacy (tenant_id, legacy_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE client;

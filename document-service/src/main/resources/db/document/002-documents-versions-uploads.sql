--liquibase formatted sql

--changeset trellis-document:002-documents-versions-uploads
-- Documents belong to a client and optionally a case; their bytes are S3 objects, one per version, named
-- tenant/<tenant>/client/<client>/<document>/<version>. The first table (001) held no uploaded document: no
-- upload existed before this change, so it is replaced rather than converted.
DROP TABLE document;

-- Titles may name a person, so they are sealed (field encryption) like other PHI; category, sizes and
-- checksums are not PHI and stay searchable. status: active | deleted (soft, bytes kept) | purged (bytes
-- gone once retention passed). retain_until starts when the case closes; a legal hold blocks deletion.
CREATE TABLE document (
    id              CHAR(36)      NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    client_id       CHAR(36)      NOT NULL,
    case_id         CHAR(36),
    category        VARCHAR(40)   NOT NULL,
    title_sealed    VARCHAR(2048) NOT NULL,
    current_version INT           NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    legal_hold      BOOLEAN       NOT NULL DEFAULT FALSE,
    retain_until    TIMESTAMP(6)  NULL,
    deleted_at      TIMESTAMP(6)  NULL,
    deleted_by      VARCHAR(255),
    purged_at       TIMESTAMP(6)  NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    created_by_name VARCHAR(255),
    updated_at      TIMESTAMP(6)  NOT NULL,
    row_version     INT           NOT NULL,
    PRIMARY KEY (id),
    KEY idx_document_client (tenant_id, client_id, created_at, id),
    KEY idx_document_case (tenant_id, case_id, created_at, id),
    KEY idx_document_tenant (tenant_id, created_at, id),
    KEY idx_document_retention (status, retain_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per stored object. scan_state: pending-scan | clean | infected; only clean content is served.
-- The original file name may hold PHI: sealed, and never sent in events or download headers.
CREATE TABLE document_version (
    id               CHAR(36)      NOT NULL,
    document_id      CHAR(36)      NOT NULL,
    tenant_id        VARCHAR(64)   NOT NULL,
    version_no       INT           NOT NULL,
    object_key       VARCHAR(1024) NOT NULL,
    content_type     VARCHAR(150)  NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    file_name_sealed VARCHAR(2048),
    scan_state       VARCHAR(20)   NOT NULL,
    scan_signature   VARCHAR(200),
    scanned_at       TIMESTAMP(6)  NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    created_by       VARCHAR(255)  NOT NULL,
    created_by_name  VARCHAR(255),
    PRIMARY KEY (id),
    UNIQUE KEY uk_document_version (document_id, version_no),
    KEY idx_document_version_scan (scan_state, created_at),
    CONSTRAINT fk_document_version_document FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A presigned upload straight to S3: what the caller promised (size, SHA-256, type) and where the bytes land
-- (a staging key) until /complete checks them. status: open | completed | failed.
CREATE TABLE upload_session (
    id              CHAR(36)      NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    client_id       CHAR(36)      NOT NULL,
    case_id         CHAR(36),
    document_id     CHAR(36),
    category        VARCHAR(40)   NOT NULL,
    title_sealed    VARCHAR(2048),
    content_type    VARCHAR(150)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    staging_key     VARCHAR(1024) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    expires_at      TIMESTAMP(6)  NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    created_by_name VARCHAR(255),
    PRIMARY KEY (id),
    KEY idx_upload_session_tenant (tenant_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE upload_session; DROP TABLE document_version; DROP TABLE document;

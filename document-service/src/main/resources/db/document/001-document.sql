--liquibase formatted sql

--changeset trellis-document:001-document
-- Document metadata; the bytes live in S3 under object_key. Versions arrive with the document issue.
CREATE TABLE document (
    id           CHAR(36)      NOT NULL,
    tenant_id    VARCHAR(64)   NOT NULL,
    case_id      CHAR(36)      NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    content_type VARCHAR(150)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    object_key   VARCHAR(1024) NOT NULL,
    created_at   TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_document_case (tenant_id, case_id, created_at, id),
    KEY idx_document_tenant (tenant_id, created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE document;

--liquibase formatted sql

--changeset trellis-platform:007-audit-group-commit
-- A write records its audit entry here, in its own transaction and without the chain head's lock; the
-- appender chains pending intents promptly and deletes them in the transaction that chains them. The
-- mac (HMAC under the audit key named by key_id) shows an intent altered before it was chained.
CREATE TABLE audit_intent (
    id            CHAR(36)     NOT NULL,
    tenant_id     VARCHAR(64)  NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    actor_name    VARCHAR(255),
    action        VARCHAR(40)  NOT NULL,
    resource_type VARCHAR(60)  NOT NULL,
    resource_id   VARCHAR(64),
    client_id     CHAR(36),
    request_id    VARCHAR(128),
    purpose       VARCHAR(500),
    occurred_at   TIMESTAMP(6) NOT NULL,
    key_id        VARCHAR(40)  NOT NULL,
    mac           CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    KEY idx_audit_intent_occurred (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which audit key linked a record (records before the keys were split used the index key), so the
-- chain's key can rotate; the head carries a mac too, so an edited or re-created head is detected.
ALTER TABLE audit_record ADD COLUMN key_id VARCHAR(40) NOT NULL DEFAULT 'index';
ALTER TABLE audit_chain_head ADD COLUMN key_id VARCHAR(40) NULL, ADD COLUMN head_mac CHAR(64) NULL;
--rollback ALTER TABLE audit_chain_head DROP COLUMN head_mac, DROP COLUMN key_id; ALTER TABLE audit_record DROP COLUMN key_id; DROP TABLE audit_intent;

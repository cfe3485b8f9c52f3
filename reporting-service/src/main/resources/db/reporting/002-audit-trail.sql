--liquibase formatted sql

--changeset trellis-reporting:002-audit-trail
-- The consolidated audit trail: every audit record the services publish, per producing service and
-- tenant chain, by chain position (events arrive in any order). Never in the external feed. The
-- runtime user may only insert here (trellis.db.append-only-tables). A second record claiming a taken
-- position is refused by the key: the consumer fails it into the dead-letter queue for an operator.
CREATE TABLE audit_trail (
    source        VARCHAR(100) NOT NULL,
    tenant_id     VARCHAR(64)  NOT NULL,
    position      BIGINT       NOT NULL,
    record_id     CHAR(36)     NOT NULL,
    previous_hash VARCHAR(64)  NOT NULL,
    hash          CHAR(64)     NOT NULL,
    occurred_at   TIMESTAMP(6) NOT NULL,
    received_at   TIMESTAMP(6) NOT NULL,
    payload       MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (source, tenant_id, position),
    UNIQUE KEY uk_audit_trail_record (record_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE audit_trail;

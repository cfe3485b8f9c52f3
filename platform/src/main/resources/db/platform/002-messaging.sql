--liquibase formatted sql

--changeset trellis-platform:002-outbox
-- Transactional outbox: written in the transaction of the change, sent to SQS by the relay.
CREATE TABLE outbox_event (
    id              CHAR(36)     NOT NULL,
    aggregate_type  VARCHAR(60)  NOT NULL,
    aggregate_id    VARCHAR(64)  NOT NULL,
    sequence_no     BIGINT       NOT NULL,
    tenant_id       VARCHAR(64)  NOT NULL,
    type            VARCHAR(150) NOT NULL,
    envelope        MEDIUMTEXT   NOT NULL,
    trace_parent    VARCHAR(100),
    request_id      VARCHAR(128),
    created_at      TIMESTAMP(6) NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    attempts        INT          NOT NULL,
    last_error      VARCHAR(500),
    sent_at         TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_aggregate_sequence (aggregate_type, aggregate_id, sequence_no),
    KEY idx_outbox_pending (sent_at, next_attempt_at, created_at),
    KEY idx_outbox_aggregate_pending (aggregate_type, aggregate_id, sent_at, sequence_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Last sequence number per aggregate; kept apart so pruning sent events never resets a sequence.
CREATE TABLE outbox_sequence (
    aggregate_type VARCHAR(60) NOT NULL,
    aggregate_id   VARCHAR(64) NOT NULL,
    last_sequence  BIGINT      NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE outbox_sequence; DROP TABLE outbox_event;

--changeset trellis-platform:003-inbox
-- Idempotent consumers: one row per (consumer, event) applied, written with the effect.
CREATE TABLE inbox_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    event_type   VARCHAR(150) NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (consumer, event_id),
    KEY idx_inbox_processed (processed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE inbox_event;

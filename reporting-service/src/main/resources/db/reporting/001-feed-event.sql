--liquibase formatted sql

--changeset trellis-reporting:001-feed-event
-- The replayable external feed: every event reporting has accepted, in the order it accepted them.
-- position is the consumer's bookmark; event_id is unique so a redelivered event is stored once.
CREATE TABLE feed_event (
    position    BIGINT       NOT NULL AUTO_INCREMENT,
    event_id    CHAR(36)     NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    type        VARCHAR(150) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    payload     MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (position),
    UNIQUE KEY uk_feed_event_id (event_id),
    KEY idx_feed_tenant_position (tenant_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE feed_event;

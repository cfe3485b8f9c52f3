--liquibase formatted sql

--changeset trellis-reporting:006-feed-subscriptions
-- Subscriptions of feed subscribers to delivery into their own SQS queue (trellis-feed-<client id>...). Each has
-- its own cursor (delivered_through: the last feed position delivered or parked), its own failure count and
-- backoff, and a lease so that one instance delivers it at a time: one subscriber's slow or missing queue holds
-- up nobody else. A batch that fails max-attempts times is parked (and sent to the subscriber's dead-letter
-- queue when it has one) and the cursor moves on.
CREATE TABLE feed_subscription (
    id                CHAR(36)      NOT NULL,
    tenant_id         VARCHAR(64)   NOT NULL,
    subscriber        VARCHAR(100)  NOT NULL,
    types             VARCHAR(2000) NOT NULL,
    queue             VARCHAR(80)   NOT NULL,
    deidentified      BOOLEAN       NOT NULL,
    delivered_through BIGINT        NOT NULL,
    attempts          INT           NOT NULL,
    next_attempt_at   TIMESTAMP(6)  NOT NULL,
    last_error        VARCHAR(200),
    lease_until       TIMESTAMP(6)  NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_feed_subscription_queue (tenant_id, queue),
    KEY idx_feed_subscription_due (next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Feed entries a subscription gave up on: which, when, why (an error class, never content), and whether the
-- subscriber's dead-letter queue took them.
CREATE TABLE feed_parked (
    subscription_id CHAR(36)     NOT NULL,
    position        BIGINT       NOT NULL,
    parked_at       TIMESTAMP(6) NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    dead_lettered   BOOLEAN      NOT NULL,
    PRIMARY KEY (subscription_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE feed_parked; DROP TABLE feed_subscription;

--liquibase formatted sql

--changeset trellis-reporting:003-feed-sequence
-- The feed's bookmark becomes a per-tenant sequence given in commit order (FeedSequencer): an AUTO_INCREMENT
-- is taken at insert, so a later transaction could commit a higher position first and a subscriber reading
-- "after my bookmark" would pass the lower one for good. feed_sequence holds each tenant's last number; its
-- row lock is taken at the very end of the transaction that writes feed rows and held until it commits.
CREATE TABLE feed_sequence (
    tenant_id     VARCHAR(64) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE feed_event ADD COLUMN sequence BIGINT NULL;

-- Rows accepted before this change keep their order, numbered per tenant.
UPDATE feed_event f JOIN (SELECT position, ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY position) AS n
                          FROM feed_event) numbered ON numbered.position = f.position
SET f.sequence = numbered.n;
INSERT INTO feed_sequence (tenant_id, last_sequence) SELECT tenant_id, MAX(sequence) FROM feed_event GROUP BY tenant_id;

-- NULL only inside the transaction that inserted the row, until its commit numbers it; readers ask for numbers.
ALTER TABLE feed_event ADD UNIQUE KEY uk_feed_tenant_sequence (tenant_id, sequence);
--rollback ALTER TABLE feed_event DROP INDEX uk_feed_tenant_sequence, DROP COLUMN sequence; DROP TABLE feed_sequence;

--liquibase formatted sql

--changeset trellis-reporting:005-feed-client
-- The client each feed entry is about (from the event, or the client of its case in the case-access copy),
-- so partner subscribers see only clients whose data-sharing consent names them. Entries accepted before
-- this change have none and are never shown to partners (fail closed).
ALTER TABLE feed_event ADD COLUMN client_id CHAR(36) NULL,
    ADD KEY idx_feed_tenant_client (tenant_id, client_id, sequence);
--rollback ALTER TABLE feed_event DROP INDEX idx_feed_tenant_client, DROP COLUMN client_id;

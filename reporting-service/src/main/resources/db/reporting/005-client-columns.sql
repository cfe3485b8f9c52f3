--liquibase formatted sql

--changeset trellis-reporting:005-client-columns
-- The client each feed entry is about (from the event, or the client of its case in the case-access copy),
-- so partner subscribers see only clients whose data-sharing consent names them. Entries accepted before
-- this change have none and are never shown to partners (fail closed).
ALTER TABLE feed_event ADD COLUMN client_id CHAR(36) NULL,
    ADD KEY idx_feed_tenant_client (tenant_id, client_id, sequence);

-- The client each audit record is about, so auditors ask "who touched this client" across services at once.
ALTER TABLE audit_trail ADD COLUMN client_id CHAR(36) NULL,
    ADD KEY idx_audit_trail_client (tenant_id, client_id, occurred_at);
UPDATE audit_trail SET client_id = NULLIF(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.clientId')), 'null');
--rollback ALTER TABLE feed_event DROP INDEX idx_feed_tenant_client, DROP COLUMN client_id;
--rollback ALTER TABLE audit_trail DROP INDEX idx_audit_trail_client, DROP COLUMN client_id;

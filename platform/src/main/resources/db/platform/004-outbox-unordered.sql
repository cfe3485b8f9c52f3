--liquibase formatted sql

--changeset trellis-platform:005-outbox-unordered
-- Events whose order consumers restore themselves (the audit trail carries its chain position) need not
-- wait for the previous event of their aggregate: one tenant's audit stream would otherwise be relayed
-- one event per batch.
ALTER TABLE outbox_event ADD COLUMN ordered_delivery BOOLEAN NOT NULL DEFAULT TRUE;
--rollback ALTER TABLE outbox_event DROP COLUMN ordered_delivery;

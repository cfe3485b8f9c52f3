--liquibase formatted sql

--changeset trellis-platform:006-outbox-lease
-- The relay leases rows in a short transaction and sends them outside it: a leased row's next_attempt_at is
-- the end of its lease, and lease_token names the claim, so only the relay that still holds the lease marks
-- the row sent or failed. A relay that dies mid-batch leaves the lease to expire; the rows are then sent
-- again (at least once; consumers deduplicate on the event id).
ALTER TABLE outbox_event ADD COLUMN lease_token CHAR(36) NULL;
--rollback ALTER TABLE outbox_event DROP COLUMN lease_token;

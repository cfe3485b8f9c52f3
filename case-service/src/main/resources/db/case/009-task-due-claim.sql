--liquibase formatted sql

--changeset trellis-case:009-task-due-claim
-- The due-task announcer claims across tenants (status = 'open', due_notified = FALSE, due_date <= today,
-- FOR UPDATE SKIP LOCKED). idx_task_due leads with tenant_id and cannot serve that range: without this index
-- every claim would scan, and lock-read, every task of every tenant.
CREATE INDEX idx_task_due_claim ON care_task (due_notified, status, due_date);
--rollback DROP INDEX idx_task_due_claim ON care_task;

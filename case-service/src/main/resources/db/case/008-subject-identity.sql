--liquibase formatted sql

--changeset trellis-case:008-subject-identity
-- People are their token subject (`sub`): a user name can be renamed or handed to someone else, and whoever
-- holds it would inherit the old holder's cases, clients and grants. Every person column now holds the
-- subject and gets a *_name twin that is only ever shown, never compared.
--
-- Rows written before this change hold user names, and no subject is known for them here. They become
-- `legacy:<name>`, which no token's subject can equal, so nobody keeps access through a name: supervisors
-- still see everything and reassign, and the name stays visible for display. Failing closed is the point.
ALTER TABLE client ADD COLUMN registered_by_name VARCHAR(255);
UPDATE client SET registered_by_name = registered_by, registered_by = LEFT(CONCAT('legacy:', registered_by), 255);

ALTER TABLE case_file ADD COLUMN assignee_name VARCHAR(255);
UPDATE case_file SET assignee_name = assignee, assignee = LEFT(CONCAT('legacy:', assignee), 255);

ALTER TABLE case_assignment ADD COLUMN assignee_name VARCHAR(255), ADD COLUMN assigned_by_name VARCHAR(255);
UPDATE case_assignment SET assignee_name = assignee, assignee = LEFT(CONCAT('legacy:', assignee), 255),
    assigned_by_name = assigned_by, assigned_by = LEFT(CONCAT('legacy:', assigned_by), 255);

ALTER TABLE case_note ADD COLUMN author_name VARCHAR(255);
UPDATE case_note SET author_name = author, author = LEFT(CONCAT('legacy:', author), 255);

ALTER TABLE care_task ADD COLUMN assignee_name VARCHAR(255);
UPDATE care_task SET assignee_name = assignee, assignee = LEFT(CONCAT('legacy:', assignee), 255);

ALTER TABLE emergency_access ADD COLUMN grantee_name VARCHAR(255), ADD COLUMN reviewed_by_name VARCHAR(255);
UPDATE emergency_access SET grantee_name = grantee, grantee = LEFT(CONCAT('legacy:', grantee), 255),
    reviewed_by_name = reviewed_by, reviewed_by = CASE WHEN reviewed_by IS NULL THEN NULL
                                                       ELSE LEFT(CONCAT('legacy:', reviewed_by), 255) END;

ALTER TABLE consent ADD COLUMN recorded_by_name VARCHAR(255);
UPDATE consent SET recorded_by_name = recorded_by, recorded_by = LEFT(CONCAT('legacy:', recorded_by), 255);

-- Who has signed in, so an assignment by subject can show the assignee's current name. Filled by the
-- service from verified tokens; display only.
CREATE TABLE staff_member (
    tenant_id    VARCHAR(64)  NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    team         VARCHAR(100),
    seen_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, subject)
);

--liquibase formatted sql

--changeset trellis-case:003-case
-- A case: one client served in one program, assigned to a case manager (and team), with a lifecycle.
CREATE TABLE case_file (
    id             CHAR(36)     NOT NULL,
    tenant_id      VARCHAR(64)  NOT NULL,
    client_id      CHAR(36)     NOT NULL,
    program_code   VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    closure_reason VARCHAR(500),
    assignee       VARCHAR(255) NOT NULL,
    team           VARCHAR(100),
    opened_at      TIMESTAMP(6),
    closed_at      TIMESTAMP(6),
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_case_assignee (tenant_id, assignee, status),
    KEY idx_case_team (tenant_id, team, status),
    KEY idx_case_client (tenant_id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who held a case when; a new assignment ends the previous one.
CREATE TABLE case_assignment (
    id          CHAR(36)     NOT NULL,
    case_id     CHAR(36)     NOT NULL,
    assignee    VARCHAR(255) NOT NULL,
    team        VARCHAR(100),
    assigned_by VARCHAR(255) NOT NULL,
    assigned_at TIMESTAMP(6) NOT NULL,
    ended_at    TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY idx_assignment_case (case_id, assigned_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE case_assignment; DROP TABLE case_file;

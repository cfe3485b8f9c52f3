--liquibase formatted sql

--changeset trellis-case:005-care-plan
CREATE TABLE care_goal (
    id          CHAR(36)      NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    case_id     CHAR(36)      NOT NULL,
    description VARCHAR(2000) NOT NULL,
    target_date DATE,
    status      VARCHAR(20)   NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_goal_case (case_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE care_task (
    id           CHAR(36)     NOT NULL,
    tenant_id    VARCHAR(64)  NOT NULL,
    case_id      CHAR(36)     NOT NULL,
    goal_id      CHAR(36),
    title        VARCHAR(300) NOT NULL,
    assignee     VARCHAR(255) NOT NULL,
    due_date     DATE         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    completed_at TIMESTAMP(6),
    due_notified BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_task_case (case_id, status, due_date),
    KEY idx_task_due (tenant_id, status, due_notified, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE care_task; DROP TABLE care_goal;

--liquibase formatted sql

--changeset trellis-access-copy:001-case-access-copy
-- Who answers for each case and which consents each client gave, as case events last said: the facts the
-- platform's AccessRule needs, kept by the service that uses them so it never reads case-service's schema
-- nor calls it per request. `sequence` is the event's position in its aggregate: a row changes only for a
-- newer event, so redelivery, replay and out-of-order arrival change nothing.
CREATE TABLE case_access (
    tenant_id  VARCHAR(64)  NOT NULL,
    case_id    CHAR(36)     NOT NULL,
    client_id  CHAR(36)     NOT NULL,
    assignee   VARCHAR(255) NOT NULL,
    team       VARCHAR(100),
    status     VARCHAR(20)  NOT NULL,
    sequence   BIGINT       NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (case_id),
    KEY idx_case_access_client (tenant_id, client_id),
    KEY idx_case_access_assignee (tenant_id, assignee),
    KEY idx_case_access_team (tenant_id, team)
);

CREATE TABLE consent_copy (
    tenant_id      VARCHAR(64)  NOT NULL,
    consent_id     CHAR(36)     NOT NULL,
    client_id      CHAR(36)     NOT NULL,
    consent_type   VARCHAR(40)  NOT NULL,
    partner        VARCHAR(100),
    status         VARCHAR(20)  NOT NULL,
    effective_date DATE,
    expiry_date    DATE,
    sequence       BIGINT       NOT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (consent_id),
    KEY idx_consent_copy_client (tenant_id, client_id, consent_type)
);

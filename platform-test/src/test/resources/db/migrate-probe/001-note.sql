--liquibase formatted sql

--changeset trellis-probe:001-note
CREATE TABLE note (
    id   CHAR(36)     NOT NULL,
    body VARCHAR(200) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

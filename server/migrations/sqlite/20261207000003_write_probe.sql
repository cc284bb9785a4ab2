-- One row the readiness check rewrites to learn whether the database can be written again,
-- and only after a write failed for want of disk (see `Store::readiness`).
CREATE TABLE write_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at BIGINT  NOT NULL
);

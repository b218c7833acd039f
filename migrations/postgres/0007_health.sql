-- One row that /readyz rewrites (at most once a second) to prove that a write can commit.
CREATE TABLE health (
    id BIGINT PRIMARY KEY,
    checked_at BIGINT NOT NULL
);

-- Feedback on barriers (BITV 2.0 requires a way to report them); read by admins.
CREATE TABLE accessibility_feedback (
    id         INTEGER PRIMARY KEY,
    message    TEXT    NOT NULL,
    contact    TEXT    NOT NULL DEFAULT '',
    page       TEXT    NOT NULL DEFAULT '',
    created_at BIGINT  NOT NULL
);
CREATE INDEX accessibility_feedback_time ON accessibility_feedback (created_at);

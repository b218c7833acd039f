-- Internal notes for the ministry, written beside the public note of a status change. They
-- live in their own table, not in idea_transitions, so that no query of the public trail
-- (pages, feeds, API, open data, data downloads) can pick them up by accident: only the
-- staff views of db::curation read this table.
CREATE TABLE internal_notes (
    id            INTEGER PRIMARY KEY,
    idea_id       BIGINT NOT NULL REFERENCES ideas (id),
    transition_id BIGINT NOT NULL REFERENCES idea_transitions (id),
    author_id     BIGINT REFERENCES users (id),
    author_name   TEXT   NOT NULL,
    note          TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX internal_notes_idea ON internal_notes (idea_id, created_at, id);
CREATE INDEX internal_notes_author ON internal_notes (author_id);

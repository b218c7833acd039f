-- Full-text search over what may be shown: listed ideas (title and text), the visible
-- comments of listed ideas, and workshop learnings. One row per item in `search_items`,
-- written in the same transaction as the item (db/search.rs); its words in `search_fts`
-- under the same rowid. SQLite cannot stem German, so the words are stems computed in Rust
-- (lower-cased, umlauts and ß folded, Snowball German); the tokenizer only splits them.
-- migrations/postgres holds the twin (a tsvector with the `german` configuration instead).
-- Existing rows are indexed by `mitdenken` after migrating (SQL cannot stem).
CREATE TABLE search_items (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('idea', 'learning', 'comment')),
    item_id    BIGINT  NOT NULL,
    -- The idea itself, or the idea of a comment (NULL for learnings): hiding an idea takes
    -- its comments out with it.
    idea_id    BIGINT,
    created_at BIGINT  NOT NULL,
    UNIQUE (kind, item_id)
);
CREATE INDEX search_items_idea ON search_items (idea_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    head, text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Discovery (issue 12): the list of all ideas across themes (/ideen), tags, and filtered
-- search that reads the index alone. migrations/postgres holds the twin.

-- /ideen walks one index per sort backwards from a key (keyset pages, no OFFSET), like the
-- theme page does with its ideas_theme_* indexes; each ends in (created_at, id) as the
-- ORDER BY does.
CREATE INDEX ideas_listed_newest   ON ideas (listed, created_at, id);
CREATE INDEX ideas_listed_supports ON ideas (listed, support_count, created_at, id);
CREATE INDEX ideas_listed_comments ON ideas (listed, comment_count, created_at, id);
CREATE INDEX ideas_listed_status   ON ideas (listed, status, created_at, id);

-- Tags: a short list per theme, kept by moderators; an idea carries up to three of its
-- theme's tags (chosen by the author, changed by moderators). A tag shows only while the
-- idea is in the tag's theme, so moving an idea leaves no stray tags to clean up.
CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    theme_id   BIGINT  NOT NULL REFERENCES themes (id),
    slug       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    UNIQUE (theme_id, slug)
);
CREATE INDEX tags_slug ON tags (slug);

CREATE TABLE idea_tags (
    idea_id BIGINT NOT NULL REFERENCES ideas (id),
    tag_id  BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (idea_id, tag_id)
);
CREATE INDEX idea_tags_tag ON idea_tags (tag_id, idea_id);

-- Filtered search without a look-up per hit: the FTS rows get a third column, `facets`,
-- holding the theme and the idea's status as tokens ("t2 sreview"), which a filtered
-- search adds to its match expression; the rows of search_items carry theme and status too
-- (as on PostgreSQL, for reading and rebuilding), and their id becomes the FTS rowid (item_id * 4
-- + kind: 0 idea, 1 learning, 2 comment), so a hit that needs its row (newest first, tag
-- filter) finds it by primary key. Both tables are made anew, empty: `mitdenken` indexes the
-- existing rows again after migrating (SQL cannot stem), as after migration 0010.
DROP TABLE search_fts;
DROP TABLE search_items;
CREATE TABLE search_items (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('idea', 'learning', 'comment')),
    item_id    BIGINT  NOT NULL,
    idea_id    BIGINT,
    created_at BIGINT  NOT NULL,
    theme_id   BIGINT,
    status     TEXT,
    UNIQUE (kind, item_id)
);
CREATE INDEX search_items_idea ON search_items (idea_id);
CREATE VIRTUAL TABLE search_fts USING fts5 (
    head, text, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

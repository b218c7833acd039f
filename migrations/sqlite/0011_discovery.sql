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

-- The search rows carry their theme and the idea's status, written by the same reindex
-- that writes the words, so a filtered search never joins ideas, learnings and workshops
-- per hit. On SQLite the row id becomes the FTS rowid (item_id * 4 + kind: 0 idea,
-- 1 learning, 2 comment), so a hit finds its row by primary key.
CREATE TABLE search_items_keyed (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('idea', 'learning', 'comment')),
    item_id    BIGINT  NOT NULL,
    idea_id    BIGINT,
    created_at BIGINT  NOT NULL,
    theme_id   BIGINT,
    status     TEXT,
    UNIQUE (kind, item_id)
);
INSERT INTO search_items_keyed (id, kind, item_id, idea_id, created_at, theme_id, status)
SELECT s.item_id * 4 + CASE s.kind WHEN 'idea' THEN 0 WHEN 'learning' THEN 1 ELSE 2 END,
       s.kind, s.item_id, s.idea_id, s.created_at,
       COALESCE(i.theme_id, w.theme_id), i.status
FROM search_items s
LEFT JOIN ideas i ON i.id = s.idea_id
LEFT JOIN learnings l ON s.kind = 'learning' AND l.id = s.item_id
LEFT JOIN workshops w ON w.id = l.workshop_id;
DROP TABLE search_items;
ALTER TABLE search_items_keyed RENAME TO search_items;
CREATE INDEX search_items_idea ON search_items (idea_id);

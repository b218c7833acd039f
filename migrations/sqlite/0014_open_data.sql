-- The open-data API lists listed ideas of all themes by cursor, in the theme page's sorts:
-- one index per sort, each ending in (created_at, id) like the ORDER BY, so a page of
-- /api/v1/ideas is read from an index however many ideas the board has.
CREATE INDEX ideas_listed_newest   ON ideas (listed, created_at, id);
CREATE INDEX ideas_listed_supports ON ideas (listed, support_count, created_at, id);
CREATE INDEX ideas_listed_comments ON ideas (listed, comment_count, created_at, id);

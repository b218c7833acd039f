-- Migration 0011 made the same indexes for /ideen; IF NOT EXISTS leaves them as they are.
-- The open-data API lists listed ideas of all themes by cursor, in the theme page's sorts:
-- one index per sort, each ending in (created_at, id) like the ORDER BY, so a page of
-- /api/v1/ideas is read from an index however many ideas the board has.
CREATE INDEX IF NOT EXISTS ideas_listed_newest   ON ideas (listed, created_at, id);
CREATE INDEX IF NOT EXISTS ideas_listed_supports ON ideas (listed, support_count, created_at, id);
CREATE INDEX IF NOT EXISTS ideas_listed_comments ON ideas (listed, comment_count, created_at, id);

-- "Im Trend" from a maintained count instead of counting a week of supports per request:
-- ideas.trend_count = the idea's supports created at or after trend_state.cutoff. A support
-- raises it, a withdrawn recent support lowers it, and a periodic job moves the cutoff to
-- "seven days ago", subtracting the supports it passes (db/ideas/trend.rs).
ALTER TABLE ideas ADD COLUMN trend_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE trend_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cutoff INTEGER NOT NULL
);

INSERT INTO trend_state (id, cutoff) VALUES (1, CAST(strftime('%s', 'now') AS INTEGER) - 604800);

UPDATE ideas SET trend_count = (
    SELECT COUNT(*) FROM supports s
    WHERE s.idea_id = ideas.id AND s.created_at >= (SELECT cutoff FROM trend_state)
);

-- The trend sort walks these indexes (a theme, all themes) like the other sorts walk theirs.
CREATE INDEX ideas_theme_trend ON ideas (theme_id, listed, trend_count, support_count, id);
CREATE INDEX ideas_listed_trend ON ideas (listed, trend_count, support_count, id);

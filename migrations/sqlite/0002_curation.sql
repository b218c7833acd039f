-- Curation: the status trail, reports, hiding and blocking, merges, the public moderation
-- log, notices for authors, and NGO organisations (migrations/postgres holds the twin).

ALTER TABLE users ADD COLUMN blocked_at BIGINT;
ALTER TABLE users ADD COLUMN blocked_reason TEXT;

-- Whether an idea appears in theme lists: not withdrawn, merged, hidden, or by a blocked
-- author. Kept in step by `db::ideas::refresh_listed` whenever one of those changes.
ALTER TABLE ideas ADD COLUMN listed BIGINT NOT NULL DEFAULT 1;
ALTER TABLE ideas ADD COLUMN merged_into BIGINT REFERENCES ideas (id);
ALTER TABLE ideas ADD COLUMN hidden_at BIGINT;
ALTER TABLE ideas ADD COLUMN hidden_reason TEXT;
-- 1 while hidden only because enough people reported it, until a moderator decides.
ALTER TABLE ideas ADD COLUMN hidden_provisional BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ideas ADD COLUMN author_blocked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ideas ADD COLUMN organisation_id BIGINT;

ALTER TABLE comments ADD COLUMN hidden_at BIGINT;
ALTER TABLE comments ADD COLUMN hidden_reason TEXT;
ALTER TABLE comments ADD COLUMN hidden_provisional BIGINT NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN organisation_id BIGINT;

-- The lists now filter on `listed`; the indexes lead with it after the theme.
DROP INDEX ideas_theme_newest;
DROP INDEX ideas_theme_supports;
DROP INDEX ideas_theme_comments;
CREATE INDEX ideas_theme_newest   ON ideas (theme_id, listed, created_at, id);
CREATE INDEX ideas_theme_supports ON ideas (theme_id, listed, support_count, created_at, id);
CREATE INDEX ideas_theme_comments ON ideas (theme_id, listed, comment_count, created_at, id);
CREATE INDEX ideas_status         ON ideas (status, support_count, created_at);
CREATE INDEX ideas_theme_status   ON ideas (theme_id, status, created_at, id);

-- Every status change of an idea, shown as its public "Verlauf".
CREATE TABLE idea_transitions (
    id          INTEGER PRIMARY KEY,
    idea_id     BIGINT  NOT NULL REFERENCES ideas (id),
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    actor_id    BIGINT  REFERENCES users (id),
    actor_role  TEXT    NOT NULL,
    actor_name  TEXT    NOT NULL,                  -- public name at the time
    note        TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL
);
CREATE INDEX idea_transitions_idea ON idea_transitions (idea_id, created_at, id);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    item_type   TEXT    NOT NULL CHECK (item_type IN ('idea', 'comment')),
    item_id     BIGINT  NOT NULL,
    reporter_id BIGINT  NOT NULL REFERENCES users (id),
    reason      TEXT    NOT NULL,
    details     TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL,
    resolved_at BIGINT,
    resolution  TEXT
);
-- One open report per person and item, enforced by the database.
CREATE UNIQUE INDEX reports_one_open ON reports (item_type, item_id, reporter_id) WHERE resolved_at IS NULL;
CREATE INDEX reports_open ON reports (resolved_at, created_at);

-- Append-only: triggers refuse every UPDATE and DELETE.
CREATE TABLE moderation_log (
    id          INTEGER PRIMARY KEY,
    created_at  BIGINT  NOT NULL,
    month       TEXT    NOT NULL,                  -- "2026-11" in Berlin time, for the monthly counts
    action      TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',       -- a category (spam, insult, ...) or ''
    note        TEXT    NOT NULL DEFAULT '',       -- the public reason or note
    actor_role  TEXT    NOT NULL,
    item_type   TEXT    NOT NULL,
    item_id     BIGINT  NOT NULL
);
CREATE INDEX moderation_log_time ON moderation_log (created_at, id);
CREATE INDEX moderation_log_month ON moderation_log (month, action, reason);
CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log
BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END;
CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log
BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END;

-- What an author should learn at their next visit.
CREATE TABLE notices (
    id         INTEGER PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    idea_id    BIGINT  REFERENCES ideas (id),
    text       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    seen_at    BIGINT
);
CREATE INDEX notices_user ON notices (user_id, seen_at, created_at);

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    website     TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL,
    owner_id    BIGINT  NOT NULL REFERENCES users (id),
    verified_at BIGINT,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE organisation_members (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    user_id         BIGINT NOT NULL REFERENCES users (id),
    added_at        BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user ON organisation_members (user_id);
CREATE INDEX ideas_organisation ON ideas (organisation_id, created_at);
CREATE INDEX comments_organisation ON comments (organisation_id, created_at);

-- Every idea so far starts its trail as submitted by its author.
INSERT INTO idea_transitions (idea_id, from_status, to_status, actor_id, actor_role, actor_name, note, created_at)
SELECT i.id, NULL, 'submitted', i.author_id, u.role, u.display_name, '', i.created_at
FROM ideas i JOIN users u ON u.id = i.author_id;
UPDATE ideas SET listed = CASE WHEN withdrawn_at IS NULL THEN 1 ELSE 0 END;

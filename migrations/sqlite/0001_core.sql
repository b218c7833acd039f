-- Accounts, themes, ideas, comments and supports.
-- Only INTEGER/BIGINT/TEXT columns, booleans as 0/1, timestamps as unix seconds, so the same
-- queries run through sqlx `Any` on SQLite and PostgreSQL (migrations/postgres mirrors this file).

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,          -- stored lower-cased
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'participant'
                  CHECK (role IN ('participant', 'moderator', 'ministry', 'admin')),
    -- Raised when the password changes: sessions holding an older value are logged out.
    auth_epoch    BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL
);
CREATE INDEX users_created ON users (created_at);

CREATE TABLE themes (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    is_open     BIGINT  NOT NULL DEFAULT 1,
    position    BIGINT  NOT NULL DEFAULT 0,
    -- Listed (not withdrawn) ideas; kept in step in the transaction that changes them,
    -- so the home page never counts 100,000 rows.
    idea_count  BIGINT  NOT NULL DEFAULT 0,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE ideas (
    id            INTEGER PRIMARY KEY,
    theme_id      BIGINT  NOT NULL REFERENCES themes (id),
    author_id     BIGINT  NOT NULL REFERENCES users (id),
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,                 -- Markdown source
    status        TEXT    NOT NULL DEFAULT 'submitted',
    support_count BIGINT  NOT NULL DEFAULT 0,
    comment_count BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    edited_at     BIGINT,
    withdrawn_at  BIGINT
);
-- One index per sort of the theme page, each ending in (created_at, id) exactly as the
-- ORDER BY does, so a page is read straight from the index without sorting.
CREATE INDEX ideas_theme_newest   ON ideas (theme_id, created_at, id);
CREATE INDEX ideas_theme_supports ON ideas (theme_id, support_count, created_at, id);
CREATE INDEX ideas_theme_comments ON ideas (theme_id, comment_count, created_at, id);
CREATE INDEX ideas_author         ON ideas (author_id, created_at, id);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    idea_id    BIGINT  NOT NULL REFERENCES ideas (id),
    author_id  BIGINT  NOT NULL REFERENCES users (id),
    parent_id  BIGINT  REFERENCES comments (id),
    body       TEXT    NOT NULL,                    -- Markdown source
    created_at BIGINT  NOT NULL,
    edited_at  BIGINT,
    deleted_at BIGINT
);
CREATE INDEX comments_idea   ON comments (idea_id, created_at);
CREATE INDEX comments_author ON comments (author_id, created_at);

CREATE TABLE supports (
    idea_id    BIGINT NOT NULL REFERENCES ideas (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    -- The idea's theme, copied so "Im Trend" can read one theme's last seven days from one
    -- index range; kept in step when an idea changes theme.
    theme_id   BIGINT NOT NULL REFERENCES themes (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (idea_id, user_id)                  -- one support per person and idea
);
CREATE INDEX supports_theme_recent ON supports (theme_id, created_at, idea_id);
CREATE INDEX supports_user   ON supports (user_id);

-- E-mail and notifications (issue 11): confirmed addresses, tokens, the outbox, follows,
-- notification settings, the newsletter. Only BIGINT/TEXT columns, booleans 0/1, unix seconds.

-- NULL until the person follows the link in the confirmation mail; everyone who registered
-- before mail existed counts as confirmed.
ALTER TABLE users ADD COLUMN email_confirmed_at BIGINT;
UPDATE users SET email_confirmed_at = created_at;
-- The language the person's mails are written in ('de', 'en').
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'de';

-- 1 while the author has not confirmed their address: the idea is not listed or counted.
ALTER TABLE ideas ADD COLUMN held_back BIGINT NOT NULL DEFAULT 0;

-- Supports of people who have not confirmed their address yet: not counted anywhere; moved
-- into `supports` (and counted) when they confirm.
CREATE TABLE held_supports (
    idea_id    BIGINT NOT NULL REFERENCES ideas (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX held_supports_user ON held_supports (user_id);

-- Single-use links sent by mail (confirm, reset, change of address, unsubscribe); only the
-- SHA-256 of the token is stored.
CREATE TABLE account_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    purpose    TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE,
    -- The new address of a change of address; the kind of notice an unsubscribe link ends.
    detail     TEXT,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_at    BIGINT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose, created_at);

-- Every mail, written in the transaction of the event that causes it; the worker sends it.
-- `link` holds the one secret link (a raw token) only until the mail is handed over.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    recipient       TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    message         TEXT    NOT NULL DEFAULT '',
    link            TEXT    NOT NULL DEFAULT '',
    unsubscribe     TEXT    NOT NULL DEFAULT '',
    subject         TEXT    NOT NULL DEFAULT '',
    body            TEXT    NOT NULL DEFAULT '',
    message_id      TEXT    NOT NULL UNIQUE,
    created_at      BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claimed_by      TEXT,
    claimed_until   BIGINT,
    sent_at         BIGINT,
    failed_at       BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;

-- People follow ideas, themes and workshops.
CREATE TABLE follows (
    user_id     BIGINT NOT NULL REFERENCES users (id),
    target_kind TEXT   NOT NULL,
    target_id   BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, target_kind, target_id)
);
CREATE INDEX follows_target ON follows (target_kind, target_id);

-- Per person and kind of event: 'immediate', 'digest' or 'inbox'; absent rows take defaults.
CREATE TABLE notification_settings (
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind    TEXT   NOT NULL,
    mode    TEXT   NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- The kind of event a notice is about, and whether it waits for the daily digest.
ALTER TABLE notices ADD COLUMN kind TEXT NOT NULL DEFAULT 'own';
ALTER TABLE notices ADD COLUMN digest_due BIGINT NOT NULL DEFAULT 0;
CREATE INDEX notices_digest ON notices (user_id, id) WHERE digest_due = 1;

-- The office's newsletter: double opt-in subscribers (unconfirmed ones are deleted after
-- seven days) and the issues sent.
CREATE TABLE newsletter_subscribers (
    id           INTEGER PRIMARY KEY,
    email        TEXT    NOT NULL UNIQUE,
    language     TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    confirmed_at BIGINT
);
CREATE TABLE newsletter_issues (
    id         INTEGER PRIMARY KEY,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    author_id  BIGINT  NOT NULL REFERENCES users (id),
    sent_at    BIGINT  NOT NULL,
    recipients BIGINT  NOT NULL
);
-- The unsubscribe link of each newsletter mail (only its hash), so every issue's link works.
CREATE TABLE newsletter_links (
    token_hash    TEXT   NOT NULL PRIMARY KEY,
    subscriber_id BIGINT NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL
);
CREATE INDEX newsletter_links_subscriber ON newsletter_links (subscriber_id);

-- Set once the reminder the day before a workshop went out to this registration.
ALTER TABLE workshop_registrations ADD COLUMN reminded_at BIGINT;

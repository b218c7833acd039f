-- Privacy and the account's whole life (issue 16): deleted accounts, staff roles with their
-- start (the two-factor grace period counts from it), two-factor sign-in with recovery
-- codes, and what a person may see of their own sessions. migrations/postgres holds the twin.

-- A deleted account keeps its row as an empty shell ("Gelöschtes Konto") so that the
-- contributions it leaves keep their author; e-mail, name and password are gone.
ALTER TABLE users ADD COLUMN deleted_at BIGINT;
-- When the account got its current staff role (NULL for participants).
ALTER TABLE users ADD COLUMN staff_since BIGINT;
-- Staff existing before this migration get their grace period from now on.
UPDATE users SET staff_since = CAST(strftime('%s', 'now') AS INTEGER) WHERE role <> 'participant';

-- TOTP (RFC 6238), one row per account once set up. `last_step` is the last time step a code
-- was accepted for: a code of that step or an earlier one is never accepted again.
CREATE TABLE two_factor (
    user_id    BIGINT  PRIMARY KEY REFERENCES users (id),
    secret     TEXT    NOT NULL,                  -- base32, as shown to the person
    last_step  BIGINT  NOT NULL DEFAULT 0,
    enabled_at BIGINT  NOT NULL
);

-- Ten single-use recovery codes per account, stored as SHA-256 of the code.
CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    code_hash  TEXT    NOT NULL,
    used_at    BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- What a person sees of their sessions on /account: when, and a coarse user agent ("Firefox
-- · Linux"); never an address. The session itself lives in tower-sessions' table.
CREATE TABLE session_meta (
    id           INTEGER PRIMARY KEY,
    session_id   TEXT    NOT NULL UNIQUE,
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,
    user_agent   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX session_meta_user ON session_meta (user_id, last_seen_at);

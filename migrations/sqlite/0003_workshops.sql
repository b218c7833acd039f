-- The Innovationswerkstatt: workshops with agenda rows, registrations with a seat limit and a
-- waiting list, numbered learnings, and links between learnings and ideas.
-- Same conventions as 0001 (BIGINT/TEXT only, 0/1 booleans, unix seconds); migrations/postgres
-- holds the twin of this file.

CREATE TABLE workshops (
    id                INTEGER PRIMARY KEY,
    title             TEXT    NOT NULL,
    starts_at         BIGINT  NOT NULL,             -- unix seconds; entered as Berlin time
    ends_at           BIGINT  NOT NULL,
    format            TEXT    NOT NULL CHECK (format IN ('digital', 'onsite')),
    -- The place (vor Ort) or the link to join (digital; shown only to confirmed people).
    location          TEXT    NOT NULL DEFAULT '',
    description       TEXT    NOT NULL,             -- Markdown source
    seats             BIGINT  NOT NULL,
    registration_open BIGINT  NOT NULL DEFAULT 1,
    -- The theme ideas from this workshop usually belong to (prefills the idea form).
    theme_id          BIGINT  REFERENCES themes (id),
    report            TEXT    NOT NULL DEFAULT '',  -- Markdown source, after the event
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);
CREATE INDEX workshops_start ON workshops (starts_at);

CREATE TABLE workshop_agenda (
    id          INTEGER PRIMARY KEY,
    workshop_id BIGINT  NOT NULL REFERENCES workshops (id),
    position    BIGINT  NOT NULL,
    at_minute   BIGINT,                             -- minutes after midnight, Berlin; NULL: no time given
    item        TEXT    NOT NULL,
    speaker     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX workshop_agenda_workshop ON workshop_agenda (workshop_id, position);

-- One row per person and workshop; cancelling keeps the row (status 'cancelled') and
-- registering again reuses it with a new place at the end of the queue.
CREATE TABLE workshop_registrations (
    id           INTEGER PRIMARY KEY,
    workshop_id  BIGINT  NOT NULL REFERENCES workshops (id),
    user_id      BIGINT  NOT NULL REFERENCES users (id),
    status       TEXT    NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    -- Order of registering within the workshop, handed out under the workshop's row lock:
    -- the waiting list moves up in this order.
    queue_no     BIGINT  NOT NULL,
    registered_at BIGINT NOT NULL,
    promoted_at  BIGINT,                            -- set when moved up from the waiting list
    cancelled_at BIGINT,
    UNIQUE (workshop_id, user_id)
);
CREATE INDEX workshop_registrations_queue ON workshop_registrations (workshop_id, status, queue_no);
CREATE INDEX workshop_registrations_user  ON workshop_registrations (user_id);

CREATE TABLE learnings (
    id          INTEGER PRIMARY KEY,
    workshop_id BIGINT  NOT NULL REFERENCES workshops (id),
    -- "Learning 1", "Learning 2", ...: kept gapless per workshop under the workshop's row lock.
    number      BIGINT  NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,                   -- plain text, paragraphs by blank lines
    created_at  BIGINT  NOT NULL
);
CREATE INDEX learnings_workshop ON learnings (workshop_id, number);

CREATE TABLE learning_ideas (
    learning_id BIGINT NOT NULL REFERENCES learnings (id),
    idea_id     BIGINT NOT NULL REFERENCES ideas (id),
    created_by  BIGINT REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (learning_id, idea_id)
);
CREATE INDEX learning_ideas_idea ON learning_ideas (idea_id);

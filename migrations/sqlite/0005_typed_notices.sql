-- Notices are stored as a message: a catalogue key with its arguments, as JSON
-- ({"key": "...", "args": [["title", {"text": "..."}], ...]}), translated when read.
-- Older rows keep their `text` ("key?name=value") until the start-up converts them.
ALTER TABLE notices ADD COLUMN message TEXT NOT NULL DEFAULT '';
-- Start-up looks for rows still to convert on every start: only those are in this index,
-- so the check costs nothing once they are done.
CREATE INDEX notices_unconverted ON notices (id) WHERE message = '';

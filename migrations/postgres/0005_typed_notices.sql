-- Notices are stored as a message: a catalogue key with its arguments, as JSON
-- ({"key": "...", "args": [["title", {"text": "..."}], ...]}), translated when read.
-- Older rows keep their `text` ("key?name=value") until the start-up converts them.
ALTER TABLE notices ADD COLUMN message TEXT NOT NULL DEFAULT '';

-- The iCalendar SEQUENCE of a workshop: raised with every change of its time or place, so
-- calendar apps that imported the .ics before apply the update instead of ignoring it.
ALTER TABLE workshops ADD COLUMN ics_sequence BIGINT NOT NULL DEFAULT 0;

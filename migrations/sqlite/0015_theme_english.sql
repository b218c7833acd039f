-- Themes can carry an English name and description (issue 13); empty means "not translated",
-- and English pages then show the German text, marked as German.
ALTER TABLE themes ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE themes ADD COLUMN description_en TEXT NOT NULL DEFAULT '';

-- The look-alike key (Unicode TR 39 skeleton) of display names and organisation names, so a
-- new name that looks like an existing one ("Аdmin" with a Cyrillic "А") can be found with
-- the index. SQL cannot compute skeletons: the program fills the NULLs after migrating.
ALTER TABLE users ADD COLUMN name_skeleton TEXT;
ALTER TABLE organisations ADD COLUMN name_skeleton TEXT;
CREATE INDEX users_name_skeleton ON users (name_skeleton);
CREATE INDEX organisations_name_skeleton ON organisations (name_skeleton);

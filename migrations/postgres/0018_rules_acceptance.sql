-- When the person ticked "Ich habe die Netiquette und Nutzungsbedingungen gelesen und
-- akzeptiere sie." at registration (issue 13), in unix seconds. NULL for accounts from before
-- the checkbox existed; create-user and seed-demo set it when they create an account.
ALTER TABLE users ADD COLUMN rules_accepted_at BIGINT;

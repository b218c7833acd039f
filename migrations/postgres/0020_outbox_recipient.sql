-- The mails an address got, newest last: registering with a taken address asks when its
-- owner was last told, and must take as long as a new registration however big the outbox
-- grows (sent mails stay, a newsletter adds one row per subscriber).
CREATE INDEX IF NOT EXISTS outbox_recipient ON outbox (recipient, kind, created_at);

-- Organisation members join by consent: the owner invites an account, and only when its
-- person accepts does a row in organisation_members exist (existing members stay members).
-- Declining or accepting deletes the invitation; the owner never sees pending ones, so the
-- invite form cannot tell which addresses have accounts.
CREATE TABLE organisation_invitations (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    user_id         BIGINT NOT NULL REFERENCES users (id),
    invited_by      BIGINT NOT NULL REFERENCES users (id),
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_invitations_user ON organisation_invitations (user_id, created_at);

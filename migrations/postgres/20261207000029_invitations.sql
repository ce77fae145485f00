-- Invitations to act for an organisation, answered by the person invited: an owner invites a
-- coordinator; a coordinator invites a cooperative member to link their account. An invitation is
-- addressed to a contact, not to an account, so that sending one says nothing about whether the
-- contact has an account; whoever holds that contact sees it on 我的 (issue 37: only once the
-- contact is verified). A member link also needs the code the coordinator gives the member in
-- person. What the inviter may do is checked again when the invitation is accepted. A declined
-- invitation looks, to its organisation, like one still waiting: only an account can decline.
CREATE TABLE invitations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('coordinator', 'member_link')),
    org_id      BIGINT  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- the cooperative member to link, for 'member_link' only
    member_id   BIGINT  REFERENCES coop_members (id) ON DELETE CASCADE,
    -- normalised mobile number or lower-case email, as typed by the inviter
    contact     TEXT    NOT NULL,
    invited_by  BIGINT  NOT NULL REFERENCES users (id),
    status      TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
    -- a member link's code (6 digits), which the coordinator tells the member; wrong tries so far
    code        TEXT,
    wrong_tries BIGINT  NOT NULL DEFAULT 0,
    answered_by BIGINT  REFERENCES users (id),
    created_at  BIGINT  NOT NULL,
    answered_at BIGINT,
    CHECK ((kind = 'member_link') = (member_id IS NOT NULL)),
    CHECK ((kind = 'member_link') = (code IS NOT NULL))
);
-- What a person is invited to, and how often an organisation invited a contact lately.
CREATE INDEX invitations_by_contact ON invitations (contact, status, created_at);
CREATE INDEX invitations_by_org ON invitations (org_id, created_at);
CREATE INDEX invitations_by_member ON invitations (member_id);
CREATE INDEX invitations_by_inviter ON invitations (invited_by, created_at);
-- One open invitation per contact and purpose, and one per member: inviting twice at once cannot
-- make two.
CREATE UNIQUE INDEX invitations_one_open ON invitations (org_id, kind, COALESCE(member_id, 0), contact)
    WHERE status IN ('pending', 'declined');
CREATE UNIQUE INDEX invitations_one_per_member ON invitations (member_id)
    WHERE status IN ('pending', 'declined') AND member_id IS NOT NULL;

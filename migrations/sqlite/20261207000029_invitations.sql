-- Invitations to act for an organisation, answered by the person invited: an owner invites a
-- coordinator; a coordinator invites a cooperative member to link their account. An invitation is
-- addressed to a contact, not to an account, so that sending one says nothing about whether the
-- contact has an account; whoever holds that contact sees it on 我的 (issue 37: only once the
-- contact is verified). What the person may do is checked again when they accept.
CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('coordinator', 'member_link')),
    org_id      INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- the cooperative member to link, for 'member_link' only
    member_id   INTEGER REFERENCES coop_members (id) ON DELETE CASCADE,
    -- normalised mobile number or lower-case email, as typed by the inviter
    contact     TEXT    NOT NULL,
    invited_by  INTEGER NOT NULL REFERENCES users (id),
    status      TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
    answered_by INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    answered_at INTEGER,
    CHECK ((kind = 'member_link') = (member_id IS NOT NULL))
) STRICT;
-- What a person is invited to, and how often an organisation invited a contact lately.
CREATE INDEX invitations_by_contact ON invitations (contact, status, created_at);
CREATE INDEX invitations_by_org ON invitations (org_id, created_at);
-- One open invitation per contact and purpose: inviting twice cannot race into two.
CREATE UNIQUE INDEX invitations_one_open ON invitations (org_id, kind, COALESCE(member_id, 0), contact)
    WHERE status = 'pending';

-- The language a person reads in, so what is sent while they are away (emails) is in it too.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'zh-CN' CHECK (lang IN ('zh-CN', 'en'));

-- What happened to someone (promoted from a waitlist, an organisation verified...). The payload is
-- the event's facts as JSON; the words are chosen when it is read, in the reader's language.
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER,
    -- 'none' (no email wanted or possible), 'pending' (waiting for the mailer), 'sent', 'failed'
    email_state TEXT    NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'pending', 'sent', 'failed'))
) STRICT;

CREATE INDEX notifications_user ON notifications (user_id, created_at);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_email ON notifications (email_state) WHERE email_state = 'pending';

-- Each person's choice per kind of notification; no row means email is on.
CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    email   INTEGER NOT NULL CHECK (email IN (0, 1)),
    PRIMARY KEY (user_id, kind)
) STRICT;

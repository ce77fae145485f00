-- Check-in, attendance and volunteer hours.
-- Each event gets a secret (made when its organisers first show the check-in code) from which the
-- rotating 6-digit codes are derived; `walk_ins` lets people who did not sign up check in.
ALTER TABLE events ADD COLUMN checkin_secret TEXT;
ALTER TABLE events ADD COLUMN walk_ins INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins IN (0, 1));

ALTER TABLE event_participants ADD COLUMN checked_in_at INTEGER;
ALTER TABLE event_participants ADD COLUMN checked_out_at INTEGER;
-- set by check-in or by an organiser on the roster; 'no_show' when the event ended without them
ALTER TABLE event_participants ADD COLUMN attendance TEXT CHECK (attendance IN ('attended', 'no_show'));

-- Hours: 'credit' from check-in/out (one per attendance, capped by the event), 'honour' added by an
-- organiser with a reason. Organisers approve them.
CREATE TABLE volunteer_hours (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('credit', 'honour')),
    minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    reason         TEXT    NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at     INTEGER NOT NULL,
    CHECK (kind = 'credit' OR length(reason) > 0)
) STRICT;

-- A check-in code can credit an attendance once, however often it is sent.
CREATE UNIQUE INDEX volunteer_hours_one_credit ON volunteer_hours (participant_id) WHERE kind = 'credit';
CREATE INDEX volunteer_hours_event ON volunteer_hours (event_id, status);

-- Every change to hours: who, when, what and why.
CREATE TABLE volunteer_hours_log (
    id        INTEGER PRIMARY KEY,
    hours_id  INTEGER NOT NULL REFERENCES volunteer_hours (id) ON DELETE CASCADE,
    action    TEXT    NOT NULL CHECK (action IN ('credited', 'added', 'approved', 'rejected', 'changed')),
    minutes   INTEGER NOT NULL,
    reason    TEXT    NOT NULL DEFAULT '',
    actor_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at        INTEGER NOT NULL
) STRICT;

CREATE INDEX volunteer_hours_log_hours ON volunteer_hours_log (hours_id, id);

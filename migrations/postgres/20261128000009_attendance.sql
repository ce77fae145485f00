-- Check-in, attendance and volunteer hours.
-- Each event gets a secret (made when its organisers first show the check-in code) from which the
-- rotating 6-digit codes are derived; `walk_ins` lets people who did not sign up check in.
ALTER TABLE events ADD COLUMN checkin_secret TEXT;
ALTER TABLE events ADD COLUMN walk_ins BIGINT NOT NULL DEFAULT 0 CHECK (walk_ins IN (0, 1));

ALTER TABLE event_participants ADD COLUMN checked_in_at BIGINT;
ALTER TABLE event_participants ADD COLUMN checked_out_at BIGINT;
-- set by check-in or by an organiser on the roster; 'no_show' when the event ended without them
ALTER TABLE event_participants ADD COLUMN attendance TEXT CHECK (attendance IN ('attended', 'no_show'));

-- Hours: 'credit' from check-in/out (one per attendance, capped by the event), 'honour' added by an
-- organiser with a reason. Organisers approve them.
CREATE TABLE volunteer_hours (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('credit', 'honour')),
    minutes        BIGINT NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    reason         TEXT    NOT NULL DEFAULT '' CHECK (char_length(reason) <= 500),
    status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at     BIGINT NOT NULL,
    CHECK (kind = 'credit' OR char_length(reason) > 0)
);

-- A check-in code can credit an attendance once, however often it is sent.
CREATE UNIQUE INDEX volunteer_hours_one_credit ON volunteer_hours (participant_id) WHERE kind = 'credit';
CREATE INDEX volunteer_hours_event ON volunteer_hours (event_id, status);

-- Every change to hours: who, when, what and why.
CREATE TABLE volunteer_hours_log (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hours_id  BIGINT NOT NULL REFERENCES volunteer_hours (id) ON DELETE CASCADE,
    action    TEXT    NOT NULL CHECK (action IN ('credited', 'added', 'approved', 'rejected', 'changed')),
    minutes   BIGINT NOT NULL,
    reason    TEXT    NOT NULL DEFAULT '',
    actor_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at        BIGINT NOT NULL
);

CREATE INDEX volunteer_hours_log_hours ON volunteer_hours_log (hours_id, id);

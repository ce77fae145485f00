-- Wrong one-time codes typed (an event's check-in code, a listing's handover code): each person
-- gets a few wrong tries a minute. Counted in the database, so that several servers share one
-- count; a person's tries older than a minute are forgotten when they try again.
CREATE TABLE code_tries (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT    NOT NULL CHECK (purpose IN ('checkin', 'handover')),
    at      INTEGER NOT NULL
) STRICT;
CREATE INDEX code_tries_by_person ON code_tries (user_id, purpose, at);

-- Wrong handover codes typed since the code was made: after a few, the code changes.
ALTER TABLE item_requests ADD COLUMN handover_wrong_tries INTEGER NOT NULL DEFAULT 0;

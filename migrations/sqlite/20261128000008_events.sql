-- 一起公益: events that organisations run and residents join.
-- Times are Unix seconds (UTC). A seat is claimed by bumping `seats_taken` in the same write
-- transaction that records the person, and the CHECK below makes overbooking impossible even for
-- a code path that forgot to look.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title           TEXT    NOT NULL CHECK (length(title) BETWEEN 2 AND 80),
    summary         TEXT    NOT NULL DEFAULT '' CHECK (length(summary) <= 200),
    description     TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    category        TEXT    NOT NULL CHECK (category IN ('elderly', 'disability', 'children', 'environment', 'community', 'education', 'health', 'culture', 'emergency', 'other')),
    -- comma-separated, as typed (trimmed)
    tags            TEXT    NOT NULL DEFAULT '' CHECK (length(tags) <= 200),
    starts_at       INTEGER NOT NULL,
    ends_at         INTEGER NOT NULL,
    place_name      TEXT    NOT NULL DEFAULT '' CHECK (length(place_name) <= 100),
    address         TEXT    NOT NULL DEFAULT '' CHECK (length(address) <= 200),
    -- WGS-84; every event happens somewhere on the map
    lat             REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng             REAL    NOT NULL CHECK (lng BETWEEN -180 AND 180),
    -- no capacity: anyone may join
    capacity        INTEGER CHECK (capacity BETWEEN 1 AND 100000),
    signup_deadline INTEGER,
    cancel_deadline INTEGER,
    requirements    TEXT    NOT NULL DEFAULT '' CHECK (length(requirements) <= 1000),
    contact         TEXT    NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled', 'completed')),
    -- hours credited per attendance, in minutes; none: the event's duration
    credit_minutes  INTEGER CHECK (credit_minutes BETWEEN 1 AND 1440),
    seats_taken     INTEGER NOT NULL DEFAULT 0,
    waitlist_length INTEGER NOT NULL DEFAULT 0 CHECK (waitlist_length >= 0),
    -- bumped by every sign-up change: taking the event's row lock, and numbering the waitlist
    signup_seq      INTEGER NOT NULL DEFAULT 0,
    -- bumped by every edit, so an edit made on an older copy is refused instead of overwriting
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (seats_taken >= 0 AND (capacity IS NULL OR seats_taken <= capacity))
) STRICT;

CREATE INDEX events_upcoming ON events (status, ends_at);
CREATE INDEX events_org ON events (org_id, starts_at);

-- Who holds a place: a seat ('going'), a place in the queue ('waitlisted'), or held one ('left',
-- 'removed'). People added by hand by a coordinator have a name and phone instead of an account.
CREATE TABLE event_participants (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    guest_name  TEXT    CHECK (length(guest_name) <= 40),
    guest_phone TEXT    CHECK (length(guest_phone) <= 20),
    status      TEXT    NOT NULL CHECK (status IN ('going', 'waitlisted', 'left', 'removed')),
    -- the event's signup_seq when this person joined the waitlist: first come, first served
    queue_no    INTEGER,
    joined_at   INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    added_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    CHECK (status <> 'waitlisted' OR queue_no IS NOT NULL),
    UNIQUE (event_id, user_id)
) STRICT;

CREATE INDEX event_participants_queue ON event_participants (event_id, status, queue_no);
CREATE INDEX event_participants_user ON event_participants (user_id);

-- Every change to who holds a place, in order: what the roster's history and the tests replay.
CREATE TABLE event_signup_log (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
    action         TEXT    NOT NULL CHECK (action IN ('joined', 'waitlisted', 'promoted', 'left', 'left_waitlist', 'removed', 'added')),
    actor_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at             INTEGER NOT NULL
) STRICT;

CREATE INDEX event_signup_log_event ON event_signup_log (event_id, id);

-- The map shows published upcoming events: only changes to what it shows move its version (not
-- every sign-up, which only touches the counters).
CREATE TRIGGER events_map_insert AFTER INSERT ON events
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER events_map_update AFTER UPDATE OF title, category, starts_at, ends_at, place_name, address, lat, lng, status ON events
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER events_map_delete AFTER DELETE ON events
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

-- 一起公益: events that organisations run and residents join.
-- Times are Unix seconds (UTC). A seat is claimed by bumping `seats_taken` in the same write
-- transaction that records the person, and the CHECK below makes overbooking impossible even for
-- a code path that forgot to look.
CREATE TABLE events (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title           TEXT    NOT NULL CHECK (char_length(title) BETWEEN 2 AND 80),
    summary         TEXT    NOT NULL DEFAULT '' CHECK (char_length(summary) <= 200),
    description     TEXT    NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    category        TEXT    NOT NULL CHECK (category IN ('elderly', 'disability', 'children', 'environment', 'community', 'education', 'health', 'culture', 'emergency', 'other')),
    -- comma-separated, as typed (trimmed)
    tags            TEXT    NOT NULL DEFAULT '' CHECK (char_length(tags) <= 200),
    starts_at       BIGINT NOT NULL,
    ends_at         BIGINT NOT NULL,
    place_name      TEXT    NOT NULL DEFAULT '' CHECK (char_length(place_name) <= 100),
    address         TEXT    NOT NULL DEFAULT '' CHECK (char_length(address) <= 200),
    -- WGS-84; every event happens somewhere on the map
    lat             DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng             DOUBLE PRECISION NOT NULL CHECK (lng BETWEEN -180 AND 180),
    -- no capacity: anyone may join
    capacity        BIGINT CHECK (capacity BETWEEN 1 AND 100000),
    signup_deadline BIGINT,
    cancel_deadline BIGINT,
    requirements    TEXT    NOT NULL DEFAULT '' CHECK (char_length(requirements) <= 1000),
    contact         TEXT    NOT NULL DEFAULT '' CHECK (char_length(contact) <= 200),
    status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled', 'completed')),
    -- hours credited per attendance, in minutes; none: the event's duration
    credit_minutes  BIGINT CHECK (credit_minutes BETWEEN 1 AND 1440),
    seats_taken     BIGINT NOT NULL DEFAULT 0,
    waitlist_length BIGINT NOT NULL DEFAULT 0 CHECK (waitlist_length >= 0),
    -- bumped by every sign-up change: taking the event's row lock, and numbering the waitlist
    signup_seq      BIGINT NOT NULL DEFAULT 0,
    -- bumped by every edit, so an edit made on an older copy is refused instead of overwriting
    version         BIGINT NOT NULL DEFAULT 1,
    created_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (seats_taken >= 0 AND (capacity IS NULL OR seats_taken <= capacity))
);

CREATE INDEX events_upcoming ON events (status, ends_at);
CREATE INDEX events_org ON events (org_id, starts_at);

-- Who holds a place: a seat ('going'), a place in the queue ('waitlisted'), or held one ('left',
-- 'removed'). People added by hand by a coordinator have a name and phone instead of an account.
CREATE TABLE event_participants (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    guest_name  TEXT    CHECK (char_length(guest_name) <= 40),
    guest_phone TEXT    CHECK (char_length(guest_phone) <= 20),
    status      TEXT    NOT NULL CHECK (status IN ('going', 'waitlisted', 'left', 'removed')),
    -- the event's signup_seq when this person joined the waitlist: first come, first served
    queue_no    BIGINT,
    joined_at   BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    added_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    CHECK (status <> 'waitlisted' OR queue_no IS NOT NULL),
    UNIQUE (event_id, user_id)
);

CREATE INDEX event_participants_queue ON event_participants (event_id, status, queue_no);
CREATE INDEX event_participants_user ON event_participants (user_id);

-- Every change to who holds a place, in order: what the roster's history and the tests replay.
CREATE TABLE event_signup_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES event_participants (id) ON DELETE CASCADE,
    action         TEXT    NOT NULL CHECK (action IN ('joined', 'waitlisted', 'promoted', 'left', 'left_waitlist', 'removed', 'added')),
    actor_id       BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at             BIGINT NOT NULL
);

CREATE INDEX event_signup_log_event ON event_signup_log (event_id, id);

-- The map shows published upcoming events: only changes to what it shows move its version (not
-- every sign-up, which only touches the counters).
CREATE TRIGGER events_map_change AFTER INSERT OR DELETE OR UPDATE OF title, category, starts_at, ends_at, place_name, address, lat, lng, status ON events
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

-- Series: an event that repeats (weekly, every two weeks, or monthly on the same weekday of the
-- month). Each occurrence is an ordinary event row (so seats, check-in and hours work the same);
-- the series row says how to make the next ones. Occurrences are numbered from 0; occurrence
-- `anchor_no` falls on `anchor_date` and the rule counts from there. `template` holds the event
-- as last edited for "all future" occurrences (JSON), whose times are those of occurrence
-- `anchor_no`. Occurrences are made up to some weeks ahead; `next_no` is the first not made yet.
CREATE TABLE event_series (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    frequency   TEXT    NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly')),
    -- China calendar dates, YYYY-MM-DD
    anchor_date TEXT    NOT NULL,
    anchor_no   INTEGER NOT NULL CHECK (anchor_no >= 0),
    -- no occurrence after this day; none: until cancelled
    until_date  TEXT,
    template    TEXT    NOT NULL,
    -- the status new occurrences get: 'draft' until the series is published
    new_status  TEXT    NOT NULL CHECK (new_status IN ('draft', 'published')),
    next_no     INTEGER NOT NULL CHECK (next_no >= 1),
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

ALTER TABLE events ADD COLUMN series_id INTEGER REFERENCES event_series (id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN occurrence_no INTEGER;

-- One event per occurrence, however often (and from however many servers) the series is extended.
CREATE UNIQUE INDEX events_series_occurrence ON events (series_id, occurrence_no) WHERE series_id IS NOT NULL;

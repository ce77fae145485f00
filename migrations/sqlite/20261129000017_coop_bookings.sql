-- 邻里帮帮: a resident books a member's service or offers help with a need. The member (if their
-- account is linked) or a coordinator for them answers; the member's side confirms it was done;
-- the resident may say thanks. The title and price are kept as they were when booked, so the
-- record (and the anonymous statistics) stay right when the member's data is deleted.
CREATE TABLE coop_bookings (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES coop_members (id) ON DELETE CASCADE,
    -- 'service': a booking of service_id; 'help': an offer of help with need_id
    kind            TEXT    NOT NULL CHECK (kind IN ('service', 'help')),
    service_id      INTEGER REFERENCES coop_services (id) ON DELETE SET NULL,
    need_id         INTEGER REFERENCES coop_needs (id) ON DELETE SET NULL,
    title           TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    price_fen       INTEGER NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
    unit            TEXT,
    resident_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    time_preference TEXT    NOT NULL DEFAULT '' CHECK (length(time_preference) <= 100),
    message         TEXT    NOT NULL CHECK (length(message) <= 500),
    status          TEXT    NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'declined', 'cancelled', 'done')),
    -- who answered and confirmed: the member's own account, or a coordinator acting for them
    answered_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    answered_at     INTEGER,
    done_at         INTEGER,
    thanks          TEXT    CHECK (length(thanks) <= 300),
    thanked_at      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX coop_bookings_member ON coop_bookings (member_id, status);
CREATE INDEX coop_bookings_resident ON coop_bookings (resident_id, created_at);

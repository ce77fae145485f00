-- 邻里帮帮: the members of a mutual-aid cooperative (an organisation of kind 'cooperative'), kept
-- by its coordinators. A member needs no account; one can be linked later. Private by default
-- (P1): what anyone other than the cooperative's coordinators sees is decided by the live rows
-- of coop_consents. Only a snapped location is ever stored (P4); no ID numbers and no categories
-- of people (P6).
CREATE TABLE coop_members (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- may be a pseudonym; emptied when the member's data is deleted
    display_name   TEXT    NOT NULL CHECK (length(display_name) <= 40),
    -- the community the member is in, or a cell centre at least 500 m across (or neither)
    area_code      TEXT    REFERENCES areas (code),
    cell_lat       REAL     CHECK (cell_lat BETWEEN -90 AND 90),
    cell_lng       REAL     CHECK (cell_lng BETWEEN -180 AND 180),
    availability   TEXT    NOT NULL DEFAULT '' CHECK (length(availability) <= 200),
    -- about the person's situation: the cooperative's coordinators only, never consented out
    situation_note TEXT    NOT NULL DEFAULT '' CHECK (length(situation_note) <= 2000),
    -- the member's own account, when they have one
    user_id        INTEGER UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    -- bumped by every edit, so an edit made on an older copy is refused instead of overwriting
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    -- set when the member's personal data was wiped; the row stays for anonymous statistics
    deleted_at     INTEGER,
    CHECK ((cell_lat IS NULL) = (cell_lng IS NULL)),
    CHECK (deleted_at IS NOT NULL OR length(display_name) >= 1)
) STRICT;

CREATE INDEX coop_members_org ON coop_members (org_id, deleted_at);

-- What a member offers: a skill or service, free (0) or at a price in fen per unit.
CREATE TABLE coop_services (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES coop_members (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    description TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    price_fen   INTEGER NOT NULL DEFAULT 0 CHECK (price_fen BETWEEN 0 AND 10000000),
    unit        TEXT    NOT NULL CHECK (unit IN ('per_hour', 'per_visit', 'per_item', 'per_day')),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX coop_services_member ON coop_services (member_id);

-- What a member needs help with.
CREATE TABLE coop_needs (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES coop_members (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    description TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    urgency     TEXT    NOT NULL CHECK (urgency IN ('low', 'normal', 'urgent')),
    -- met needs stay for the member's history but leave the public card
    met_at      INTEGER,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX coop_needs_member ON coop_needs (member_id);

-- P2: consent is a record. One row per field group and audience the member agreed to, with the
-- version of the notice they were shown, who collected it, how and when; withdrawing sets
-- withdrawn_at and takes effect on the next request. Rows are never deleted while the member is.
CREATE TABLE coop_consents (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES coop_members (id) ON DELETE CASCADE,
    field_group    TEXT    NOT NULL CHECK (field_group IN ('name', 'photo', 'services', 'needs', 'area', 'availability')),
    audience       TEXT    NOT NULL CHECK (audience IN ('coordinators', 'residents', 'everyone')),
    notice_version TEXT    NOT NULL CHECK (length(notice_version) BETWEEN 1 AND 20),
    method         TEXT    NOT NULL CHECK (method IN ('paper', 'in_person', 'in_app')),
    collected_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    given_at       INTEGER NOT NULL,
    withdrawn_at   INTEGER,
    withdrawn_by   INTEGER REFERENCES users (id) ON DELETE SET NULL
) STRICT;

-- One live consent per field group and audience.
CREATE UNIQUE INDEX coop_consents_live ON coop_consents (member_id, field_group, audience) WHERE withdrawn_at IS NULL;

-- P3: every view of a field that is not public, by anyone but the member. viewer_id is kept
-- when the viewer's account goes (their name is kept in viewer_name) so the member still sees it.
CREATE TABLE coop_access_log (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES coop_members (id) ON DELETE CASCADE,
    viewer_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    viewer_name TEXT    NOT NULL,
    -- the viewer's standing: coordinator, resident or admin
    viewer_role TEXT    NOT NULL CHECK (viewer_role IN ('coordinator', 'resident', 'admin')),
    -- the non-public field groups that were shown, comma-separated
    fields      TEXT    NOT NULL,
    -- where: the member's page, the API, the coordinators' editor, an export
    via         TEXT    NOT NULL CHECK (via IN ('page', 'editor', 'export')),
    viewed_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX coop_access_log_member ON coop_access_log (member_id, viewed_at);

-- P3: every action a coordinator takes for a member (acting for them).
CREATE TABLE coop_proxy_log (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES coop_members (id) ON DELETE CASCADE,
    actor_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor_name TEXT    NOT NULL,
    action     TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    detail     TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 200),
    acted_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX coop_proxy_log_member ON coop_proxy_log (member_id, acted_at);

-- Community resources on the map: donation points, community centres, libraries of things, food
-- banks, recycling points. Platform admins and the coordinators of the organisation that runs one
-- keep it up to date.
CREATE TABLE community_resources (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('donation_point', 'community_centre', 'library_of_things', 'food_bank', 'recycling', 'other')),
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
    description   TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    address       TEXT    NOT NULL DEFAULT '' CHECK (length(address) <= 200),
    -- WGS-84; a resource is always on the map
    lat           REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng           REAL    NOT NULL CHECK (lng BETWEEN -180 AND 180),
    opening_hours TEXT    NOT NULL DEFAULT '' CHECK (length(opening_hours) <= 200),
    contact       TEXT    NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    -- bumped by every edit, so an edit made on an older copy is refused instead of overwriting
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

CREATE INDEX community_resources_org ON community_resources (org_id);

CREATE TRIGGER community_resources_map_insert AFTER INSERT ON community_resources
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER community_resources_map_update AFTER UPDATE ON community_resources
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER community_resources_map_delete AFTER DELETE ON community_resources
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

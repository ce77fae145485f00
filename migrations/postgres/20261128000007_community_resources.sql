-- Community resources on the map: donation points, community centres, libraries of things, food
-- banks, recycling points. Platform admins and the coordinators of the organisation that runs one
-- keep it up to date.
CREATE TABLE community_resources (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('donation_point', 'community_centre', 'library_of_things', 'food_bank', 'recycling', 'other')),
    name          TEXT    NOT NULL CHECK (char_length(name) BETWEEN 2 AND 60),
    description   TEXT    NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    address       TEXT    NOT NULL DEFAULT '' CHECK (char_length(address) <= 200),
    -- WGS-84; a resource is always on the map
    lat           DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng           DOUBLE PRECISION NOT NULL CHECK (lng BETWEEN -180 AND 180),
    opening_hours TEXT    NOT NULL DEFAULT '' CHECK (char_length(opening_hours) <= 200),
    contact       TEXT    NOT NULL DEFAULT '' CHECK (char_length(contact) <= 200),
    -- bumped by every edit, so an edit made on an older copy is refused instead of overwriting
    version       BIGINT  NOT NULL DEFAULT 1,
    created_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);

CREATE INDEX community_resources_org ON community_resources (org_id);

CREATE TRIGGER community_resources_map_change AFTER INSERT OR UPDATE OR DELETE ON community_resources
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

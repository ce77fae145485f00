-- Areas of the district: sub-districts (街道) and the communities (社区) inside them.
-- Later features place members, resources and searches in them.
CREATE TABLE areas (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('subdistrict', 'community')),
    parent_code TEXT    REFERENCES areas (code),
    name_zh     TEXT    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    name_en     TEXT    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    -- centre point, WGS-84
    lat         REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng         REAL    NOT NULL CHECK (lng BETWEEN -180 AND 180),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX areas_parent ON areas (parent_code);

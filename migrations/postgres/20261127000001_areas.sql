-- Areas of the district: sub-districts (街道) and the communities (社区) inside them.
-- Later features place members, resources and searches in them.
CREATE TABLE areas (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        TEXT             NOT NULL UNIQUE,
    kind        TEXT             NOT NULL CHECK (kind IN ('subdistrict', 'community')),
    parent_code TEXT             REFERENCES areas (code),
    name_zh     TEXT             NOT NULL CHECK (char_length(name_zh) BETWEEN 1 AND 100),
    name_en     TEXT             NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 100),
    -- centre point, WGS-84
    lat         DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng         DOUBLE PRECISION NOT NULL CHECK (lng BETWEEN -180 AND 180),
    created_at  BIGINT           NOT NULL
);

CREATE INDEX areas_parent ON areas (parent_code);

-- 益享生活: things neighbours give away, swap or lend, and things they are looking for.
-- Where an item is: only the centre of its ~300 m grid cell (map::grid), snapped once when saved;
-- the point the poster chose is never stored.
CREATE TABLE items (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('offer', 'wanted')),
    title          TEXT    NOT NULL CHECK (char_length(title) BETWEEN 2 AND 60),
    description    TEXT    NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    category       TEXT    NOT NULL CHECK (category IN ('furniture', 'appliances', 'clothing', 'baby_kids', 'books', 'kitchen', 'electronics', 'sports', 'tools', 'food', 'other')),
    -- none for a wanted item
    item_condition TEXT    CHECK (item_condition IN ('new', 'like_new', 'good', 'worn')),
    mode           TEXT    NOT NULL CHECK (mode IN ('give', 'swap', 'lend')),
    -- shown to everyone; the exact pickup address is only ever shared in a request's thread
    pickup_notes   TEXT    NOT NULL DEFAULT '' CHECK (char_length(pickup_notes) <= 300),
    cell_lat       DOUBLE PRECISION NOT NULL CHECK (cell_lat BETWEEN -90 AND 90),
    cell_lng       DOUBLE PRECISION NOT NULL CHECK (cell_lng BETWEEN -180 AND 180),
    status         TEXT    NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'promised', 'handed_over', 'withdrawn', 'expired')),
    -- 30 days after posting or reposting
    expires_at     BIGINT NOT NULL,
    -- set when reports hide the listing until an admin decides
    hidden_at      BIGINT,
    -- bumped by every change, so an edit made on an older copy is refused instead of overwriting
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

CREATE INDEX items_listed ON items (status, expires_at);
CREATE INDEX items_owner ON items (owner_id, created_at);

-- Photos as they are served: re-encoded (no EXIF or GPS survives), a display size and a thumbnail.
CREATE TABLE item_photos (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id   BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position  BIGINT NOT NULL CHECK (position BETWEEN 0 AND 5),
    width     BIGINT NOT NULL CHECK (width > 0),
    height    BIGINT NOT NULL CHECK (height > 0),
    display   BYTEA  NOT NULL,
    thumb     BYTEA  NOT NULL,
    UNIQUE (item_id, position)
);

-- Chinese full-text search: a trigram index serves ILIKE for runs of 3+ characters (shorter ones
-- scan). The extension lives in `public`, so a schema of its own (tests) can use it and never
-- drops it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX items_text ON items USING gin ((title || ' ' || description) public.gin_trgm_ops);

CREATE TRIGGER items_map_change AFTER INSERT OR DELETE OR UPDATE OF title, category, kind, cell_lat, cell_lng, status, hidden_at ON items
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

-- 益享生活: things neighbours give away, swap or lend, and things they are looking for.
-- Where an item is: only the centre of its ~300 m grid cell (map::grid), snapped once when saved;
-- the point the poster chose is never stored.
CREATE TABLE items (
    id             INTEGER PRIMARY KEY,
    owner_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('offer', 'wanted')),
    title          TEXT    NOT NULL CHECK (length(title) BETWEEN 2 AND 60),
    description    TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    category       TEXT    NOT NULL CHECK (category IN ('furniture', 'appliances', 'clothing', 'baby_kids', 'books', 'kitchen', 'electronics', 'sports', 'tools', 'food', 'other')),
    -- none for a wanted item
    item_condition TEXT    CHECK (item_condition IN ('new', 'like_new', 'good', 'worn')),
    mode           TEXT    NOT NULL CHECK (mode IN ('give', 'swap', 'lend')),
    -- shown to everyone; the exact pickup address is only ever shared in a request's thread
    pickup_notes   TEXT    NOT NULL DEFAULT '' CHECK (length(pickup_notes) <= 300),
    cell_lat       REAL    NOT NULL CHECK (cell_lat BETWEEN -90 AND 90),
    cell_lng       REAL    NOT NULL CHECK (cell_lng BETWEEN -180 AND 180),
    status         TEXT    NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'promised', 'handed_over', 'withdrawn', 'expired')),
    -- 30 days after posting or reposting
    expires_at     INTEGER NOT NULL,
    -- set when reports hide the listing until an admin decides
    hidden_at      INTEGER,
    -- bumped by every change, so an edit made on an older copy is refused instead of overwriting
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX items_listed ON items (status, expires_at);
CREATE INDEX items_owner ON items (owner_id, created_at);

-- Photos as they are served: re-encoded (no EXIF or GPS survives), a display size and a thumbnail.
CREATE TABLE item_photos (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position BETWEEN 0 AND 5),
    width     INTEGER NOT NULL CHECK (width > 0),
    height    INTEGER NOT NULL CHECK (height > 0),
    display   BLOB    NOT NULL,
    thumb     BLOB    NOT NULL,
    UNIQUE (item_id, position)
) STRICT;

-- Chinese full-text search: trigrams find any run of 3+ characters; shorter queries use LIKE.
CREATE VIRTUAL TABLE items_text USING fts5 (title, description, content = 'items', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER items_text_insert AFTER INSERT ON items
BEGIN INSERT INTO items_text (rowid, title, description) VALUES (new.id, new.title, new.description); END;

CREATE TRIGGER items_text_delete AFTER DELETE ON items
BEGIN INSERT INTO items_text (items_text, rowid, title, description) VALUES ('delete', old.id, old.title, old.description); END;

CREATE TRIGGER items_text_update AFTER UPDATE OF title, description ON items
BEGIN
    INSERT INTO items_text (items_text, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO items_text (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

-- The map shows available items: only what it shows moves its version.
CREATE TRIGGER items_map_insert AFTER INSERT ON items
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER items_map_update AFTER UPDATE OF title, category, kind, cell_lat, cell_lng, status, hidden_at ON items
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER items_map_delete AFTER DELETE ON items
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

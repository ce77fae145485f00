-- Organisations and who runs them. Anyone signed in can register one; it starts 'pending' (shown
-- as unverified) until a platform admin verifies it, marks it as a partner, or rejects it.
CREATE TABLE organisations (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('ngo', 'social_org', 'community', 'cooperative', 'enterprise', 'government')),
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
    description      TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    services         TEXT    NOT NULL DEFAULT '' CHECK (length(services) <= 1000),
    address          TEXT    NOT NULL DEFAULT '' CHECK (length(address) <= 200),
    -- WGS-84; both or neither
    lat              REAL    CHECK (lat BETWEEN -90 AND 90),
    lng              REAL    CHECK (lng BETWEEN -180 AND 180),
    contact          TEXT    NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    opening_hours    TEXT    NOT NULL DEFAULT '' CHECK (length(opening_hours) <= 200),
    -- 统一社会信用代码, check digit validated before saving
    credit_code      TEXT    UNIQUE CHECK (length(credit_code) = 18),
    verification     TEXT    NOT NULL DEFAULT 'pending' CHECK (verification IN ('pending', 'verified', 'partner', 'rejected')),
    rejection_reason TEXT    CHECK (length(rejection_reason) <= 500),
    reviewed_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at      INTEGER,
    -- bumped by every edit, so an edit made on an older copy is refused instead of overwriting
    version          INTEGER NOT NULL DEFAULT 1,
    created_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK ((lat IS NULL) = (lng IS NULL))
) STRICT;

CREATE INDEX organisations_verification ON organisations (verification, created_at);

CREATE TABLE org_members (
    org_id   INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT    NOT NULL CHECK (role IN ('owner', 'coordinator')),
    added_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (org_id, user_id)
) STRICT;

CREATE INDEX org_members_user ON org_members (user_id);

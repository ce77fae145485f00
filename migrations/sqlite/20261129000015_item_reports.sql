-- 益享生活: reports of listings. Three open reports from different people hide a listing until an
-- admin decides: restore it, or remove it (and warn the poster, or not).
CREATE TABLE item_reports (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason      TEXT    NOT NULL CHECK (reason IN ('prohibited', 'scam', 'offensive', 'misleading', 'other')),
    details     TEXT    NOT NULL DEFAULT '' CHECK (length(details) <= 300),
    created_at  INTEGER NOT NULL,
    -- the admin's decision on the reports open at the time
    resolved_at INTEGER,
    resolution  TEXT    CHECK (resolution IN ('restored', 'removed')),
    resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (item_id, reporter_id)
) STRICT;

CREATE INDEX item_reports_open ON item_reports (item_id, resolved_at);

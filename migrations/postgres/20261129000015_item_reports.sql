-- 益享生活: reports of listings. Three open reports from different people hide a listing until an
-- admin decides: restore it, or remove it (and warn the poster, or not).
CREATE TABLE item_reports (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id     BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    reporter_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason      TEXT    NOT NULL CHECK (reason IN ('prohibited', 'scam', 'offensive', 'misleading', 'other')),
    details     TEXT    NOT NULL DEFAULT '' CHECK (char_length(details) <= 300),
    created_at  BIGINT NOT NULL,
    -- the admin's decision on the reports open at the time
    resolved_at BIGINT,
    resolution  TEXT    CHECK (resolution IN ('restored', 'removed')),
    resolved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (item_id, reporter_id)
);

CREATE INDEX item_reports_open ON item_reports (item_id, resolved_at);

-- 益享生活: people asking for a listing, the owner's promise to one of them, the handover
-- confirmed by both, and (for lending) the return. Each request has its own message thread.
CREATE TABLE item_requests (
    id                 INTEGER PRIMARY KEY,
    item_id            INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    requester_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message            TEXT    NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
    -- open: waiting for the owner; promised: the owner chose this person; declined: the owner
    -- backed out of the promise or the item went to someone else; withdrawn: the asker backed out;
    -- handed_over: both confirmed; returned: a lent item came back
    status             TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'promised', 'declined', 'withdrawn', 'handed_over', 'returned')),
    -- shown by the giver, typed (or scanned) by the taker at the handover
    handover_code      TEXT    CHECK (handover_code IS NULL OR length(handover_code) = 6),
    giver_confirmed_at INTEGER,
    taker_confirmed_at INTEGER,
    -- lending: when it is due back, and when the owner confirmed it was
    due_at             INTEGER,
    returned_at        INTEGER,
    promised_at        INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    UNIQUE (item_id, requester_id)
) STRICT;

-- At most one person holds a listing at a time, whatever the code paths do.
CREATE UNIQUE INDEX item_requests_one_taker ON item_requests (item_id) WHERE status IN ('promised', 'handed_over');
CREATE INDEX item_requests_requester ON item_requests (requester_id, status);

CREATE TABLE item_messages (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES item_requests (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX item_messages_thread ON item_messages (request_id, id);

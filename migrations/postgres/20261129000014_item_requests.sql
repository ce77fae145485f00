-- 益享生活: people asking for a listing, the owner's promise to one of them, the handover
-- confirmed by both, and (for lending) the return. Each request has its own message thread.
CREATE TABLE item_requests (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id            BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    requester_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message            TEXT    NOT NULL CHECK (char_length(message) BETWEEN 1 AND 500),
    -- open: waiting for the owner; promised: the owner chose this person; declined: the owner
    -- backed out of the promise or the item went to someone else; withdrawn: the asker backed out;
    -- handed_over: both confirmed; returned: a lent item came back
    status             TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'promised', 'declined', 'withdrawn', 'handed_over', 'returned')),
    -- shown by the giver, typed (or scanned) by the taker at the handover
    handover_code      TEXT    CHECK (handover_code IS NULL OR char_length(handover_code) = 6),
    giver_confirmed_at BIGINT,
    taker_confirmed_at BIGINT,
    -- lending: when it is due back, and when the owner confirmed it was
    due_at             BIGINT,
    returned_at        BIGINT,
    promised_at        BIGINT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    UNIQUE (item_id, requester_id)
);

-- At most one person holds a listing at a time, whatever the code paths do.
CREATE UNIQUE INDEX item_requests_one_taker ON item_requests (item_id) WHERE status IN ('promised', 'handed_over');
CREATE INDEX item_requests_requester ON item_requests (requester_id, status);

CREATE TABLE item_messages (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES item_requests (id) ON DELETE CASCADE,
    author_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
    created_at BIGINT NOT NULL
);

CREATE INDEX item_messages_thread ON item_messages (request_id, id);

-- A listing handed out at a community resource (a donation point, a library of things) by the
-- organisation that runs it: posted by one of its coordinators, shown at the resource's place, and
-- counted on that organisation's dashboard once handed over. A resource that goes keeps its
-- listings, without the link.
ALTER TABLE items ADD COLUMN resource_id BIGINT REFERENCES community_resources (id) ON DELETE SET NULL;

CREATE INDEX items_resource ON items (resource_id) WHERE resource_id IS NOT NULL;

-- The months a person used the app while signed in (one row per person and month, written at most
-- once per session and month), for the platform's active users. Like the rest of an account's
-- history, a deleted account's months still count: its row is anonymised, not removed.
CREATE TABLE user_active_months (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the month's first second, China time
    month_start BIGINT NOT NULL,
    PRIMARY KEY (month_start, user_id)
);

-- The last month this session's person was counted in, so the count costs one write a month.
ALTER TABLE sessions ADD COLUMN counted_month BIGINT NOT NULL DEFAULT 0;

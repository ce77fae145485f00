-- What leaves the site in the background (SMS, e-mailed codes), one row per message. A sender
-- claims due rows with a lease (a token and a time), so that several server instances never send
-- one twice, and a sender that died mid-way leaves its rows to the next once the lease has run
-- out. The payload (number, code) is emptied once the message is done with; what stays is the
-- state, a masked recipient and the provider's id or error code.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    channel     TEXT    NOT NULL CHECK (channel IN ('sms', 'mail')),
    payload     TEXT    NOT NULL,
    -- 138****0001 or l***@example.cn: enough to tell messages apart, not to reach anyone
    recipient   TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'expired')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    -- not tried before this (a retry waits longer each time)
    not_before  INTEGER NOT NULL,
    -- not sent after this (a code is useless once it has expired)
    give_up_at  INTEGER NOT NULL,
    claim       TEXT,
    lease_until INTEGER,
    outcome     TEXT,
    -- what the message is about, for messages that must be queued once only ('notice:42')
    once_key    TEXT    UNIQUE,
    created_at  INTEGER NOT NULL,
    done_at     INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (channel, state, not_before);
CREATE INDEX outbox_done ON outbox (done_at);

-- Named leases for work that runs on one instance at a time (reminders, upkeep): whoever holds
-- an unexpired lease does the work; another instance takes it over once it has run out.
CREATE TABLE job_leases (
    name   TEXT    PRIMARY KEY,
    holder TEXT    NOT NULL,
    until  INTEGER NOT NULL
) STRICT;

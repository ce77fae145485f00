-- One-time codes sent by SMS or e-mail to prove a contact (sign-up, sign-in, reset, change of
-- contact). Only an HMAC of the code with a server key kept outside the database is stored: six
-- digits hashed plainly would fall to a million guesses against a copy of the database. One live
-- code per contact and purpose; every try is counted before the code is compared.
CREATE TABLE one_time_codes (
    -- HMAC of the normalised contact: numbers of people without an account are not kept
    contact_mac TEXT   NOT NULL,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('sign_up', 'sign_in', 'reset', 'change')),
    code_mac   TEXT    NOT NULL,
    tries      INTEGER NOT NULL DEFAULT 0,
    -- the account asking, for a change of contact (a code for one person's change is not another's)
    user_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (contact_mac, purpose)
) STRICT;
CREATE INDEX one_time_codes_by_expiry ON one_time_codes (expires_at);

-- Every code sent, for the limits per contact, per client address and per day (SMS pumping costs
-- real money), purged after a day. Counted in the database so that several servers share one count.
CREATE TABLE code_sends (
    id      INTEGER PRIMARY KEY,
    contact_mac TEXT NOT NULL,
    client  TEXT,
    -- 0 for a code made for a number no account holds (sign-in, reset): counted for the limits
    -- per contact and address, but not for the day's cap, which only what is paid for fills
    sent    INTEGER NOT NULL DEFAULT 1 CHECK (sent IN (0, 1)),
    sent_at INTEGER NOT NULL
) STRICT;
CREATE INDEX code_sends_by_contact ON code_sends (contact_mac, sent_at);
CREATE INDEX code_sends_by_client ON code_sends (client, sent_at);
CREATE INDEX code_sends_by_time ON code_sends (sent_at);

-- One row every sender locks first, so that limits are counted one send after another on
-- PostgreSQL too (SQLite's write transaction holds the database already).
CREATE TABLE code_send_gate (
    id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;
INSERT INTO code_send_gate (id) VALUES (1);

-- When the account proved by a code that its contact is its own; NULL for accounts made before
-- codes existed, which keep working and are asked to verify.
ALTER TABLE users ADD COLUMN contact_verified_at INTEGER;

-- The private calendar address's secret is kept only as a hash (SHA-256, as for sessions): a copy
-- of the database no longer opens anyone's calendar. Addresses already in use keep working: the
-- server hashes the stored secrets once, in Rust, right after this migration, and clears them.
ALTER TABLE users ADD COLUMN calendar_token_hash TEXT;
CREATE UNIQUE INDEX users_calendar_token_hash ON users (calendar_token_hash)
    WHERE calendar_token_hash IS NOT NULL;

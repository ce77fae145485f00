-- Server-side sessions. Only a SHA-256 hash of the cookie's token is stored, so a copy of the
-- database cannot be used to sign in as anyone.
CREATE TABLE sessions (
    token_hash   TEXT   PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);

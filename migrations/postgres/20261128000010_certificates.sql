-- Volunteer certificates (志愿服务记录证明) and private calendar feeds.
-- A certificate keeps what it certified when it was issued (name, organisation, hours, period),
-- so the public verification page shows exactly that, even if the account or hours change later.
-- Its serial is random, so nobody can walk through other people's certificates.
CREATE TABLE hours_certificates (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    serial       TEXT    NOT NULL UNIQUE,
    user_id      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    org_id       BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    holder_name  TEXT    NOT NULL,
    org_name     TEXT    NOT NULL,
    -- the period, as China dates (YYYY-MM-DD)
    period_from  TEXT    NOT NULL,
    period_to    TEXT    NOT NULL,
    minutes      BIGINT NOT NULL CHECK (minutes >= 0),
    events       BIGINT NOT NULL CHECK (events >= 0),
    issued_at    BIGINT NOT NULL,
    -- set when a newer certificate replaces it or the organisation withdraws it
    revoked_at   BIGINT
);

CREATE INDEX hours_certificates_user ON hours_certificates (user_id, org_id, period_from);

-- The secret part of a person's "my events" calendar address; a new one revokes the old.
ALTER TABLE users ADD COLUMN calendar_token TEXT;
CREATE UNIQUE INDEX users_calendar_token ON users (calendar_token) WHERE calendar_token IS NOT NULL;

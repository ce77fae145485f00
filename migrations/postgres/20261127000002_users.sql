-- People with an account. Deleting an account wipes the personal fields and keeps the row, so
-- anonymous history (hours, events held) still adds up.
CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- normalised mobile number (11 digits) or lower-case email; NULL once the account is deleted
    contact       TEXT   UNIQUE,
    contact_kind  TEXT   CHECK (contact_kind IN ('mobile', 'email')),
    display_name  TEXT   NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 40),
    -- PHC string (argon2); NULL once the account is deleted
    password_hash TEXT,
    is_admin      BIGINT NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at    BIGINT NOT NULL,
    deleted_at    BIGINT
);

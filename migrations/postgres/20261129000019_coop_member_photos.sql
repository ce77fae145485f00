-- A cooperative member's optional photo (one at most), shown only where its field group's consent
-- reaches. Kept as re-encoded JPEGs, like item photos: nothing of the original file survives.
CREATE TABLE coop_member_photos (
    member_id   BIGINT PRIMARY KEY REFERENCES coop_members (id) ON DELETE CASCADE,
    width       BIGINT NOT NULL CHECK (width > 0),
    height      BIGINT NOT NULL CHECK (height > 0),
    display     BYTEA  NOT NULL,
    thumb       BYTEA  NOT NULL,
    uploaded_at BIGINT NOT NULL
);

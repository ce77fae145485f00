-- A cooperative member's optional photo (one at most), shown only where its field group's consent
-- reaches. Kept as re-encoded JPEGs, like item photos: nothing of the original file survives.
CREATE TABLE coop_member_photos (
    member_id   INTEGER PRIMARY KEY REFERENCES coop_members (id) ON DELETE CASCADE,
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    display     BLOB    NOT NULL,
    thumb       BLOB    NOT NULL,
    uploaded_at INTEGER NOT NULL
) STRICT;

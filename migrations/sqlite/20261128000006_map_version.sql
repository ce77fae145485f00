-- One number that changes whenever anything shown on the map changes. Each server keeps the map in
-- memory and reloads it when this number moves, so several servers sharing one database agree.
-- Triggers bump it, so no code path that writes a place can forget to.
CREATE TABLE map_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;

INSERT INTO map_version (id, version) VALUES (1, 1);

CREATE TRIGGER organisations_map_insert AFTER INSERT ON organisations
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER organisations_map_update AFTER UPDATE ON organisations
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER organisations_map_delete AFTER DELETE ON organisations
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

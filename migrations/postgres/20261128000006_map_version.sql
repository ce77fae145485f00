-- One number that changes whenever anything shown on the map changes. Each server keeps the map in
-- memory and reloads it when this number moves, so several servers sharing one database agree.
-- Triggers bump it, so no code path that writes a place can forget to.
CREATE TABLE map_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);

INSERT INTO map_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE map_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER organisations_map_change AFTER INSERT OR UPDATE OR DELETE ON organisations
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

-- Searching the map by words read every community resource's name and address with LIKE: several
-- hundred ms at 1,000,000 places for a word not searched before, which anyone can send (issue 35).
-- The listings' two indexes again (migrations 13 and 22): trigrams for three characters or more,
-- and each character and pair of neighbouring characters for shorter words.
CREATE VIRTUAL TABLE resources_text USING fts5 (name, address, content = 'community_resources', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER resources_text_insert AFTER INSERT ON community_resources
BEGIN INSERT INTO resources_text (rowid, name, address) VALUES (new.id, new.name, new.address); END;

CREATE TRIGGER resources_text_delete AFTER DELETE ON community_resources
BEGIN INSERT INTO resources_text (resources_text, rowid, name, address) VALUES ('delete', old.id, old.name, old.address); END;

CREATE TRIGGER resources_text_update AFTER UPDATE OF name, address ON community_resources
BEGIN
    INSERT INTO resources_text (resources_text, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
    INSERT INTO resources_text (rowid, name, address) VALUES (new.id, new.name, new.address);
END;

INSERT INTO resources_text (resources_text) VALUES ('rebuild');

-- As items_grams (migration 22): positions counted with json_each, since triggers cannot recurse.
CREATE VIRTUAL TABLE resources_grams USING fts5 (grams, tokenize = 'unicode61');

CREATE TRIGGER resources_grams_insert AFTER INSERT ON community_resources
BEGIN
    INSERT INTO resources_grams (rowid, grams)
    SELECT new.id, group_concat(substr(t.text, n.key + 1, 1) || ' ' || substr(t.text, n.key + 1, 2), ' ')
    FROM (SELECT new.name || ' ' || new.address AS text) AS t,
         json_each('[' || rtrim(replace(hex(zeroblob(length(t.text))), '00', '0,'), ',') || ']') AS n;
END;

CREATE TRIGGER resources_grams_delete AFTER DELETE ON community_resources
BEGIN
    DELETE FROM resources_grams WHERE rowid = old.id;
END;

CREATE TRIGGER resources_grams_update AFTER UPDATE OF name, address ON community_resources
BEGIN
    DELETE FROM resources_grams WHERE rowid = old.id;
    INSERT INTO resources_grams (rowid, grams)
    SELECT new.id, group_concat(substr(t.text, n.key + 1, 1) || ' ' || substr(t.text, n.key + 1, 2), ' ')
    FROM (SELECT new.name || ' ' || new.address AS text) AS t,
         json_each('[' || rtrim(replace(hex(zeroblob(length(t.text))), '00', '0,'), ',') || ']') AS n;
END;

INSERT INTO resources_grams (rowid, grams)
SELECT r.id, group_concat(substr(r.name || ' ' || r.address, n.key + 1, 1) || ' ' || substr(r.name || ' ' || r.address, n.key + 1, 2), ' ')
FROM community_resources AS r,
     json_each('[' || rtrim(replace(hex(zeroblob(length(r.name || ' ' || r.address))), '00', '0,'), ',') || ']') AS n
GROUP BY r.id;

-- The map finds a listing by its description too (as the board does): editing it changes what a
-- search on the map shows.
DROP TRIGGER items_map_update;
CREATE TRIGGER items_map_update AFTER UPDATE OF title, description, category, kind, cell_lat, cell_lng, status, hidden_at ON items
BEGIN UPDATE map_version SET version = version + 1, items = items + 1 WHERE id = 1; END;

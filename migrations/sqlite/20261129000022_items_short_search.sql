-- Searches of one or two characters ("车", "冰箱"): the trigram index cannot answer them, and LIKE
-- read every listing (50-80 ms at 100,000, app/examples/search_bench.rs). Here each character and
-- each pair of neighbouring characters of a listing's title and description is a word of its own.
-- Triggers cannot use WITH RECURSIVE: json_each over a list of as many zeros as the text has
-- characters counts the positions instead.
-- A plain FTS5 table: it keeps its own copy of the grams, so SQLite's integrity check compares
-- its index with them (the crash test runs that check on a fresh connection; see faults.rs).
CREATE VIRTUAL TABLE items_grams USING fts5 (grams, tokenize = 'unicode61');

CREATE TRIGGER items_grams_insert AFTER INSERT ON items
BEGIN
    INSERT INTO items_grams (rowid, grams)
    SELECT new.id, group_concat(substr(t.text, n.key + 1, 1) || ' ' || substr(t.text, n.key + 1, 2), ' ')
    FROM (SELECT new.title || ' ' || new.description AS text) AS t,
         json_each('[' || rtrim(replace(hex(zeroblob(length(t.text))), '00', '0,'), ',') || ']') AS n;
END;

CREATE TRIGGER items_grams_delete AFTER DELETE ON items
BEGIN
    DELETE FROM items_grams WHERE rowid = old.id;
END;

CREATE TRIGGER items_grams_update AFTER UPDATE OF title, description ON items
BEGIN
    DELETE FROM items_grams WHERE rowid = old.id;
    INSERT INTO items_grams (rowid, grams)
    SELECT new.id, group_concat(substr(t.text, n.key + 1, 1) || ' ' || substr(t.text, n.key + 1, 2), ' ')
    FROM (SELECT new.title || ' ' || new.description AS text) AS t,
         json_each('[' || rtrim(replace(hex(zeroblob(length(t.text))), '00', '0,'), ',') || ']') AS n;
END;

INSERT INTO items_grams (rowid, grams)
SELECT i.id, group_concat(substr(i.title || ' ' || i.description, n.key + 1, 1) || ' ' || substr(i.title || ' ' || i.description, n.key + 1, 2), ' ')
FROM items AS i,
     json_each('[' || rtrim(replace(hex(zeroblob(length(i.title || ' ' || i.description))), '00', '0,'), ',') || ']') AS n
GROUP BY i.id;

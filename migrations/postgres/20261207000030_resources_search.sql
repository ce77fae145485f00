-- Searching the map by words read every community resource's name and address with LIKE: several
-- hundred ms at 1,000,000 places for a word not searched before, which anyone can send (issue 35).
-- The listings' two indexes again (migrations 13 and 22): pg_trgm for three characters or more,
-- and the array of each character and pair (item_grams works on any text) for shorter words.
CREATE INDEX community_resources_text ON community_resources USING gin ((name || ' ' || address) public.gin_trgm_ops);

ALTER TABLE community_resources ADD COLUMN grams text[] GENERATED ALWAYS AS (item_grams(lower(name || ' ' || address))) STORED;

CREATE INDEX community_resources_grams ON community_resources USING gin (grams);

-- The map finds a listing by its description too (as the board does): editing it changes what a
-- search on the map shows.
DROP TRIGGER items_map_change ON items;
CREATE TRIGGER items_map_change AFTER INSERT OR DELETE OR UPDATE OF title, description, category, kind, cell_lat, cell_lng, status, hidden_at ON items
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('items');

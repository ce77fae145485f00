-- Searches of one or two characters ("车", "冰箱"): the trigram index cannot answer them, and
-- ILIKE read every listing (about 110 ms at 100,000, app/examples/search_bench.rs). Here every
-- character and every pair of neighbouring characters of a listing's title and description,
-- stored with the listing (working them out for each row read cost more than the search saved)
-- and indexed for `@>`.
CREATE FUNCTION item_grams(text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY(
        SELECT DISTINCT substr($1, n, w)
        FROM generate_series(1, length($1)) AS n, (VALUES (1), (2)) AS widths (w)
        WHERE n + w - 1 <= length($1)
    )
$$;

ALTER TABLE items ADD COLUMN grams text[] GENERATED ALWAYS AS (item_grams(lower(title || ' ' || description))) STORED;

CREATE INDEX items_grams ON items USING gin (grams);

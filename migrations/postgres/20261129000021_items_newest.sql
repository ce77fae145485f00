-- The items board lists the newest first, at most 300: walking this index from its end stops as
-- soon as enough listings match, where reading every listed item and sorting took 220 ms at
-- 100,000 items (app/examples/search_bench.rs).
CREATE INDEX items_newest ON items (created_at, id);

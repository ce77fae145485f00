-- The events list, soonest first, a page at a time: read in this order from the events that
-- started at most a week before now (no event lasts longer), so a page stops after its rows
-- instead of sorting every upcoming event (2,600 for 100 organisations' year: 6 ms a page).
CREATE INDEX events_soonest ON events (status, starts_at, id);

-- Each layer of the map gets its own number beside the one for the whole map, so that a change to
-- one layer's tables (a listing posted) reloads that layer alone: at a million places, most of them
-- community resources that seldom change, a new listing reloaded every place (1.5 s, and the old
-- and the new copy in memory at once); now it reloads the listings. The numbers stay in the one
-- row, so writers still queue on one lock, in one order, as before. An organisation's change bumps
-- the events too: a rejected organisation's events leave the map.
ALTER TABLE map_version ADD COLUMN orgs INTEGER NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN events INTEGER NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN resources INTEGER NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN items INTEGER NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN help INTEGER NOT NULL DEFAULT 1;

DROP TRIGGER organisations_map_insert;
CREATE TRIGGER organisations_map_insert AFTER INSERT ON organisations
BEGIN UPDATE map_version SET version = version + 1, orgs = orgs + 1 WHERE id = 1; END;

DROP TRIGGER organisations_map_update;
CREATE TRIGGER organisations_map_update AFTER UPDATE ON organisations
BEGIN UPDATE map_version SET version = version + 1, orgs = orgs + 1, events = events + 1 WHERE id = 1; END;

DROP TRIGGER organisations_map_delete;
CREATE TRIGGER organisations_map_delete AFTER DELETE ON organisations
BEGIN UPDATE map_version SET version = version + 1, orgs = orgs + 1, events = events + 1 WHERE id = 1; END;

DROP TRIGGER community_resources_map_insert;
CREATE TRIGGER community_resources_map_insert AFTER INSERT ON community_resources
BEGIN UPDATE map_version SET version = version + 1, resources = resources + 1 WHERE id = 1; END;

DROP TRIGGER community_resources_map_update;
CREATE TRIGGER community_resources_map_update AFTER UPDATE ON community_resources
BEGIN UPDATE map_version SET version = version + 1, resources = resources + 1 WHERE id = 1; END;

DROP TRIGGER community_resources_map_delete;
CREATE TRIGGER community_resources_map_delete AFTER DELETE ON community_resources
BEGIN UPDATE map_version SET version = version + 1, resources = resources + 1 WHERE id = 1; END;

DROP TRIGGER events_map_insert;
CREATE TRIGGER events_map_insert AFTER INSERT ON events
BEGIN UPDATE map_version SET version = version + 1, events = events + 1 WHERE id = 1; END;

DROP TRIGGER events_map_update;
CREATE TRIGGER events_map_update AFTER UPDATE OF title, category, starts_at, ends_at, place_name, address, lat, lng, status ON events
BEGIN UPDATE map_version SET version = version + 1, events = events + 1 WHERE id = 1; END;

DROP TRIGGER events_map_delete;
CREATE TRIGGER events_map_delete AFTER DELETE ON events
BEGIN UPDATE map_version SET version = version + 1, events = events + 1 WHERE id = 1; END;

DROP TRIGGER items_map_insert;
CREATE TRIGGER items_map_insert AFTER INSERT ON items
BEGIN UPDATE map_version SET version = version + 1, items = items + 1 WHERE id = 1; END;

DROP TRIGGER items_map_update;
CREATE TRIGGER items_map_update AFTER UPDATE OF title, category, kind, cell_lat, cell_lng, status, hidden_at ON items
BEGIN UPDATE map_version SET version = version + 1, items = items + 1 WHERE id = 1; END;

DROP TRIGGER items_map_delete;
CREATE TRIGGER items_map_delete AFTER DELETE ON items
BEGIN UPDATE map_version SET version = version + 1, items = items + 1 WHERE id = 1; END;

DROP TRIGGER coop_members_map_insert;
CREATE TRIGGER coop_members_map_insert AFTER INSERT ON coop_members
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_members_map_update;
CREATE TRIGGER coop_members_map_update AFTER UPDATE ON coop_members
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_members_map_delete;
CREATE TRIGGER coop_members_map_delete AFTER DELETE ON coop_members
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_consents_map_insert;
CREATE TRIGGER coop_consents_map_insert AFTER INSERT ON coop_consents
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_consents_map_update;
CREATE TRIGGER coop_consents_map_update AFTER UPDATE ON coop_consents
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_services_map_insert;
CREATE TRIGGER coop_services_map_insert AFTER INSERT ON coop_services
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_services_map_delete;
CREATE TRIGGER coop_services_map_delete AFTER DELETE ON coop_services
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_needs_map_insert;
CREATE TRIGGER coop_needs_map_insert AFTER INSERT ON coop_needs
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_needs_map_update;
CREATE TRIGGER coop_needs_map_update AFTER UPDATE ON coop_needs
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

DROP TRIGGER coop_needs_map_delete;
CREATE TRIGGER coop_needs_map_delete AFTER DELETE ON coop_needs
BEGIN UPDATE map_version SET version = version + 1, help = help + 1 WHERE id = 1; END;

-- Each layer of the map gets its own number beside the one for the whole map, so that a change to
-- one layer's tables (a listing posted) reloads that layer alone: at a million places, most of them
-- community resources that seldom change, a new listing reloaded every place (1.5 s, and the old
-- and the new copy in memory at once); now it reloads the listings. The numbers stay in the one
-- row, so writers still queue on one lock, in one order, as before. An organisation's change bumps
-- the events too: a rejected organisation's events leave the map.
ALTER TABLE map_version ADD COLUMN orgs BIGINT NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN events BIGINT NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN resources BIGINT NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN items BIGINT NOT NULL DEFAULT 1;
ALTER TABLE map_version ADD COLUMN help BIGINT NOT NULL DEFAULT 1;

-- The trigger's arguments name the layers a change bumps.
CREATE OR REPLACE FUNCTION bump_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE map_version SET version = version + 1,
        orgs = orgs + CASE WHEN 'orgs' = ANY(TG_ARGV) THEN 1 ELSE 0 END,
        events = events + CASE WHEN 'events' = ANY(TG_ARGV) THEN 1 ELSE 0 END,
        resources = resources + CASE WHEN 'resources' = ANY(TG_ARGV) THEN 1 ELSE 0 END,
        items = items + CASE WHEN 'items' = ANY(TG_ARGV) THEN 1 ELSE 0 END,
        help = help + CASE WHEN 'help' = ANY(TG_ARGV) THEN 1 ELSE 0 END
    WHERE id = 1;
    RETURN NULL;
END;
$$;

DROP TRIGGER organisations_map_change ON organisations;
CREATE TRIGGER organisations_map_change AFTER INSERT OR UPDATE OR DELETE ON organisations
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('orgs', 'events');

DROP TRIGGER community_resources_map_change ON community_resources;
CREATE TRIGGER community_resources_map_change AFTER INSERT OR UPDATE OR DELETE ON community_resources
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('resources');

DROP TRIGGER events_map_change ON events;
CREATE TRIGGER events_map_change AFTER INSERT OR DELETE OR UPDATE OF title, category, starts_at, ends_at, place_name, address, lat, lng, status ON events
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('events');

DROP TRIGGER items_map_change ON items;
CREATE TRIGGER items_map_change AFTER INSERT OR DELETE OR UPDATE OF title, category, kind, cell_lat, cell_lng, status, hidden_at ON items
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('items');

DROP TRIGGER coop_members_map_change ON coop_members;
CREATE TRIGGER coop_members_map_change AFTER INSERT OR UPDATE OR DELETE ON coop_members
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('help');

DROP TRIGGER coop_consents_map_change ON coop_consents;
CREATE TRIGGER coop_consents_map_change AFTER INSERT OR UPDATE ON coop_consents
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('help');

DROP TRIGGER coop_services_map_change ON coop_services;
CREATE TRIGGER coop_services_map_change AFTER INSERT OR DELETE ON coop_services
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('help');

DROP TRIGGER coop_needs_map_change ON coop_needs;
CREATE TRIGGER coop_needs_map_change AFTER INSERT OR UPDATE OR DELETE ON coop_needs
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version('help');

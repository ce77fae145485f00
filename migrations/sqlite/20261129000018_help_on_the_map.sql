-- The map shows cooperative members whose place and something more are open to everyone: any
-- change to a member, their consents, services or needs may move, add or remove a pin.
CREATE TRIGGER coop_members_map_insert AFTER INSERT ON coop_members
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_members_map_update AFTER UPDATE ON coop_members
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_members_map_delete AFTER DELETE ON coop_members
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_consents_map_insert AFTER INSERT ON coop_consents
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_consents_map_update AFTER UPDATE ON coop_consents
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_services_map_insert AFTER INSERT ON coop_services
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_services_map_delete AFTER DELETE ON coop_services
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_needs_map_insert AFTER INSERT ON coop_needs
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_needs_map_update AFTER UPDATE ON coop_needs
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER coop_needs_map_delete AFTER DELETE ON coop_needs
BEGIN UPDATE map_version SET version = version + 1 WHERE id = 1; END;

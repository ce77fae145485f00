-- The map shows cooperative members whose place and something more are open to everyone: any
-- change to a member, their consents, services or needs may move, add or remove a pin.
CREATE TRIGGER coop_members_map_change AFTER INSERT OR UPDATE OR DELETE ON coop_members
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

CREATE TRIGGER coop_consents_map_change AFTER INSERT OR UPDATE ON coop_consents
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

CREATE TRIGGER coop_services_map_change AFTER INSERT OR DELETE ON coop_services
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

CREATE TRIGGER coop_needs_map_change AFTER INSERT OR UPDATE OR DELETE ON coop_needs
FOR EACH STATEMENT EXECUTE FUNCTION bump_map_version();

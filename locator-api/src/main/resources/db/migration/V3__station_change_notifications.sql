-- Tell in-process station indexes what changed, once per statement: a list of ids, or '*'
-- (reload everything) after bulk changes. Listeners apply changes in commit order.
CREATE FUNCTION station_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
    ids     text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('station_changed', '*');
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*), string_agg(id::text, ',') INTO changed, ids FROM old_rows;
    ELSE
        SELECT count(*), string_agg(id::text, ',') INTO changed, ids FROM new_rows;
    END IF;
    IF changed > 500 THEN
        PERFORM pg_notify('station_changed', '*');
    ELSIF changed > 0 THEN
        PERFORM pg_notify('station_changed', ids);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER station_changed_insert AFTER INSERT ON station
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_notify_change();
CREATE TRIGGER station_changed_update AFTER UPDATE ON station
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_notify_change();
CREATE TRIGGER station_changed_delete AFTER DELETE ON station
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION station_notify_change();
CREATE TRIGGER station_changed_truncate AFTER TRUNCATE ON station
    FOR EACH STATEMENT EXECUTE FUNCTION station_notify_change();

-- Count the changed rows before joining their ids: a bulk load of a million rows should send
-- '*' without first building a million-id string.
CREATE OR REPLACE FUNCTION station_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
    ids     text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('station_changed', '*');
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO changed FROM old_rows;
        IF changed BETWEEN 1 AND 500 THEN SELECT string_agg(id::text, ',') INTO ids FROM old_rows; END IF;
    ELSE
        SELECT count(*) INTO changed FROM new_rows;
        IF changed BETWEEN 1 AND 500 THEN SELECT string_agg(id::text, ',') INTO ids FROM new_rows; END IF;
    END IF;
    IF changed > 500 THEN
        PERFORM pg_notify('station_changed', '*');
    ELSIF changed > 0 THEN
        PERFORM pg_notify('station_changed', ids);
    END IF;
    RETURN NULL;
END $$;

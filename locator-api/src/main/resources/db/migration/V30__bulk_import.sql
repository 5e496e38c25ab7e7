-- Issue 14: imports near COPY speed. A million-row import is one INSERT ... SELECT; what runs per
-- row inside it decides its speed.

-- The amenity vocabulary check, once per statement over all its rows instead of a PL/pgSQL call
-- per row (a million calls cost seconds). Same refusal (foreign_key_violation, naming the key),
-- same moment (the statement fails). Transition tables cannot take a column list, so updates are
-- checked whatever columns they set; the check is one anti-join.
DROP TRIGGER station_amenities_in_vocabulary ON station;
DROP FUNCTION station_check_amenities();

CREATE FUNCTION station_check_amenities() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unknown text;
BEGIN
    SELECT a INTO unknown FROM (SELECT DISTINCT unnest(amenities) AS a FROM new_rows) u
     WHERE NOT EXISTS (SELECT 1 FROM amenity WHERE key = u.a) LIMIT 1;
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'unknown amenity %', unknown USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER station_amenities_in_vocabulary_insert AFTER INSERT ON station
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_check_amenities();
CREATE TRIGGER station_amenities_in_vocabulary_update AFTER UPDATE ON station
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_check_amenities();

-- A station code from its division and sequence number: AAAAAA-SSSSS-C with the ISO 7064
-- MOD 11-2 check character of StationCode (weights 2^k mod 11 from the right: 2 1 6 3 7 9 10 5 8 4 2
-- from the left; check (12 - sum mod 11) mod 11, 10 written X). Plain SQL, so it is inlined into
-- set-based inserts; StationCodeSqlIT checks it against StationCode.of.
CREATE FUNCTION station_code(adcode varchar, seq integer) RETURNS varchar LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT adcode || '-' || lpad(seq::text, 5, '0') || '-' || substr('10X98765432', (
        2 * (adcode::int / 100000 % 10) + 1 * (adcode::int / 10000 % 10) + 6 * (adcode::int / 1000 % 10)
      + 3 * (adcode::int / 100 % 10) + 7 * (adcode::int / 10 % 10) + 9 * (adcode::int % 10)
      + 10 * (seq / 10000 % 10) + 5 * (seq / 1000 % 10) + 8 * (seq / 100 % 10) + 4 * (seq / 10 % 10) + 2 * (seq % 10)
    ) % 11 + 1, 1)
$$;

-- The change feed's inserts go straight from the transition table into station_change, without
-- the scratch table (a million rows were written and read twice). Numbers follow the order the
-- statement inserted the rows, which is the order their ids were drawn. Updates and deletes as before.
CREATE OR REPLACE FUNCTION station_feed_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n    bigint;
    base bigint;
    at   timestamptz;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO n FROM new_rows;
        IF n = 0 THEN
            RETURN NULL;
        END IF;
        at := clock_timestamp();
        UPDATE station_feed_clock SET position = position + n, changed_at = at
         RETURNING position - n INTO base;
        INSERT INTO station_change (position, changed_at, station_id, code, kind, station)
        SELECT base + row_number() OVER (), at, id, code, 'create',
               station_public(code, name, name_en, address, location, adcode, host_type, host_organisation,
                              contact_phone, opening_hours, amenities, status, status_reason, floor_area,
                              updated_at, version)
          FROM new_rows;
        RETURN NULL;
    END IF;
    -- One scratch table per connection (pooled connections live long), emptied per statement.
    IF to_regclass('pg_temp.station_feed_batch') IS NULL THEN
        CREATE TEMP TABLE station_feed_batch (
            station_id bigint, code varchar(14), kind varchar(8), station jsonb) ON COMMIT DELETE ROWS;
    END IF;
    DELETE FROM station_feed_batch;
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO station_feed_batch VALUES (0, '', 'reset', NULL);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO station_feed_batch SELECT id, code, 'delete', NULL FROM old_rows;
    ELSE
        INSERT INTO station_feed_batch
        SELECT id, code,
               CASE WHEN before->>'status' IS DISTINCT FROM after->>'status'
                         THEN CASE WHEN after->>'status' = 'closed' THEN 'close' ELSE 'status' END
                    WHEN (before->'lat', before->'lng') IS DISTINCT FROM (after->'lat', after->'lng') THEN 'move'
                    ELSE 'update' END,
               after
          FROM (SELECT n.id, n.code,
                       station_public(o.code, o.name, o.name_en, o.address, o.location, o.adcode, o.host_type,
                           o.host_organisation, o.contact_phone, o.opening_hours, o.amenities, o.status,
                           o.status_reason, o.floor_area, o.updated_at, o.version) AS before,
                       station_public(n.code, n.name, n.name_en, n.address, n.location, n.adcode, n.host_type,
                           n.host_organisation, n.contact_phone, n.opening_hours, n.amenities, n.status,
                           n.status_reason, n.floor_area, n.updated_at, n.version) AS after
                  FROM new_rows n JOIN old_rows o USING (id)) AS pair
         WHERE before IS DISTINCT FROM after;
    END IF;
    SELECT count(*) INTO n FROM station_feed_batch;
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    at := clock_timestamp();
    UPDATE station_feed_clock SET position = position + n, changed_at = at
     RETURNING position - n INTO base;
    INSERT INTO station_change (position, changed_at, station_id, code, kind, station)
    SELECT base + row_number() OVER (ORDER BY station_id), at, station_id, code, kind, station
      FROM station_feed_batch;
    RETURN NULL;
END $$;

-- The change feed (GET /api/v1/changes): every create, update, move, status change, closure and
-- deletion of a station, with its public fields afterwards, numbered in COMMIT order.
--
-- Why a clock row and not a sequence: nextval() hands out numbers at write time, and a
-- transaction holding number 10 may commit after one holding 11; a reader that has seen 11 and
-- resumes after it would never see 10. Here every statement that writes stations first locks
-- the single station_feed_clock row (BEFORE STATEMENT) and holds it to commit, and numbers come
-- from that row. So a transaction can only take numbers after the previous numbering
-- transaction has committed or rolled back: numbers are gapless (a rollback gives them back)
-- and ordered by commit, and a reader's snapshot always holds a prefix of them. The price is
-- that station writes are serialised from their first statement to commit; register edits
-- are few and short, and imports are one transaction anyway. The lock is taken before any
-- station row lock, so writers queue instead of deadlocking. See docs/DECISIONS.md.
CREATE TABLE station_feed_clock (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    position   bigint      NOT NULL,
    changed_at timestamptz NOT NULL
);
INSERT INTO station_feed_clock (position, changed_at) VALUES (0, now());

CREATE TABLE station_change (
    position   bigint PRIMARY KEY,
    changed_at timestamptz NOT NULL,
    station_id bigint      NOT NULL,
    code       varchar(14) NOT NULL,
    kind       varchar(8)  NOT NULL CHECK (kind IN ('create', 'update', 'move', 'status', 'close', 'delete', 'reset')),
    -- Public fields after the change (no responsible person); null for delete and reset.
    station    jsonb
);

-- The public fields of a station, as the feed carries them.
CREATE FUNCTION station_public(code text, name text, name_en text, address text, location geography,
                               adcode text, host_type text, host_organisation text, contact_phone text,
                               opening_hours text, amenities varchar[], status text, status_reason text,
                               floor_area double precision, updated_at timestamptz, version bigint)
RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'code', code, 'name', name, 'nameEn', name_en, 'address', address,
        'lat', ST_Y(location::geometry), 'lng', ST_X(location::geometry),
        'adcode', adcode, 'hostType', host_type, 'hostOrganisation', host_organisation,
        'contactPhone', contact_phone, 'openingHours', opening_hours, 'amenities', to_jsonb(amenities),
        'status', status, 'statusReason', status_reason, 'floorArea', floor_area,
        'updatedAt', updated_at, 'version', version)
$$;

CREATE FUNCTION station_feed_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM station_feed_clock FOR UPDATE;
    RETURN NULL;
END $$;

CREATE FUNCTION station_feed_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n    bigint;
    base bigint;
    at   timestamptz;
BEGIN
    -- One scratch table per connection (pooled connections live long), emptied per statement.
    IF to_regclass('pg_temp.station_feed_batch') IS NULL THEN
        CREATE TEMP TABLE station_feed_batch (
            station_id bigint, code varchar(14), kind varchar(8), station jsonb) ON COMMIT DELETE ROWS;
    END IF;
    DELETE FROM station_feed_batch;
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO station_feed_batch VALUES (0, '', 'reset', NULL);
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO station_feed_batch
        SELECT id, code, 'create', station_public(code, name, name_en, address, location, adcode, host_type,
               host_organisation, contact_phone, opening_hours, amenities, status, status_reason, floor_area,
               updated_at, version)
          FROM new_rows;
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

CREATE TRIGGER station_feed_lock BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON station
    FOR EACH STATEMENT EXECUTE FUNCTION station_feed_lock();
CREATE TRIGGER station_feed_insert AFTER INSERT ON station
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_feed_append();
CREATE TRIGGER station_feed_update AFTER UPDATE ON station
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_feed_append();
CREATE TRIGGER station_feed_delete AFTER DELETE ON station
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION station_feed_append();
CREATE TRIGGER station_feed_truncate AFTER TRUNCATE ON station
    FOR EACH STATEMENT EXECUTE FUNCTION station_feed_append();

-- Stations that exist before this migration enter the feed as creates, so a mirror that starts
-- from position 0 ends equal to the register.
INSERT INTO station_change (position, changed_at, station_id, code, kind, station)
SELECT row_number() OVER (ORDER BY id), now(), id, code, 'create',
       station_public(code, name, name_en, address, location, adcode, host_type, host_organisation, contact_phone,
                      opening_hours, amenities, status, status_reason, floor_area, updated_at, version)
  FROM station;
UPDATE station_feed_clock SET position = (SELECT count(*) FROM station);

-- Issue 11: personal data only within an account's regions, sessions that end when an account
-- changes, and an index repair that finds edits whose notification was lost.

-- Bumped whenever an administrator changes an account's role, regions, enabled flag or password:
-- a session signed in under an older epoch is ended on its next request.
ALTER TABLE account ADD COLUMN session_epoch bigint NOT NULL DEFAULT 0;

-- A planning set belongs to the regions of the union that uploaded it (division-code prefixes);
-- an empty array means national, readable by administrators only.
ALTER TABLE demand_set ADD COLUMN regions varchar(6)[] NOT NULL DEFAULT '{}';

-- A change counter per station row. Inserts take the next value by default (no trigger cost on
-- COPY); every UPDATE takes a new one, whatever wrote it. The in-memory index re-reads rows whose
-- counter moved, so an edit whose NOTIFY was lost is repaired at the next check.
CREATE SEQUENCE station_change_seq;
ALTER TABLE station ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('station_change_seq');
CREATE INDEX station_change_seq_idx ON station (change_seq);

CREATE FUNCTION station_bump_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := nextval('station_change_seq');
    RETURN NEW;
END $$;

CREATE TRIGGER station_change_seq_update BEFORE UPDATE ON station
    FOR EACH ROW EXECUTE FUNCTION station_bump_change_seq();

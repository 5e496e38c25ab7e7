-- Feedback a union can trust (issue 11): each rating and report keeps the keyed hash of the
-- sender's network (IPv4 /24 or IPv6 /64, HMAC under the server secret; never the address), so
-- the rules below count networks rather than device ids, which a script makes up at will.
-- Rows from before this migration have no network; each counts as a network of its own.
ALTER TABLE station_rating ADD COLUMN network_hash varchar(64) CHECK (network_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE station_report ADD COLUMN network_hash varchar(64) CHECK (network_hash ~ '^[0-9a-f]{64}$');

-- The per-network, per-station, per-day caps count these rows.
CREATE INDEX station_rating_network_idx ON station_rating (station_id, day, network_hash);
CREATE INDEX station_report_network_idx ON station_report (station_id, day, network_hash);

-- The ratings that count for averages and grades: the first from each network per station and
-- local day. A filter on station_id is pushed into the DISTINCT ON, so per-station reads stay indexed.
CREATE VIEW station_rating_counted AS
SELECT DISTINCT ON (station_id, day, coalesce(network_hash, 'row' || id)) *
  FROM station_rating
 ORDER BY station_id, day, coalesce(network_hash, 'row' || id), id;

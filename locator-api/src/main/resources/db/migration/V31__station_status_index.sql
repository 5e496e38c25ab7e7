-- The station index's repair check (every 30 s on every API instance) counts active and
-- suspended stations to notice hard deletes. Without an index that count is a parallel scan of
-- the whole table: about 1 s of two backends at 1,000,000 stations, some 7% of a 2-core database
-- per instance. With this one it is an index-only scan: 0.11 s (docs/SCALING.md). Deduplicated
-- B-tree entries of a handful of statuses: ~7 MB per million stations.
CREATE INDEX station_status_idx ON station (status);

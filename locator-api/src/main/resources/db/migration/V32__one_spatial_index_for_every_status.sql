-- One geography index for every status instead of two. The partial index on active stations
-- duplicated station_location_idx for the 95% of rows that are active: a second GiST to maintain
-- on every write, 73 MB at 10^6 stations, and ~7 s of a national import's index rebuild. Queries
-- for active stations (the PostGIS fallback of nearest, duplicate warnings) use
-- station_location_idx and drop the few others as they go: EXPLAIN ANALYZE of nearest's KNN
-- query on the benchmark register reads 21 rows for 20 (docs/SCALING.md, session 13).
DROP INDEX IF EXISTS station_active_location_idx;

-- Raw PostGIS nearest k=10: the same points as the HTTP scenarios (bench_point, see prepare.sql).
\set i random(1, :points)
SELECT id FROM station WHERE status = 'active'
 ORDER BY location <-> (SELECT ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography FROM bench_point WHERE i = :i)
 LIMIT 10;

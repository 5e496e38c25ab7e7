-- Vector tiles for scripts/bench.sh: for every query point of bench/prepare.sql the Web Mercator
-- tile (WebMercatorQuad) holding it at zoom 5 (country), 10 (city) and 15 (street), with the
-- tile's envelope in EPSG:3857 and in WGS 84 for the raw PostGIS scenarios. Tiles of busy places
-- come up as often as their points do, as on a real map.
DROP TABLE IF EXISTS bench_tile;
CREATE TABLE bench_tile AS
SELECT p.i, z.z,
       floor((p.lng + 180) / 360 * (1 << z.z))::int AS x,
       floor((1 - ln(tan(radians(p.lat)) + 1 / cos(radians(p.lat))) / pi()) / 2 * (1 << z.z))::int AS y
  FROM bench_point p CROSS JOIN (VALUES (5), (10), (15)) AS z(z);
ALTER TABLE bench_tile ADD COLUMN env geometry, ADD COLUMN env4326 geometry;
UPDATE bench_tile SET env = ST_TileEnvelope(z, x, y);
UPDATE bench_tile SET env4326 = ST_Transform(env, 4326);
ALTER TABLE bench_tile ADD PRIMARY KEY (z, i);
ANALYZE bench_tile;

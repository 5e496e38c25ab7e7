-- Query points and bbox windows for scripts/bench.sh, drawn from the loaded register so they
-- follow the data's distribution (cities + background): a station's position moved by up to
-- ~2 km. Deterministic for a given register (setseed). psql -v points=20000 -v windows=2000
SELECT setseed(0.42);
DROP TABLE IF EXISTS bench_point, bench_window;
CREATE TABLE bench_point AS
SELECT (row_number() OVER ())::int AS i,
       ST_X(location::geometry) + (random() - 0.5) * 0.046 AS lng,
       ST_Y(location::geometry) + (random() - 0.5) * 0.036 AS lat
  FROM (SELECT location FROM station ORDER BY random() LIMIT :points) s;
ALTER TABLE bench_point ADD PRIMARY KEY (i);
-- A window of ~200 active stations around a point: the box of its 200 nearest active stations
-- (which holds ~200 x 4/pi), shrunk about the point by sqrt(pi/4) to hold ~200.
CREATE TABLE bench_window AS
SELECT p.i,
       p.lng - (p.lng - min(n.x)) * 0.886 AS min_lng, p.lat - (p.lat - min(n.y)) * 0.886 AS min_lat,
       p.lng + (max(n.x) - p.lng) * 0.886 AS max_lng, p.lat + (max(n.y) - p.lat) * 0.886 AS max_lat
  FROM bench_point p
  CROSS JOIN LATERAL (
       SELECT ST_X(location::geometry) AS x, ST_Y(location::geometry) AS y FROM station
        WHERE status = 'active'
        ORDER BY location <-> ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography LIMIT 200) n
 WHERE p.i <= :windows
 GROUP BY p.i, p.lng, p.lat;
ALTER TABLE bench_window ADD PRIMARY KEY (i);
ANALYZE bench_point;
ANALYZE bench_window;

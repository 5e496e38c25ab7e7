-- Raw PostGIS vector tile at zoom 5 as the service draws it: active stations counted per 64-pixel
-- cell (64 x 64 cells of a 4096 extent), each cell a point at its centre of mass with its count.
\set i random(1, :points)
SELECT ST_AsMVT(t, 'clusters', 4096, 'geom')
  FROM (SELECT count(*) AS count, ST_AsMVTGeom(ST_Centroid(ST_Collect(p.m)), p.env, 4096, 0, false) AS geom
          FROM (SELECT ST_Transform(s.location::geometry, 3857) AS m, b.env, (ST_XMax(b.env) - ST_XMin(b.env)) / 64 AS cell
                  FROM bench_tile b JOIN station s ON s.location::geometry && b.env4326
                 WHERE b.z = 5 AND b.i = :i AND s.status = 'active') p
         GROUP BY p.env, floor((ST_X(p.m) - ST_XMin(p.env)) / p.cell), floor((ST_YMax(p.env) - ST_Y(p.m)) / p.cell)) t;

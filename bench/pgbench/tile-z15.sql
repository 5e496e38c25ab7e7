-- Raw PostGIS vector tile at street zoom (15): ST_AsMVT of the active stations in the tile with
-- the properties the service's tiles carry (code, name, amenities, alwaysOpen; openNow is
-- evaluated from opening hours in the service and has no SQL counterpart here).
\set i random(1, :points)
SELECT ST_AsMVT(t, 'stations', 4096, 'geom')
  FROM (SELECT s.code, s.name, array_to_string(s.amenities, ',') AS amenities, s.always_open AS "alwaysOpen",
               ST_AsMVTGeom(ST_Transform(s.location::geometry, 3857), b.env, 4096, 0, false) AS geom
          FROM bench_tile b JOIN station s ON s.location::geometry && b.env4326
         WHERE b.z = 15 AND b.i = :i AND s.status = 'active') t;

-- Raw PostGIS bbox of ~200 stations: the same windows and columns as GET /api/v1/stations?bbox=
\set i random(1, :windows)
SELECT s.id, s.code, s.name, s.name_en, s.address,
       ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng,
       s.adcode, s.host_type, s.host_organisation, s.contact_person, s.contact_phone,
       s.opening_hours, s.always_open, s.amenities, s.status, s.status_reason, s.floor_area,
       s.created_at, s.updated_at, s.version
  FROM station s
 WHERE s.location::geometry && (SELECT ST_MakeEnvelope(min_lng, min_lat, max_lng, max_lat, 4326) FROM bench_window WHERE i = :i)
   AND s.status = 'active' AND s.id > 0
 ORDER BY s.id LIMIT 501;

#!/usr/bin/env bash
# Loads N seeded synthetic stations (default 1,000,000) into database DB (default yizhan_bench)
# with COPY, for benchmarks. The schema comes from the service's Flyway migrations: start the
# service on DB once first (scripts/bench-nearest.sh and scripts/bench.sh do). Prints the load
# time; with YIZHAN_LOAD_REPORT=FILE it also appends load_s=... and cluster_s=... to FILE.
#   scripts/load-synthetic.sh [N] [DB]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
DB=${2:-yizhan_bench}
CSV=.data/synthetic-$N.csv
PSQL="psql -h 127.0.0.1 -p ${YIZHAN_PG_PORT:-55432} -U postgres -d $DB -v ON_ERROR_STOP=1 -qAt"

if [ ! -s "$CSV" ]; then
  [ -s geo-data/target/classpath.txt ] || ./mvnw -B -q -pl geo-data dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
  [ -d geo-data/target/classes ] || ./mvnw -B -q -pl geo-data compile
  start=$(date +%s.%N)
  java -cp geo-data/target/classes:$(cat geo-data/target/classpath.txt) org.yizhan.geo.demo.SyntheticStations "$N" "$CSV"
  echo "generated $N stations into $CSV in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
fi

start=$(date +%s.%N)
$PSQL <<SQL
-- CASCADE: every table that refers to a station (feedback, and whatever later migrations add) empties too.
TRUNCATE station, station_history RESTART IDENTITY CASCADE;
DELETE FROM station_code_sequence;
CREATE TEMP TABLE staging (code text, name text, name_en text, address text, lat float8, lng float8,
  adcode text, host_type text, host_organisation text, contact_person text, contact_phone text,
  opening_hours text, amenities text, status text, floor_area float8);
\copy staging FROM '$CSV' WITH (FORMAT csv, HEADER true)
INSERT INTO station (code, name, name_en, address, location, adcode, host_type, host_organisation,
                     contact_person, contact_phone, opening_hours, always_open, amenities, status,
                     floor_area, created_at, updated_at, version)
SELECT code, name, NULLIF(name_en, ''), address, ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, adcode,
       host_type, host_organisation, contact_person, contact_phone, opening_hours, opening_hours = '24/7',
       CASE WHEN amenities = '' THEN '{}' ELSE string_to_array(amenities, ';')::varchar(40)[] END,
       status, floor_area, now(), now(), 0
  FROM staging;
INSERT INTO station_code_sequence (adcode, last_sequence)
SELECT adcode, max(split_part(code, '-', 2)::int) FROM station GROUP BY adcode;
SQL
loaded=$(date +%s.%N)
# Spatial order makes KNN touch fewer pages (measured ~5x on geography KNN).
$PSQL -c "CLUSTER station USING station_location_idx" -c "ANALYZE station"
done_at=$(date +%s.%N)
echo "loaded $($PSQL -c 'SELECT count(*) FROM station') stations: COPY+insert $(echo "$loaded - $start" | bc) s, cluster+analyze $(echo "$done_at - $loaded" | bc) s" >&2
if [ -n "${YIZHAN_LOAD_REPORT:-}" ]; then
  printf 'load_s=%s\ncluster_s=%s\n' "$(echo "$loaded - $start" | bc)" "$(echo "$done_at - $loaded" | bc)" >> "$YIZHAN_LOAD_REPORT"
fi

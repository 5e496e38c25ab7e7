#!/usr/bin/env bash
# The issue-6 benchmark: 1,000,000 synthetic stations; the service's nearest, bbox and
# country-zoom endpoints and its vector tiles at zoom 5, 10 and 15 (issue 13) against raw PostGIS
# (pgbench -M prepared; ST_AsMVT of the same tiles), a trivial JSON endpoint of the same service
# and MapServer 8 (OGC API - Features and MVT tiles behind lighttpd FastCGI), driven in the
# same run in alternating rounds after a warm-up. Prints one table. Everything listens on
# 127.0.0.1 only. Run as root on a fresh Debian 12 machine (it installs what it needs):
#
#   scripts/bench.sh             # full: 30 s warm-up, 3 rounds x 10 s per cell (~20 min)
#   QUICK=1 scripts/bench.sh     # development: 6 s warm-up, 3 rounds x 2 s per cell (~5 min)
#
# Knobs (environment): WARMUP (s), ROUND_SECONDS, ROUNDS (3), CONNECTIONS ("2 32 256"),
# SCENARIOS (space-separated subset, see SCENARIOS below), RELOAD=1 (reload the register and
# time the import again even if it is already loaded), BENCH_STATIONS (1000000), BENCH_DB
# (yizhan_bench), IMPORT_ONLY=1 (time the import against COPY, section 2, and stop), IMPORT_KINDS
# ("csv xlsx"), BENCH_APP_PORT (8181), BENCH_MAPSERVER_PORT (8282), MAPSERVER_PROCS (4),
# BENCH_HEAP (3g), BENCH_JAR (another build of the service, e.g. a copy of the jar before a change,
# to compare two builds on the same data), YIZHAN_PG_PORT (55432), PIN / CLIENT_CPUS / SERVER_CPUS
# (below), BENCH_SERVICE_ARGS (extra Spring arguments for the service under test, for experiments;
# the default measures the service as shipped),
# BENCH_START_SECONDS (120: how long the service may take to answer health on a loaded machine).
# Raw measurements and logs go to .data/bench/run-<time>/ (results.tsv, meta.txt, report.txt).
#
# Pinning (PIN=auto|on|off, CLIENT_CPUS, SERVER_CPUS): on a machine of N >= 2 CPUs the load
# client (wrk, pgbench) runs on the last CPU and the servers on the others (`taskset`): the
# service and lighttpd + its MapServer processes from their start, and this database's
# PostgreSQL backends (the service's pool, MapServer's connections, pgbench's sessions) as each
# cell starts; the rest of the shared cluster is left alone. Why: unpinned, wrk's two threads
# take CPU from the server they measure, and a cheaper response costs the client relatively
# more, so the client's share of the cores differs per scenario and moves the ratios. Pinned,
# every server has the same cores in every cell and the client's work no longer lands on them.
# When: it helps when the client has a core to itself; on 2 cores the servers then get one, so
# absolute req/s are a one-core server's (ratios stay comparable), and a client that cannot keep
# up with one core would show as a ceiling on the trivial endpoint: PIN=off measures unpinned,
# as the first runs did. The table reports the spread of the rounds (min..max) per cell.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${BENCH_STATIONS:-1000000}
DB=${BENCH_DB:-yizhan_bench}
PG_PORT=${YIZHAN_PG_PORT:-55432}
APP_PORT=${BENCH_APP_PORT:-8181}
MS_PORT=${BENCH_MAPSERVER_PORT:-8282}
MS_PROCS=${MAPSERVER_PROCS:-4}
HEAP=${BENCH_HEAP:-3g}
if [ "${QUICK:-0}" = 1 ]; then
  WARMUP=${WARMUP:-6}; ROUND_SECONDS=${ROUND_SECONDS:-2}
else
  WARMUP=${WARMUP:-30}; ROUND_SECONDS=${ROUND_SECONDS:-10}
fi
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-"2 32 256"}
SCENARIOS=${SCENARIOS:-"trivial nearest nearest-key nearest-gzip nearest-microwave nearest-summer nearest-open pgbench-knn bbox ogcapi-items mapserver-bbox pgbench-bbox country country-gzip country-pan
  tile-z5 pgbench-tile-z5 tile-z10 pgbench-tile-z10 mapserver-tile-z10 tile-z15 pgbench-tile-z15 mapserver-tile-z15"}
POINTS=20000
WINDOWS=2000
# Whole mainland China; the service returns at most `limit` features (a map at country zoom).
COUNTRY_BBOX=73.4,18.1,135.1,53.6

CPUS=$(nproc)
PIN=${PIN:-auto}
if [ "$PIN" = auto ]; then if [ "$CPUS" -ge 2 ] && command -v taskset >/dev/null; then PIN=on; else PIN=off; fi; fi
if [ "$PIN" = on ]; then
  CLIENT_CPUS=${CLIENT_CPUS:-$(( CPUS - 1 ))}
  SERVER_CPUS=${SERVER_CPUS:-$([ "$CPUS" -gt 2 ] && echo "0-$(( CPUS - 2 ))" || echo 0)}
  ON_CLIENT="taskset -c $CLIENT_CPUS"; ON_SERVER="taskset -c $SERVER_CPUS"
else
  ON_CLIENT=; ON_SERVER=
fi

PG_BIN=/usr/lib/postgresql/15/bin
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -v ON_ERROR_STOP=1 -qAt"
OUT=$ROOT/.data/bench
RUN=$OUT/run-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
RESULTS=$RUN/results.tsv
META=$RUN/meta.txt
: > "$RESULTS"; : > "$META"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
meta() { printf '%s=%s\n' "$1" "$2" >> "$META"; }

# ---------------------------------------------------------------- 1. what the benchmark needs
YIZHAN_SKIP_BROWSER=1 scripts/prerequisites.sh
need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/bin/mapserv ] || need+=(cgi-mapserver)
command -v lighttpd >/dev/null || need+=(lighttpd)
command -v bc >/dev/null || need+=(bc)
command -v curl >/dev/null || need+=(curl)
dpkg -s postgresql-contrib >/dev/null 2>&1 || need+=(postgresql-contrib)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { log "missing packages: ${need[*]}; run once as root"; exit 1; }
  log "installing ${need[*]}"
  for attempt in 1 2 3 4 5; do
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null && break
    [ "$attempt" = 5 ] && { log "apt-get failed"; exit 1; }
    log "apt-get failed (attempt $attempt); retrying in 10 s"; sleep 10
  done
fi
scripts/postgis.sh ensure "$DB"
for port in "$APP_PORT" "$MS_PORT"; do
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then log "127.0.0.1:$port is taken; set BENCH_APP_PORT / BENCH_MAPSERVER_PORT"; exit 1; fi
done

JAR=${BENCH_JAR:-locator-api/target/locator-api-0.1.0-SNAPSHOT.jar}
if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find geo-data/src locator-api/src web-map/src pom.xml */pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]; }; then
  log "building the service"
  ./mvnw -B -q -DskipTests package
fi

APP_PID=; HTTPD_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  # lighttpd leaves its FastCGI MapServer processes running (each holding a database connection)
  # unless they are stopped first.
  [ -n "$HTTPD_PID" ] && pkill -P "$HTTPD_PID" 2>/dev/null || true
  [ -n "$HTTPD_PID" ] && kill "$HTTPD_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && wait "$APP_PID" 2>/dev/null || true
  [ -n "$HTTPD_PID" ] && wait "$HTTPD_PID" 2>/dev/null || true
}
trap cleanup EXIT

BASE=http://127.0.0.1:$APP_PORT
# Quotas (issue 12) must not throttle the benchmark itself: the anonymous quota is lifted and the
# key of the nearest-key scenario gets a quota it cannot use up.
start_service() { # extra Spring arguments...
  # The clients are one address: the anonymous quota (which counts /api and /ogcapi) is lifted so
  # that it does not throttle the benchmark; counting still runs, as shipped.
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB YIZHAN_DEMO=false \
    YIZHAN_QUOTA_ANONYMOUS_PER_MINUTE=1000000000 YIZHAN_QUOTA_ANONYMOUS_PER_DAY=1000000000 \
    $ON_SERVER java -Xmx"$HEAP" -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 \
    --logging.level.root=WARN --logging.level.org.yizhan.locator.search=INFO ${BENCH_SERVICE_ARGS:-} "$@" \
    > "$RUN/service.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 $(( ${BENCH_START_SECONDS:-120} * 2 ))); do
    curl -sf "$BASE/actuator/health" >/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { log "the service died; see $RUN/service.log"; tail -20 "$RUN/service.log" >&2; exit 1; }
    sleep 0.5
  done
  log "the service did not become healthy in ${BENCH_START_SECONDS:-120} s (BENCH_START_SECONDS)"; exit 1
}
stop_service() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# ------------------------------------------------ 2. the register: import timed against COPY
# The union's way in is POST /api/v1/register/imports: the template's Chinese columns without codes
# (new stations), committed in one transaction with every index, trigger, history row and feed
# entry. It is timed for a CSV and for an .xlsx of the same N rows, each into an empty register,
# against psql's \copy of the same CSV into a bare table of text columns (no index, no trigger).
# The benchmark's register itself is then loaded by scripts/load-synthetic.sh (SQL, with codes,
# CLUSTERed), whose time is reported for information. IMPORT_ONLY=1 stops after this section.
count=$($PSQL -d "$DB" -c "SELECT count(*) FROM station" 2>/dev/null || echo -1)
if [ "${RELOAD:-0}" = 1 ] || [ "$count" != "$N" ]; then
  log "migrating $DB (service start with the index off)"
  start_service --yizhan.index.enabled=false
  stop_service
  : > "$RUN/import.txt"
  REG_CSV=.data/register-$N.csv; REG_XLSX=.data/register-$N.xlsx
  for kind in ${IMPORT_KINDS:-csv xlsx}; do
    f=$REG_CSV; [ "$kind" = xlsx ] && f=$REG_XLSX
    if [ ! -s "$f" ]; then
      [ -s geo-data/target/classpath.txt ] || ./mvnw -B -q -pl geo-data dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
      log "generating $f"
      java -cp geo-data/target/classes:$(cat geo-data/target/classpath.txt) org.yizhan.geo.demo.SyntheticRegisterFile "$N" "$f" >&2
    fi
  done
  # The first administrator is created at start-up when there is none: the bench's own, with this run's password.
  export YIZHAN_ADMIN_USERNAME=bench YIZHAN_ADMIN_PASSWORD=${YIZHAN_ADMIN_PASSWORD:-bench-$RANDOM$RANDOM}
  $PSQL -d "$DB" -c "DELETE FROM account WHERE username = 'bench'"
  start_service --yizhan.index.enabled=false --logging.level.org.yizhan.locator.importing=INFO --yizhan.max-import-bytes=4294967296 \
    --spring.servlet.multipart.max-file-size=4GB --spring.servlet.multipart.max-request-size=4GB
  for kind in ${IMPORT_KINDS:-csv xlsx}; do
    f=$REG_CSV; [ "$kind" = xlsx ] && f=$REG_XLSX
    $PSQL -d "$DB" -c "TRUNCATE station, station_history RESTART IDENTITY CASCADE" -c "DELETE FROM station_code_sequence" \
      -c "VACUUM ANALYZE station"
    log "importing $f through the API"
    t0=$(date +%s.%N)
    code=$(curl -s -o "$RUN/import-$kind.json" -w '%{http_code}' -u "bench:$YIZHAN_ADMIN_PASSWORD" \
      -F "file=@$f" "$BASE/api/v1/register/imports?dryRun=false")
    t1=$(date +%s.%N)
    created=$(grep -o '"created":[0-9]*' "$RUN/import-$kind.json" | head -1 | cut -d: -f2)
    if [ "$code" != 200 ] || [ "$created" != "$N" ]; then
      log "the $kind import answered $code, created ${created:-?} of $N; see $RUN/import-$kind.json"; head -c 2000 "$RUN/import-$kind.json" >&2; exit 1
    fi
    printf 'import_%s_s=%s\n' "$kind" "$(echo "$t1 - $t0" | bc)" >> "$RUN/import.txt"
    grep -h "import phases" "$RUN/service.log" | tail -1 | sed "s/^.*import phases/import_${kind}_phases=/" >> "$RUN/import.txt" || true
  done
  stop_service
  log "timing plain COPY of the same CSV into a bare table"
  cols=$(head -1 "$REG_CSV" | awk -F, '{ for (i = 1; i <= NF; i++) printf "%sc%d text", (i > 1 ? ", " : ""), i }')
  $PSQL -d "$DB" -c "DROP TABLE IF EXISTS bench_copy" -c "CREATE TABLE bench_copy ($cols)"
  t0=$(date +%s.%N)
  $PSQL -d "$DB" -c "\copy bench_copy FROM '$REG_CSV' WITH (FORMAT csv, HEADER true)"
  t1=$(date +%s.%N)
  $PSQL -d "$DB" -c "DROP TABLE bench_copy"
  printf 'copy_s=%s\nimport_when=%s, load %s\n' "$(echo "$t1 - $t0" | bc)" "$(date '+%F %H:%M')" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RUN/import.txt"
  # A second baseline, for information: the imported register written back with COPY into `station`
  # itself (every index kept up row by row, the feed, vocabulary and notify triggers; no history,
  # no validation, codes given), in a transaction that is rolled back. TRUNCATE is inside the time.
  log "timing COPY of the imported register back into station itself (rolled back)"
  scols=code,name,name_en,address,location,adcode,host_type,host_organisation,contact_person,contact_phone,opening_hours
  scols=$scols,always_open,amenities,status,status_reason,floor_area,created_at,updated_at,version,last_verified_at,closed_alarm_at
  $PSQL -d "$DB" -c "\copy (SELECT $scols FROM station) TO '$RUN/station.copy'"
  t0=$(date +%s.%N)
  $PSQL -d "$DB" -c BEGIN -c "TRUNCATE station CASCADE" -c "\copy station ($scols) FROM '$RUN/station.copy'" -c ROLLBACK
  t1=$(date +%s.%N)
  rm -f "$RUN/station.copy"
  printf 'copy_station_s=%s\n' "$(echo "$t1 - $t0" | bc)" >> "$RUN/import.txt"
  cat "$RUN/import.txt" >&2
  [ "${IMPORT_ONLY:-0}" = 1 ] && { cp "$RUN/import.txt" "$OUT/import.txt"; exit 0; }
  log "loading $N synthetic stations for the benchmark (scripts/load-synthetic.sh)"
  YIZHAN_LOAD_REPORT=$RUN/import.txt scripts/load-synthetic.sh "$N" "$DB"
  cp "$RUN/import.txt" "$OUT/import.txt"
fi
if [ -f "$OUT/import.txt" ]; then cat "$OUT/import.txt" >> "$META"; fi

log "drawing $POINTS query points and $WINDOWS bbox windows from the register"
$PSQL -d "$DB" -v points=$POINTS -v windows=$WINDOWS -f bench/prepare.sql >/dev/null
$PSQL -d "$DB" -F' ' -c "SELECT lat, lng FROM bench_point ORDER BY i" |
  awk '{ printf "/api/v1/stations/nearest?lat=%.6f&lng=%.6f&limit=10\n", $1, $2 }' > "$RUN/nearest.urls"
cp "$RUN/nearest.urls" "$RUN/nearest-key.urls"   # the same queries, sent with X-API-Key
cp "$RUN/nearest.urls" "$RUN/nearest-gzip.urls"  # the same queries, as an app asks: Accept-Encoding: gzip
sed 's/$/\&amenities=microwave/' "$RUN/nearest.urls" > "$RUN/nearest-microwave.urls"
sed 's/$/\&amenities=summer_supplies/' "$RUN/nearest.urls" > "$RUN/nearest-summer.urls"
sed 's/$/\&openNow=true/' "$RUN/nearest.urls" > "$RUN/nearest-open.urls"
$PSQL -d "$DB" -F' ' -c "SELECT min_lng, min_lat, max_lng, max_lat FROM bench_window ORDER BY i" > "$RUN/windows.txt"
awk '{ printf "/api/v1/stations?bbox=%.6f,%.6f,%.6f,%.6f&limit=500\n", $1, $2, $3, $4 }' "$RUN/windows.txt" > "$RUN/bbox.urls"
# The same windows through the service's OGC API - Features items (what a GIS client asks), the
# counterpart of MapServer's OGC API items below.
awk '{ printf "/ogcapi/collections/stations/items?bbox=%.6f,%.6f,%.6f,%.6f&limit=500&f=json\n", $1, $2, $3, $4 }' "$RUN/windows.txt" > "$RUN/ogcapi-items.urls"
awk '{ printf "/stations/ogcapi/collections/stations/items?bbox=%.6f,%.6f,%.6f,%.6f&limit=500&f=json\n", $1, $2, $3, $4 }' "$RUN/windows.txt" > "$RUN/mapserver-bbox.urls"
echo "/api/v1/amenities" > "$RUN/trivial.urls"
# Vector tiles: the tile under each query point at zoom 5, 10 and 15 (bench/tiles.sql), from the
# service (OGC API - Tiles), raw PostGIS (bench/pgbench/tile-z*.sql) and MapServer (MVT, tile mode).
$PSQL -d "$DB" -f bench/tiles.sql >/dev/null
for z in 5 10 15; do
  $PSQL -d "$DB" -F' ' -c "SELECT x, y FROM bench_tile WHERE z = $z ORDER BY i" > "$RUN/tiles-z$z.txt"
  awk -v z=$z '{ printf "/ogcapi/collections/stations/tiles/WebMercatorQuad/%d/%d/%d\n", z, $2, $1 }' "$RUN/tiles-z$z.txt" > "$RUN/tile-z$z.urls"
  awk -v z=$z '{ printf "/?map=STATIONS&mode=tile&tilemode=gmap&tile=%d+%d+%d&layers=stations&map.imagetype=mvt\n", $1, $2, z }' "$RUN/tiles-z$z.txt" > "$RUN/mapserver-tile-z$z.urls"
done
# What the map asks for at country zoom: counted clusters from the in-memory index.
echo "/api/v1/stations/clusters?bbox=$COUNTRY_BBOX&columns=64" > "$RUN/country.urls"
cp "$RUN/country.urls" "$RUN/country-gzip.urls"  # the same view, as a browser asks: Accept-Encoding: gzip
# Many riders' country and province views: 2,000 boxes 10-62° wide at seeded random places over
# China. Answers are kept per grid cells, so one repeated view (above) measures the kept answer;
# these mostly do not repeat their cells and measure counting and writing them.
awk -v seed=14 'BEGIN { srand(seed); for (i = 0; i < 2000; i++) {
  w = 10 + rand() * 52; h = w * (0.5 + rand() * 0.5); x = 73.4 + rand() * (61.7 - w / 2); y = 18.1 + rand() * (35.5 - h / 2)
  printf "/api/v1/stations/clusters?bbox=%.4f,%.4f,%.4f,%.4f&columns=64\n", x, y, x + w, y + h } }' > "$RUN/country-pan.urls"
meta window_avg_stations "$($PSQL -d "$DB" -c "SELECT round(avg(n)) FROM (SELECT (SELECT count(*) FROM station s WHERE s.status = 'active'
  AND s.location::geometry && ST_MakeEnvelope(min_lng, min_lat, max_lng, max_lat, 4326)) AS n FROM bench_window WHERE i <= 200) w")"

# ----------------------------------------------------------- 3. the service and MapServer
# The index is saved to a file after its load from the database, and a restart reads it back
# (yizhan.index.snapshot-file): both start-ups are timed, the first from a file removed beforehand.
INDEX_FILE=$OUT/station-index.bin
rm -f "$INDEX_FILE"
await_log() { # pattern what
  for _ in $(seq 1 600); do
    grep -q "$1" "$RUN/service.log" && return 0
    sleep 0.5
  done
  log "$2 did not happen in 300 s; see $RUN/service.log"; exit 1
}
log "starting the service (-Xmx$HEAP) and waiting for its station index"
start_service --yizhan.index.snapshot-file="$INDEX_FILE"
await_log "Loaded the station index" "the station index load"
meta index_load_ms "$(grep -o 'Loaded the station index in [0-9]*' "$RUN/service.log" | tail -1 | grep -o '[0-9]*$')"
await_log "Saved the station index" "saving the station index"
log "restarting the service: the index from its file"
stop_service
start_service --yizhan.index.snapshot-file="$INDEX_FILE"
await_log "Re-read [0-9]* stations changed since" "the station index restart"
meta index_restart_ms "$(grep -o 'Loaded the station index in [0-9]*' "$RUN/service.log" | tail -1 | grep -o '[0-9]*$')"
meta index_restart_caught_up_ms "$(grep -o 'in [0-9]* ms in all' "$RUN/service.log" | tail -1 | grep -o '[0-9]*')"

log "starting MapServer $(/usr/bin/mapserv -v | grep -o 'version [0-9.]*') as FastCGI ($MS_PROCS processes) behind lighttpd"
sed "s#port=55432 dbname=yizhan_bench#port=$PG_PORT dbname=$DB#; s#127.0.0.1:8282#127.0.0.1:$MS_PORT#" bench/mapserver/stations.map > "$OUT/stations.map"
sed "s#@MAPFILE@#$OUT/stations.map#" bench/mapserver/mapserver.conf > "$OUT/mapserver.conf"
mkdir -p "$OUT/www"
cat > "$OUT/lighttpd.conf" <<CONF
server.document-root = "$OUT/www"
server.bind = "127.0.0.1"
server.port = $MS_PORT
server.errorlog = "$RUN/lighttpd-error.log"
server.modules = ( "mod_fastcgi" )
server.max-connections = 1024
server.max-fds = 4096
fastcgi.server = ( "/" => ( "mapserv" => (
  "socket" => "$OUT/mapserv.sock",
  "bin-path" => "/usr/bin/mapserv",
  "bin-environment" => ( "MAPSERVER_CONFIG_FILE" => "$OUT/mapserver.conf" ),
  "max-procs" => $MS_PROCS,
  "check-local" => "disable",
  "fix-root-scriptname" => "enable"
) ) )
CONF
$ON_SERVER lighttpd -D -f "$OUT/lighttpd.conf" > "$RUN/lighttpd.out" 2>&1 &
HTTPD_PID=$!
MS_BASE=http://127.0.0.1:$MS_PORT
for _ in $(seq 1 60); do
  curl -sf "$MS_BASE$(head -1 "$RUN/mapserver-bbox.urls")" >/dev/null && break
  sleep 0.5
done

# The nearest-key scenario's key (issue 12: keys must not make nearest measurably slower), issued
# straight into api_key as the workspace would (only its SHA-256 is stored), so reruns need no admin.
API_KEY=yz_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
$PSQL -d "$DB" -c "INSERT INTO api_key (key_hash, key_prefix, app_name, contact, per_minute, per_day, created_by)
  VALUES (sha256(convert_to('$API_KEY', 'UTF8')), substr('$API_KEY', 1, 11), 'bench', 'bench@localhost', 1000000000, 1000000000, 'bench.sh')"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $API_KEY" "$BASE$(head -1 "$RUN/nearest-key.urls")")
[ "$code" = 200 ] || { log "nearest with the key answered $code"; exit 1; }

# Every endpoint answers 200 before anything is measured.
for f in trivial nearest nearest-microwave nearest-summer nearest-open bbox ogcapi-items country country-pan tile-z5 tile-z10 tile-z15; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$(head -1 "$RUN/$f.urls")")
  [ "$code" = 200 ] || { log "$f answered $code: $BASE$(head -1 "$RUN/$f.urls")"; exit 1; }
done
for f in mapserver-bbox mapserver-tile-z10 mapserver-tile-z15; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$MS_BASE$(head -1 "$RUN/$f.urls")")
  [ "$code" = 200 ] || { log "MapServer answered $code to $f; see $RUN/lighttpd-error.log"; exit 1; }
done
# Mean tile size of each source over the first 100 tiles of each zoom (MapServer only where it is
# measured: it has no clustering, so a country tile would be every station in it).
mean_bytes() { # base urls-file
  head -100 "$2" | while read -r u; do curl -s -o /dev/null -w '%{size_download}\n' "$1$u"; done | awk '{ s += $1 } END { printf "%.0f", s / NR }'
}
for z in 5 10 15; do
  case " $(echo $SCENARIOS) " in *" tile-z$z "*) ;; *) continue ;; esac   # ST_AsMVT at z5 takes minutes
  meta "tile_z${z}_bytes" "$(mean_bytes "$BASE" "$RUN/tile-z$z.urls")"
  meta "pgbench_tile_z${z}_bytes" "$($PSQL -d "$DB" -c "SELECT round(avg(n)) FROM (SELECT i FROM bench_tile WHERE z = $z AND i <= 100) o
    CROSS JOIN LATERAL (SELECT length(mvt) AS n FROM ($(sed -e '/^--/d' -e '/^\\set/d' -e 's/;$//' -e "s/:i/o.i/" "bench/pgbench/tile-z$z.sql")) AS q(mvt)) t")"
done
for z in 10 15; do case " $(echo $SCENARIOS) " in *" mapserver-tile-z$z "*) ;; *) continue ;; esac; meta "mapserver_tile_z${z}_bytes" "$(mean_bytes "$MS_BASE" "$RUN/mapserver-tile-z$z.urls")"; done
meta country_features "$(curl -s "$BASE$(cat "$RUN/country.urls")" | grep -o '"count"' | wc -l)"
meta mapserver_window_features "$(curl -s "$MS_BASE$(head -1 "$RUN/mapserver-bbox.urls")" | grep -o '"numberReturned":[0-9]*' | grep -o '[0-9]*$')"
meta service_window_features "$(curl -s "$BASE$(head -1 "$RUN/bbox.urls")" | grep -o '"numberReturned":[0-9]*' | grep -o '[0-9]*$')"
meta ogcapi_window_features "$(curl -s "$BASE$(head -1 "$RUN/ogcapi-items.urls")" | grep -o '"numberReturned":[0-9]*' | grep -o '[0-9]*$')"

# pgbench cannot open more connections than the cluster allows (shared with the service,
# MapServer and anyone else): cap its clients.
max_conn=$($PSQL -d "$DB" -c "SHOW max_connections")
in_use=$($PSQL -d "$DB" -c "SELECT count(*) FROM pg_stat_activity")
PGB_CAP=$(( max_conn - in_use - 20 ))
for c in $CONNECTIONS; do [ "$c" -gt "$PGB_CAP" ] && { meta pgbench_cap "$PGB_CAP"; break; }; done

# ------------------------------------------------------------------------- 4. measuring
record() { local IFS=$'\t'; printf '%s\n' "$*" >> "$RESULTS"; }   # round conns scenario rps p50 p99 errors [cpu_us]

run_wrk() { # round conns seconds scenario base
  local round=$1 c=$2 secs=$3 s=$4 base=$5 t out
  t=$(( c < 2 ? c : 2 ))
  local header=
  case $s in
    nearest-key) header="X-API-Key: $API_KEY" ;;
    *-gzip) header="Accept-Encoding: gzip" ;;
  esac
  local cpu0; cpu0=$(cpu_ticks)
  out=$($ON_CLIENT wrk -t"$t" -c"$c" -d"${secs}s" --timeout 10s -s bench/wrk-urls.lua "$base" -- "$RUN/$s.urls" ${header:+"$header"} 2>&1 | grep '^WRK ' || true)
  if [ -z "$out" ]; then echo "$round $c $s FAILED" >&2; [ "$round" = 0 ] || record "$round" "$c" "$s" 0 0 0 -1; return; fi
  eval "$(echo "$out" | sed 's/^WRK //')"   # requests= duration_us= errors= p50_us= p99_us=
  # shellcheck disable=SC2154
  local rps; rps=$(echo "scale=1; $requests * 1000000 / $duration_us" | bc)
  # The service's own CPU per request (user + system, all its threads): steadier than req/s when
  # other work shares the cores. Only for the service (MapServer runs in other processes).
  local cpu=; [ "$base" = "$BASE" ] && [ "$requests" -gt 0 ] && cpu=$(( ($(cpu_ticks) - cpu0) * 1000000 / $(getconf CLK_TCK) / requests ))
  [ "$round" = 0 ] || record "$round" "$c" "$s" "$rps" "$(echo "scale=3; $p50_us / 1000" | bc)" "$(echo "scale=3; $p99_us / 1000" | bc)" "$errors" ${cpu:+"$cpu"}
  log "round $round c=$c $s: $rps req/s, p50 $((p50_us / 1000)) ms, p99 $((p99_us / 1000)) ms, errors $errors${cpu:+, service CPU $cpu us/request}"
}
# utime + stime of the service in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat" 2>/dev/null || echo 0; }

run_pgbench() { # round conns seconds scenario
  local round=$1 c=$2 secs=$3 s=$4 cc j dir out tps failed n p50 p99
  cc=$(( c < PGB_CAP ? c : PGB_CAP )); j=$(( cc < 2 ? cc : 2 ))
  dir=$(mktemp -d "$RUN/pgbench.XXXXXX")
  (cd "$dir" && $ON_CLIENT "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$cc" -j "$j" -T "$secs" \
        -D points=$POINTS -D windows=$WINDOWS -f "$ROOT/bench/pgbench/${s#pgbench-}.sql" \
        -l --sampling-rate=0.2 --log-prefix="$dir/tx" "$DB" > "$dir/out" 2>&1) &
  local pgb=$!
  # pgbench's sessions are servers too: onto the server CPUs as soon as they are connected.
  if [ "$PIN" = on ]; then
    for _ in $(seq 1 30); do
      [ "$(pin_backends "AND application_name = 'pgbench'")" -ge "$cc" ] && break
      kill -0 "$pgb" 2>/dev/null || break
      sleep 0.1
    done
  fi
  if ! wait "$pgb"; then
    tail -5 "$dir/out" >&2; [ "$round" = 0 ] || record "$round" "$c" "$s" 0 0 0 -1; rm -rf "$dir"; return
  fi
  out=$(cat "$dir/out")
  tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | tail -1)
  # No tps line: no transaction finished in the cell (slow queries, or every client aborted when the
  # shared cluster ran out of connections): not a measurement.
  if [ -z "$tps" ]; then
    echo "$out" | grep -m3 -i 'abort\|error\|fatal' >&2 || true
    log "round $round c=$c $s: no transaction completed in ${secs} s"; [ "$round" = 0 ] || record "$round" "$c" "$s" 0 0 0 -1; rm -rf "$dir"; return
  fi
  failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p'); failed=${failed:-0}
  cat "$dir"/tx* | awk '{ print $3 }' | sort -n > "$dir/lat"
  n=$(wc -l < "$dir/lat"); p50=0; p99=0
  if [ "$n" -gt 0 ]; then p50=$(sed -n "$(( (n + 1) / 2 ))p" "$dir/lat"); p99=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$dir/lat"); fi
  rm -rf "$dir"
  [ "$round" = 0 ] || record "$round" "$c" "$s" "$tps" "$(echo "scale=3; ${p50:-0} / 1000" | bc)" "$(echo "scale=3; ${p99:-0} / 1000" | bc)" "$failed"
  log "round $round c=$c($cc) $s: $tps tps, p50 $(( ${p50:-0} / 1000 )) ms, p99 $(( ${p99:-0} / 1000 )) ms, failed $failed"
}

# Puts this database's PostgreSQL backends (those matching the extra condition) on the server
# CPUs; prints how many there are. Only our own database's sessions: the cluster is shared.
pin_backends() { # [extra SQL condition]
  local n=0 pid
  for pid in $($PSQL -d "$DB" -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database()
                 AND backend_type = 'client backend' AND pid <> pg_backend_pid() ${1:-}"); do
    taskset -p -c "$SERVER_CPUS" "$pid" >/dev/null 2>&1 && n=$(( n + 1 ))
  done
  echo "$n"
}

# When a cell ends, requests it started may still be queued in a server (a slow scenario at 256
# connections leaves minutes of work behind): wait until the service answers the trivial endpoint
# promptly and no query of the servers is still running, so the next cell starts clean (<= 120 s).
settle() {
  local i busy t
  for i in $(seq 1 240); do
    busy=$($PSQL -d "$DB" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
            AND state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
    t=$(curl -s -o /dev/null -m 5 -w '%{time_total}' "$BASE/api/v1/amenities" || echo 9)
    if [ "$busy" = 0 ] && [ "$(echo "$t < 0.1" | bc)" = 1 ]; then
      [ "$i" -gt 1 ] && log "settled after $(( i / 2 )) s"
      return 0
    fi
    sleep 0.5
  done
  log "still busy after 120 s; measuring anyway"
}

run() { # round conns seconds scenario
  settle
  [ "$PIN" = on ] && pin_backends >/dev/null
  case $4 in
    pgbench-*) run_pgbench "$@" ;;
    mapserver-*) run_wrk "$@" "$MS_BASE" ;;
    *) run_wrk "$@" "$BASE" ;;
  esac
}

meta date "$(date '+%F %H:%M %Z')"
meta machine "$(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1), PostgreSQL $($PSQL -d "$DB" -c 'SHOW server_version' | cut -d' ' -f1), PostGIS $($PSQL -d "$DB" -c 'SELECT postgis_lib_version()')"
meta load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
meta stations "$($PSQL -d "$DB" -c 'SELECT count(*) FROM station')"
meta active "$($PSQL -d "$DB" -c "SELECT count(*) FROM station WHERE status = 'active'")"
[ -n "${BENCH_SERVICE_ARGS:-}" ] && meta service_args "$BENCH_SERVICE_ARGS"
meta rounds "$ROUNDS"; meta round_seconds "$ROUND_SECONDS"; meta warmup_seconds "$WARMUP"
if [ "$PIN" = on ]; then
  meta client "wrk $(dpkg-query -W -f='${Version}' wrk 2>/dev/null) (2 threads) / pgbench pinned to CPU $CLIENT_CPUS, servers (service, MapServer, this database's PostgreSQL backends) to CPU $SERVER_CPUS"
else
  meta client "wrk $(dpkg-query -W -f='${Version}' wrk 2>/dev/null) (2 threads) / pgbench, on the same cores as the servers (PIN=off)"
fi

n_scen=$(echo "$SCENARIOS" | wc -w)
per=$(( (WARMUP + n_scen - 1) / n_scen )); [ "$per" -ge 1 ] || per=1
log "warm-up: ${per} s per scenario at 32 connections (${WARMUP} s in all)"
for s in $SCENARIOS; do run 0 32 "$per" "$s" || true; done

for round in $(seq 1 "$ROUNDS"); do
  for c in $CONNECTIONS; do
    # A failed measurement is recorded as such (errors -1); it never stops the run.
    for s in $SCENARIOS; do run "$round" "$c" "$ROUND_SECONDS" "$s" || log "round $round c=$c $s failed"; done
  done
done
meta load_end "$(cut -d' ' -f1-3 /proc/loadavg)"

# Along-route search (issue 12): a 30 km route (301 vertices, a gentle wiggle) across the centre of
# Shanghai, the densest synthetic city, default 300 m buffer, all hits (limit 1000); 20 calls one
# after another with curl, after the rounds (so on a warm service). Same route as bench-nearest.sh.
ROUTE=$(awk 'BEGIN { lat0 = 31.230; lng0 = 121.474; pi = atan2(0, -1);
  printf "{\"type\":\"LineString\",\"coordinates\":[";
  for (i = 0; i <= 300; i++) { x = -15000 + i * 100; y = 500 * sin(i / 20);
    printf "%s[%.6f,%.6f]", (i ? "," : ""), lng0 + x / (111320 * cos(lat0 * pi / 180)), lat0 + y / 110574 }
  print "]}" }')
ALONG="$BASE/api/v1/stations/along-route?limit=1000"
meta along_route_hits "$(curl -s -H 'Content-Type: application/json' -d "$ROUTE" "$ALONG" | grep -o '"numberMatched":[0-9]*' | grep -o '[0-9]*$')"
meta along_route_ms "$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$ROUTE" "$ALONG"; done |
  sort -n | awk '{ t[NR] = $1 } END { printf "min %.0f, median %.0f, max %.0f", t[1] * 1000, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000 }')"

# Heap with the register in memory: after a full GC, so it is what the index holds, not garbage.
if command -v jcmd >/dev/null; then
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  # G1 prints one "garbage-first heap" line; Serial (what the JVM picks when pinned to one CPU)
  # prints a line per generation, the young one empty after the GC: add up the heap's lines.
  used_k=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -E 'generation|heap ' | grep -o 'used [0-9]*K' | grep -o '[0-9]*' | awk '{ s += $1 } END { if (NR) print s }')
  [ -n "$used_k" ] && meta heap_mb "$(( used_k / 1024 ))"
fi

java bench/BenchReport.java "$RESULTS" "$META" | tee "$RUN/report.txt"
log "raw results: $RUN"

#!/usr/bin/env bash
# Benchmarks the nearest API over HTTP at the demo size or with N synthetic stations, against a
# trivial JSON endpoint of the same service measured in the same run. Prints one table.
#   scripts/bench-nearest.sh demo            # the ~360 demo stations
#   scripts/bench-nearest.sh 1000000 [secs] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1000000}
SECONDS_PER=${2:-10}
CONNECTIONS=${3:-8}
PORT=${YIZHAN_BENCH_PORT:-8181}

YIZHAN_SKIP_BROWSER=1 scripts/prerequisites.sh
if [ "$SIZE" = demo ]; then DB=${BENCH_DB:-yizhan_bench_demo}; else DB=${BENCH_DB:-yizhan_bench}; fi
scripts/postgis.sh ensure "$DB"
[ -f locator-api/target/locator-api-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests install

export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:55432/$DB
export YIZHAN_DEMO=$([ "$SIZE" = demo ] && echo true || echo false)
# Quotas must not throttle the benchmark itself: the anonymous quota is lifted, and the key below
# gets the most an administrator may give. An admin password lets the script issue that key.
export YIZHAN_QUOTA_ANONYMOUS_PER_MINUTE=1000000000 YIZHAN_QUOTA_ANONYMOUS_PER_DAY=1000000000
export YIZHAN_ADMIN_USERNAME=bench YIZHAN_ADMIN_PASSWORD=${YIZHAN_ADMIN_PASSWORD:-bench-$RANDOM$RANDOM}
java -Xmx2g -jar locator-api/target/locator-api-0.1.0-SNAPSHOT.jar --server.port=$PORT \
    --logging.level.root=WARN --yizhan.quota.max-key.per-minute=1000000000 --yizhan.quota.max-key.per-day=1000000000 \
    > .data/bench-service.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 0.5; done

if [ "$SIZE" = demo ]; then
  CSV=geo-data/src/main/resources/org/yizhan/geo/demo/demo-stations.csv
  # The demo loader runs right after start-up; wait until it has written the register.
  for _ in $(seq 1 120); do
    n=$(psql -h 127.0.0.1 -p 55432 -U postgres -d $DB -qAt -c "SELECT count(*) FROM station")
    [ "$n" -gt 300 ] && break; sleep 0.5
  done
else
  CSV=.data/synthetic-$SIZE.csv
  n=$(psql -h 127.0.0.1 -p 55432 -U postgres -d $DB -qAt -c "SELECT count(*) FROM station")
  [ "$n" = "$SIZE" ] || scripts/load-synthetic.sh "$SIZE" "$DB"
fi
echo "register: $(psql -h 127.0.0.1 -p 55432 -U postgres -d $DB -qAt -c "SELECT count(*) FROM station") stations; $(nproc) cores"
KEY=$(curl -sf -u "bench:$YIZHAN_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"appName":"bench","contact":"bench@localhost","perMinute":1000000000,"perDay":1000000000}' \
  "localhost:$PORT/api/v1/api-keys" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
[ -n "$KEY" ] || { echo "could not issue an API key for the benchmark" >&2; exit 1; }
java bench/NearestBench.java "http://localhost:$PORT" "$CSV" "$SECONDS_PER" "$CONNECTIONS" "$KEY"

# Along-route search (issue 12): a 30 km route (301 vertices, a gentle wiggle) across the centre of
# Shanghai, the densest synthetic city, with the default 300 m buffer. Timed end to end with curl.
ROUTE=$(awk 'BEGIN { lat0 = 31.230; lng0 = 121.474; pi = atan2(0, -1);
  printf "{\"type\":\"LineString\",\"coordinates\":[";
  for (i = 0; i <= 300; i++) { x = -15000 + i * 100; y = 500 * sin(i / 20);
    printf "%s[%.6f,%.6f]", (i ? "," : ""), lng0 + x / (111320 * cos(lat0 * pi / 180)), lat0 + y / 110574 }
  print "]}" }')
ALONG="localhost:$PORT/api/v1/stations/along-route?limit=1000"
echo "along-route 30 km: $(curl -s -H 'Content-Type: application/json' -H "X-API-Key: $KEY" -d "$ROUTE" "$ALONG" \
  | sed -n 's/.*"routeMetres":\([0-9.]*\).*"numberMatched":\([0-9]*\).*/route \1 m, \2 stations within 300 m/p')"
for _ in $(seq 1 20); do
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -H "X-API-Key: $KEY" -d "$ROUTE" "$ALONG"
done | sort -n | awk '{ t[NR] = $1 } END { printf "along-route 30 km, buffer 300 m: min %.0f ms, median %.0f ms, max %.0f ms (%d runs)\n", t[1] * 1000, t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, NR }'

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
if [ "$SIZE" = demo ]; then DB=yizhan_bench_demo; else DB=yizhan_bench; fi
scripts/postgis.sh ensure "$DB"
[ -f locator-api/target/locator-api-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests install

export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:55432/$DB
export YIZHAN_DEMO=$([ "$SIZE" = demo ] && echo true || echo false)
java -Xmx2g -jar locator-api/target/locator-api-0.1.0-SNAPSHOT.jar --server.port=$PORT \
    --logging.level.root=WARN > .data/bench-service.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 0.5; done

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
java bench/NearestBench.java "http://localhost:$PORT" "$CSV" "$SECONDS_PER" "$CONNECTIONS"

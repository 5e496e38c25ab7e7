#!/usr/bin/env bash
# Read scale-out on PostgreSQL's own streaming replication, demonstrated on loopback:
#  1. clones the running dev/bench cluster (127.0.0.1:${YIZHAN_PG_PORT:-55432}) with
#     pg_basebackup -R into /var/lib/yizhan/pg-replica-<port> and starts it as a hot standby on
#     127.0.0.1:${YIZHAN_REPLICA_PORT:-55433};
#  2. reads from the replica, shows it refuses writes, writes on the primary and polls the
#     replica (deadline) until the write is visible, printing the lag;
#  3. starts two API instances behind HAProxy (from Debian; installed if missing): "rw" on the
#     primary and "ro" on the replica (Flyway off; its station index LISTENs on the primary through
#     yizhan.index.listen-url, as a standby can neither LISTEN nor receive NOTIFY, and reads changed
#     rows from the replica once it has replayed them). HAProxy sends GET/HEAD round robin to both
#     and writes to rw. The demo creates a station through HAProxy, then closes it, and times each
#     edit until ro's nearest answers (from its in-memory index) show it; over 1 s fails the demo.
#     With wrk installed it also drives nearest on both instances for 3 s each.
# Stops the replica, the instances and HAProxy at the end (KEEP=1 leaves the replica running;
# `scripts/replica-demo.sh stop` stops it later). See docs/SCALING.md for the production shape.
#   scripts/replica-demo.sh [db=yizhan_bench]     SKIP_SERVICE=1 skips step 3
# Ports (environment): YIZHAN_PG_PORT (primary, 55432), YIZHAN_REPLICA_PORT (55433),
# YIZHAN_DEMO_RW_PORT (8183), YIZHAN_DEMO_RO_PORT (8184), YIZHAN_DEMO_LB_PORT (8185); DEMO_HEAP (1g).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PRIMARY_PORT=${YIZHAN_PG_PORT:-55432}
REPLICA_PORT=${YIZHAN_REPLICA_PORT:-55433}
RW_PORT=${YIZHAN_DEMO_RW_PORT:-8183}
RO_PORT=${YIZHAN_DEMO_RO_PORT:-8184}
LB_PORT=${YIZHAN_DEMO_LB_PORT:-8185}
DATA=${YIZHAN_REPLICA_DATA:-/var/lib/yizhan/pg-replica-$REPLICA_PORT}
SOCK=$DATA.run
PG_BIN=/usr/lib/postgresql/15/bin
log() { printf '[replica %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_replica() {
  if [ -f "$DATA/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true; fi
}

if [ "${1:-}" = stop ]; then stop_replica; exit 0; fi
DB=${1:-yizhan_bench}
P="psql -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -d $DB -v ON_ERROR_STOP=1 -qAt"
R="psql -h 127.0.0.1 -p $REPLICA_PORT -U postgres -d $DB -v ON_ERROR_STOP=1 -qAt"

scripts/postgis.sh ensure "$DB"
[ "$($P -c 'SELECT count(*) FROM station' 2>/dev/null || echo 0)" -gt 0 ] || {
  log "database $DB has no stations: run scripts/run.sh (db yizhan) or scripts/bench.sh (db yizhan_bench) first"; exit 1; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || stop_replica
}
trap cleanup EXIT

# ------------------------------------------------------------------ 1. a streaming replica
stop_replica
rm -rf "$DATA"
mkdir -p "$DATA" "$SOCK"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA" "$SOCK" && chmod 700 "$DATA"
log "pg_basebackup of 127.0.0.1:$PRIMARY_PORT into $DATA (-R: standby.signal + primary_conninfo)"
t0=$(date +%s)
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -X stream -c fast
log "base backup: $(du -sh "$DATA" | cut -f1) in $(( $(date +%s) - t0 )) s"
# The copied postgresql.conf carries the primary's port and socket directory; later lines win.
cat >> "$DATA/postgresql.conf" <<CONF
# Yizhan replica demo (scripts/replica-demo.sh)
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
hot_standby = on
CONF
as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -l "$SOCK/postgres.log" -w -t 60 start >/dev/null
log "replica up on 127.0.0.1:$REPLICA_PORT; primary's view: $(psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qAt -c \
  "SELECT string_agg(application_name || ' ' || state || ' ' || sync_state, ', ') FROM pg_stat_replication")"

# ------------------------------------------------------------- 2. reads, writes, visibility
echo "primary in recovery: $($P -c 'SELECT pg_is_in_recovery()'); replica in recovery: $($R -c 'SELECT pg_is_in_recovery()')"
echo "read on the replica: $($R -c "SELECT count(*) FROM station WHERE status = 'active'") active stations"
echo "write on the replica is refused: $($R -c "UPDATE station SET status_reason = 'x' WHERE id = -1" 2>&1 | head -1)"

# Polls the replica until `query` returns `want`; prints the wait. Deadline 10 s.
await_replica() { # query want
  local start now
  start=$(date +%s%N)
  for _ in $(seq 1 1000); do
    if [ "$($R -c "$1")" = "$2" ]; then
      now=$(date +%s%N); echo "visible on the replica after $(( (now - start) / 1000000 )) ms"; return 0
    fi
    sleep 0.01
  done
  echo "NOT visible on the replica within 10 s"; return 1
}

ID=$($P -c "SELECT min(id) FROM station WHERE status = 'active'")
CODE=$($P -c "SELECT code FROM station WHERE id = $ID")
TOKEN="replica demo $(date +%s%N)"
echo "write on the primary: station $CODE status_reason := '$TOKEN'"
$P -c "UPDATE station SET status_reason = '$TOKEN', updated_at = now(), version = version + 1 WHERE id = $ID"
await_replica "SELECT status_reason FROM station WHERE id = $ID" "$TOKEN"
echo "replay lag now: $($R -c "SELECT coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000), 0) || ' ms since the last replayed commit'")"

# ------------------------- 3. two API instances behind HAProxy, the read-only one on the replica
if [ "${SKIP_SERVICE:-0}" != 1 ]; then
  command -v haproxy >/dev/null || {
    [ "$(id -u)" -eq 0 ] || { log "haproxy is missing; run once as root (apt-get install haproxy)"; exit 1; }
    log "installing haproxy"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
  for port in "$RW_PORT" "$RO_PORT" "$LB_PORT"; do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then log "127.0.0.1:$port is taken; set YIZHAN_DEMO_*_PORT"; exit 1; fi
  done
  JAR=locator-api/target/locator-api-0.1.0-SNAPSHOT.jar
  if [ ! -f "$JAR" ] || [ -n "$(find geo-data/src locator-api/src web-map/src pom.xml */pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    log "building the service"; ./mvnw -B -q -DskipTests package
  fi
  # A demo editor of its own (admin role), whatever accounts the database already has: bcrypt by pgcrypto.
  DEMO_PASS="demo-$(date +%s%N)"
  $P -c "CREATE EXTENSION IF NOT EXISTS pgcrypto" -c "DELETE FROM account WHERE username = 'replica-demo'" \
     -c "INSERT INTO account (username, display_name, password_hash, role, created_at, updated_at, version)
         VALUES ('replica-demo', 'Replica demo', '{bcrypt}' || crypt('$DEMO_PASS', gen_salt('bf', 10)), 'admin', now(), now(), 0)"
  mkdir -p "$ROOT/.data"
  start_instance() { # name port datasource-url extra-args...
    local name=$1 port=$2 url=$3; shift 3
    # The demo polls from one address: the anonymous quota is lifted so it does not answer 429.
    SPRING_DATASOURCE_URL=$url YIZHAN_DEMO=false YIZHAN_ADMIN_PASSWORD= \
      YIZHAN_QUOTA_ANONYMOUS_PER_MINUTE=1000000000 YIZHAN_QUOTA_ANONYMOUS_PER_DAY=1000000000 \
      java -Xmx"${DEMO_HEAP:-1g}" -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 \
      --logging.level.root=WARN --logging.level.org.yizhan.locator.search=INFO "$@" > "$ROOT/.data/replica-demo-$name.log" 2>&1 &
    PIDS+=("$!")
  }
  log "starting the read-write instance on 127.0.0.1:$RW_PORT (primary) and the read-only one on 127.0.0.1:$RO_PORT (replica, LISTEN on the primary)"
  start_instance rw "$RW_PORT" "jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/$DB"
  # Flyway is the primary's job. The index LISTENs on the primary (a standby refuses LISTEN and
  # NOTIFY is not replicated) and reads changed rows from the replica once it has replayed them.
  start_instance ro "$RO_PORT" "jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB?readOnly=true" --spring.flyway.enabled=false \
    --logging.level.org.yizhan.locator.search.StationIndexSync=DEBUG \
    --yizhan.index.listen-url="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/$DB?ApplicationName=yizhan-index-listen"
  for name in rw ro; do
    for _ in $(seq 1 480); do
      grep -q "Loaded the station index" "$ROOT/.data/replica-demo-$name.log" && break
      sleep 0.5
    done
    grep -q "Loaded the station index" "$ROOT/.data/replica-demo-$name.log" || {
      log "the $name instance did not load its index in 240 s"; tail -20 "$ROOT/.data/replica-demo-$name.log" >&2; exit 1; }
    echo "$name instance: $(grep -o 'Loaded the station index in [0-9]* ms' "$ROOT/.data/replica-demo-$name.log" | tail -1)"
  done
  grep -o 'Station index listens on the primary at [^ ]*' "$ROOT/.data/replica-demo-ro.log" | sed 's/^/ro instance: /'
  echo "the primary's view of the ro instance's LISTEN session: $(psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qAt -c \
    "SELECT application_name || ' on ' || datname || ', ' || state FROM pg_stat_activity WHERE application_name = 'yizhan-index-listen'")"

  # HAProxy: GET/HEAD round robin over both instances, everything else to the read-write one.
  cat > "$SOCK/haproxy.cfg" <<CFG
global
  maxconn 2048
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
frontend api
  bind 127.0.0.1:$LB_PORT
  acl read method GET HEAD
  use_backend reads if read
  default_backend writes
  http-response set-header X-Yizhan-Instance %[srv_name]
backend reads
  balance roundrobin
  option httpchk GET /actuator/health
  server rw 127.0.0.1:$RW_PORT check inter 1s
  server ro 127.0.0.1:$RO_PORT check inter 1s
backend writes
  option httpchk GET /actuator/health
  server rw 127.0.0.1:$RW_PORT check inter 1s
CFG
  haproxy -db -f "$SOCK/haproxy.cfg" > "$ROOT/.data/replica-demo-haproxy.log" 2>&1 &
  PIDS+=("$!")
  LB=http://127.0.0.1:$LB_PORT
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$LB/api/v1/amenities")" = 200 ] && break; sleep 0.1
  done
  # Both servers up in HAProxy's view (its first checks take a second or two).
  for _ in $(seq 1 100); do
    served=$(for _ in 1 2 3 4; do curl -s -o /dev/null -D - "$LB/api/v1/amenities" | tr -d '\r' | sed -n 's/^x-yizhan-instance: //Ip'; done | sort -u | tr '\n' ' ')
    [ "$served" = "ro rw " ] && break; sleep 0.2
  done
  echo "HAProxy on $LB: GETs are served by: $served(round robin); writes go to rw"

  # An edit through the load balancer (so through rw) must reach ro's nearest answers within 1 s.
  # ro is asked directly: through the balancer every other answer would come from rw.
  # Within ~300 m of Haibowan's Xinhua street (the adcode below must contain the point).
  LAT=$(printf '39.65%03d' $(( RANDOM % 600 ))); LNG=$(printf '106.82%03d' $(( RANDOM % 600 )))
  NEAREST="http://127.0.0.1:$RO_PORT/api/v1/stations/nearest?lat=$LAT&lng=$LNG&limit=1"
  FORM='{"name":"副本演示驿站","address":"乌海市海勃湾区演示路1号","location":{"lat":'$LAT',"lng":'$LNG'},"adcode":"150302",
    "hostType":"self_built","hostOrganisation":"海勃湾区总工会","contactPerson":"王丽","contactPhone":"13900001234",
    "openingHours":"24/7","amenities":["microwave"],"floorArea":20}'
  # Polls ro's nearest until its first answer does (when=present) or does not (when=absent) name CODE;
  # prints the delay since `start` and fails past 1 s (10 s of looking at most).
  await_ro() { # what when
    local first elapsed applied asked delay looks=0
    for _ in $(seq 1 2000); do
      looks=$(( looks + 1 )); asked=$(( ($(date +%s%N) - start) / 1000000 ))
      first=$(curl -s "$NEAREST" | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
      if { [ "$2" = present ] && [ "$first" = "$CODE" ]; } || { [ "$2" = absent ] && [ "$first" != "$CODE" ]; }; then
        elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
        # Where the time went: ro's index sync logs when it applied the change (DEBUG line).
        applied=$(grep 'Applied .* queued change' "$ROOT/.data/replica-demo-ro.log" | tail -1 | cut -d' ' -f1)
        applied=$(( $(date -d "$applied" +%s%3N) - start / 1000000 ))
        # The delay: when ro's index had it (nearest is answered from the index), or when the first
        # answer showing it was asked if that is later. The answer itself may take a while on a
        # busy machine: printed apart.
        delay=$(( applied > asked ? applied : asked ))
        echo "$1: reached ro's nearest answers after $delay ms (ro's index applied it at +$applied ms; the first answer showing it was asked at +$asked ms, look $looks, and came back at +$elapsed ms)"
        DELAYS+=("$delay")
        [ "$delay" -le 1000 ] || { echo "FAILED: more than 1 s"; exit 1; }
        return 0
      fi
      [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 10000 ] && break
    done
    echo "FAILED: $1 did not reach ro's nearest answers within 10 s"; exit 1
  }
  DELAYS=()
  # Warm ro's nearest path first: a cold JVM's first answers take seconds on a busy machine, and the
  # delay below is about the index, not about class loading.
  for _ in $(seq 1 30); do curl -s -o /dev/null "$NEAREST"; curl -s -o /dev/null "$LB/api/v1/stations/nearest?lat=$LAT&lng=$LNG&limit=1"; done
  echo "ro's nearest, warm: $(curl -s -o /dev/null -w '%{time_total}' "$NEAREST") s per answer"
  # Each delay runs from the write's answer (the commit is done) to the first ro answer showing it.
  resp=$(curl -s -u "replica-demo:$DEMO_PASS" -H 'Content-Type: application/json' -D - -d "$FORM" "$LB/api/v1/stations")
  start=$(date +%s%N)
  echo "$resp" | head -1 | grep -q ' 201' || { echo "create failed: $(echo "$resp" | head -1; echo "$resp" | tail -1)"; exit 1; }
  CODE=$(echo "$resp" | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
  echo "POST $LB/api/v1/stations -> $CODE at $LAT,$LNG (served by $(echo "$resp" | tr -d '\r' | sed -n 's/^x-yizhan-instance: //Ip'))"
  await_ro "new station $CODE" present
  curl -sf -o /dev/null -u "replica-demo:$DEMO_PASS" -H 'Content-Type: application/json' \
    -d '{"status":"closed","reason":"replica demo","version":0}' "$LB/api/v1/stations/$CODE/status"
  start=$(date +%s%N)
  echo "POST $LB/api/v1/stations/$CODE/status closed"
  await_ro "closed station $CODE gone" absent
  echo "edit -> ro nearest delays: ${DELAYS[*]} ms (limit 1000 ms)"
  echo "ro's index sync (notification -> replica replayed -> applied):"
  grep -o 'Applied .* queued change.*' "$ROOT/.data/replica-demo-ro.log" | tail -3 | sed 's/^/  /'
  # ro answers nearest from its own index, as fast as rw (same URLs, one after the other).
  if command -v wrk >/dev/null; then
    for name in rw ro; do
      port=$RW_PORT; [ "$name" = ro ] && port=$RO_PORT
      echo "nearest on $name, wrk 1 thread 4 connections 3 s: $(wrk -t1 -c4 -d3s "http://127.0.0.1:$port/api/v1/stations/nearest?lat=$LAT&lng=$LNG&limit=10" | awk '/Requests\/sec/ {print $2 " req/s"}')"
    done
  fi
  $P -c "DELETE FROM account WHERE username = 'replica-demo'"
fi
$P -c "UPDATE station SET status_reason = NULL, updated_at = now(), version = version + 1 WHERE id = $ID"
echo "replica demo: OK"

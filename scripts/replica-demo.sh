#!/usr/bin/env bash
# Read scale-out on PostgreSQL's own streaming replication, demonstrated on loopback:
#  1. clones the running dev/bench cluster (127.0.0.1:${YIZHAN_PG_PORT:-55432}) with
#     pg_basebackup -R into /var/lib/yizhan/pg-replica-55433 and starts it as a hot standby on 127.0.0.1:55433;
#  2. reads from the replica, shows it refuses writes, writes on the primary and polls the
#     replica (deadline) until the write is visible, printing the lag;
#  3. starts a read-only API instance whose SPRING_DATASOURCE_URL points at the replica
#     (Flyway and the LISTEN-based index off: a standby can run neither), reads a station
#     through it, writes on the primary and polls the replica-backed API until it shows the write.
# Stops the replica and the instance at the end (KEEP=1 leaves the replica running;
# `scripts/replica-demo.sh stop` stops it later). See docs/SCALING.md for the production shape.
#   scripts/replica-demo.sh [db=yizhan_bench]     SKIP_SERVICE=1 skips step 3
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PRIMARY_PORT=${YIZHAN_PG_PORT:-55432}
REPLICA_PORT=${YIZHAN_REPLICA_PORT:-55433}
APP_PORT=${YIZHAN_REPLICA_APP_PORT:-8183}
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

APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
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

# ----------------------------------------- 3. the API: a read-only instance on the replica
if [ "${SKIP_SERVICE:-0}" != 1 ]; then
  JAR=locator-api/target/locator-api-0.1.0-SNAPSHOT.jar
  [ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
  log "starting a read-only API instance on 127.0.0.1:$APP_PORT backed by the replica"
  # Flyway is the primary's job; the index needs LISTEN, which a standby refuses (and NOTIFY is
  # not replicated), so this instance answers nearest from the replica through PostGIS.
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB?readOnly=true" \
    java -Xmx1g -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 --spring.flyway.enabled=false \
    --yizhan.index.enabled=false --logging.level.root=WARN > "$ROOT/.data/replica-service.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do curl -sf "127.0.0.1:$APP_PORT/actuator/health" >/dev/null && break; sleep 0.5; done
  curl -sf "127.0.0.1:$APP_PORT/actuator/health" >/dev/null || { log "instance did not start"; tail -20 "$ROOT/.data/replica-service.log" >&2; exit 1; }
  API="http://127.0.0.1:$APP_PORT/api/v1"
  echo "GET $API/stations/$CODE (replica) -> statusReason: $(curl -s "$API/stations/$CODE" | grep -o '"statusReason":"[^"]*"')"
  loc=$($P -F' ' -c "SELECT ST_Y(location::geometry), ST_X(location::geometry) FROM station WHERE id = $ID")
  echo "GET nearest from the replica-backed API -> $(curl -s -o /dev/null -w '%{http_code}, %{time_total} s' \
    "$API/stations/nearest?lat=${loc% *}&lng=${loc#* }&limit=10")"
  TOKEN2="replica demo via API $(date +%s%N)"
  echo "write on the primary: station $CODE status_reason := '$TOKEN2'"
  start=$(date +%s%N)
  $P -c "UPDATE station SET status_reason = '$TOKEN2', updated_at = now(), version = version + 1 WHERE id = $ID"
  seen=
  for _ in $(seq 1 500); do
    if curl -s "$API/stations/$CODE" | grep -q "\"statusReason\":\"$TOKEN2\""; then seen=1; break; fi
    sleep 0.02
  done
  if [ -n "$seen" ]; then
    echo "the replica-backed API shows the write after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  else
    echo "the replica-backed API did NOT show the write within 10 s"; exit 1
  fi
fi
$P -c "UPDATE station SET status_reason = NULL, updated_at = now(), version = version + 1 WHERE id = $ID"
echo "replica demo: OK"

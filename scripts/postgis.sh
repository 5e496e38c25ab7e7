#!/usr/bin/env bash
# Ensures a private PostgreSQL 15 + PostGIS 3 cluster for Yizhan is installed, running and has
# the requested databases. Idempotent: run it as often as you like.
#
#   scripts/postgis.sh ensure [db ...]   install if missing, init, start, create dbs (default: yizhan)
#   scripts/postgis.sh recreate db       drop and create db (used for a clean test database)
#   scripts/postgis.sh stop | status
#
# The cluster lives in /var/lib/yizhan/pg-<port> (YIZHAN_PG_DATA overrides) and listens on
# 127.0.0.1:${YIZHAN_PG_PORT:-55432}, so it never clashes with a system PostgreSQL on 5432. It is
# kept outside the checkout because the server runs as the `postgres` user, who cannot enter a
# checkout in a 0700 home such as /root; one cluster per port also serves several checkouts.
# Authentication is "trust" for local connections only: it is a developer cluster. Production
# connects elsewhere (see README).
set -euo pipefail

PORT=${YIZHAN_PG_PORT:-55432}
DATA=${YIZHAN_PG_DATA:-/var/lib/yizhan/pg-$PORT}
SOCK=${YIZHAN_PG_SOCK:-$DATA.run}
PG_BIN=/usr/lib/postgresql/15/bin

log() { printf '[postgis] %s\n' "$*" >&2; }

as_postgres() {
  # initdb refuses to run as root, so root runs the server as the postgres system user.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_packages() {
  if [ -x "$PG_BIN/postgres" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
    return
  fi
  [ "$(id -u)" -eq 0 ] || { log "PostGIS is missing; run this once as root (sudo) to install it"; exit 1; }
  log "installing postgresql-15-postgis-3 from Debian packages"
  # A fresh image often has empty apt lists; another apt may hold the lock for a while.
  for attempt in 1 2 3 4 5; do
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 >/dev/null; then
      return
    fi
    log "apt-get failed (attempt $attempt); retrying in 10 s"
    sleep 10
  done
  log "could not install PostGIS"; exit 1
}

init_cluster() {
  mkdir -p "$DATA" "$SOCK" 2>/dev/null || { log "cannot create $DATA; run as root (sudo) or set YIZHAN_PG_DATA"; exit 1; }
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DATA" "$SOCK"; chmod 700 "$DATA"; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "creating cluster in $DATA"
    as_postgres "$PG_BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$DATA/postgresql.conf" <<CONF
# Yizhan developer cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCK'
max_connections = 200
shared_buffers = 512MB
work_mem = 16MB
maintenance_work_mem = 512MB
fsync = ${YIZHAN_PG_FSYNC:-on}
CONF
  fi
}

init_cluster_unless_shared() {
  if [ ! -f "$DATA/PG_VERSION" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then return; fi
  init_cluster
}

start_cluster() {
  if as_postgres "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then return; fi
  # Another checkout's cluster may already serve this port: share it rather than fail.
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    log "a PostgreSQL already listens on 127.0.0.1:$PORT; using it"
    return
  fi
  # The run directory may have been removed (fresh clone on an old machine); recreate it.
  mkdir -p "$SOCK"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$SOCK"
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -l "$SOCK/postgres.log" -w -t 60 start >/dev/null
}

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

create_db() {
  local db=$1
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    log "creating database $db"
    psql_admin -d postgres -c "CREATE DATABASE \"$db\""
  fi
  psql_admin -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

cmd=${1:-ensure}; shift || true
case "$cmd" in
  ensure)
    install_packages; init_cluster_unless_shared; start_cluster
    [ $# -gt 0 ] || set -- yizhan
    for db in "$@"; do create_db "$db"; done ;;
  recreate)
    install_packages; init_cluster_unless_shared; start_cluster
    db=${1:?database name}
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    create_db "$db" ;;
  stop) as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop ;;
  status) as_postgres "$PG_BIN/pg_ctl" -D "$DATA" status ;;
  *) echo "usage: $0 ensure [db...] | recreate db | stop | status" >&2; exit 2 ;;
esac

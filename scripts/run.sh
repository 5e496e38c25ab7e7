#!/usr/bin/env bash
# Runs the locator with demo data at http://localhost:8080: installs and starts a private
# PostGIS if needed, builds the service, loads the demo register on first start.
# The admin password for writes comes from YIZHAN_ADMIN_PASSWORD; if unset, a random one is
# generated once into .data/admin-password (git-ignored) and printed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/invoker.sh

YIZHAN_SKIP_BROWSER=1 scripts/prerequisites.sh
scripts/postgis.sh ensure yizhan

if [ -z "${YIZHAN_ADMIN_PASSWORD:-}" ]; then
  if [ ! -s .data/admin-password ]; then
    as_invoker mkdir -p .data
    head -c 18 /dev/urandom | base64 | tr -d '/+=' | as_invoker tee .data/admin-password >/dev/null
    chmod 600 .data/admin-password
  fi
  export YIZHAN_ADMIN_PASSWORD=$(cat .data/admin-password)
fi
echo "Admin account for writes: ${YIZHAN_ADMIN_USERNAME:-admin} / password in .data/admin-password (or YIZHAN_ADMIN_PASSWORD)"

as_invoker ./mvnw -B -ntp -q -DskipTests install
export YIZHAN_DEMO=${YIZHAN_DEMO:-true}
# The service talks to the cluster this script ensured, also when YIZHAN_PG_PORT moved it.
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:${YIZHAN_PG_PORT:-55432}/yizhan}
as_invoker java -jar locator-api/target/locator-api-*.jar "$@"

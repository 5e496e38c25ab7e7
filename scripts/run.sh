#!/usr/bin/env bash
# Runs the locator with demo data at http://localhost:8080: installs and starts a private
# PostGIS if needed, builds the service, loads the demo register on first start.
# The admin password for writes comes from YIZHAN_ADMIN_PASSWORD; if unset, a random one is
# generated once into .data/admin-password (git-ignored) and printed.
set -euo pipefail
cd "$(dirname "$0")/.."

YIZHAN_SKIP_BROWSER=1 scripts/prerequisites.sh
scripts/postgis.sh ensure yizhan

if [ -z "${YIZHAN_ADMIN_PASSWORD:-}" ]; then
  if [ ! -s .data/admin-password ]; then
    mkdir -p .data
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > .data/admin-password
    chmod 600 .data/admin-password
  fi
  export YIZHAN_ADMIN_PASSWORD=$(cat .data/admin-password)
fi
echo "Admin account for writes: ${YIZHAN_ADMIN_USERNAME:-admin} / password in .data/admin-password (or YIZHAN_ADMIN_PASSWORD)"

./mvnw -B -ntp -q -DskipTests install
export YIZHAN_DEMO=${YIZHAN_DEMO:-true}
exec java -jar locator-api/target/locator-api-*.jar "$@"

#!/usr/bin/env bash
# Runs every test: unit tests (geo-data, Surefire) and integration tests against a real PostGIS
# and the real Flyway migrations (locator-api, Failsafe), plus browser tests in headless Chromium.
# Exits non-zero on any failure. Idempotent; run as root (or sudo) on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh
# A clean database per run: integration tests see exactly the migrations and their own data.
DB=${YIZHAN_TEST_DB:-yizhan_test}
scripts/postgis.sh recreate "$DB"

exec ./mvnw -B -ntp verify -Dyizhan.test.db.url="jdbc:postgresql://127.0.0.1:${YIZHAN_PG_PORT:-55432}/$DB" "$@"

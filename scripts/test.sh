#!/usr/bin/env bash
# Runs every test: unit tests (geo-data, Surefire) and integration tests against a real PostGIS
# and the real Flyway migrations (locator-api, Failsafe), plus browser tests in headless Chromium.
# Exits non-zero on any failure. Idempotent; run as root (or with sudo) on a fresh Debian machine,
# from wherever the checkout is. Extra arguments go to Maven (e.g. -Dit.test=NearestIT).
# Random choices in tests are seeded: a failure prints its seed, and -Dyizhan.test.seed=N replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/invoker.sh

scripts/prerequisites.sh
# A clean database per run: integration tests see exactly the migrations and their own data.
DB=${YIZHAN_TEST_DB:-yizhan_test}
scripts/postgis.sh recreate "$DB"

as_invoker ./mvnw -B -ntp verify -Dyizhan.test.db.url="jdbc:postgresql://127.0.0.1:${YIZHAN_PG_PORT:-55432}/$DB" "$@"

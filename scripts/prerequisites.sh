#!/usr/bin/env bash
# Installs what the build needs beyond Java 17 on a fresh Debian machine: PostgreSQL 15 +
# PostGIS 3 (for the service and the integration tests), Chromium + ChromeDriver (for the
# browser tests) and Node.js (for the pages' unit tests). Idempotent: does nothing when
# everything is there.
set -euo pipefail

need=()
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
command -v psql >/dev/null || need+=(postgresql-client-15)
# Plaques embed this Chinese font; the plaque test renders PDFs with pdftoppm to scan QR codes.
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ "${YIZHAN_SKIP_BROWSER:-}" != 1 ]; then
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
fi
# The pages' own unit tests run on Node's built-in test runner (web-map/pom.xml), browser or not.
command -v node >/dev/null || need+=(nodejs)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing packages: ${need[*]}. Run this once as root (sudo $0)." >&2
  exit 1
fi
echo "[prerequisites] installing ${need[*]}" >&2
# A fresh image often has empty apt lists; another apt may hold the dpkg lock for a while.
for attempt in 1 2 3 4 5; do
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; then
    exit 0
  fi
  echo "[prerequisites] apt-get failed (attempt $attempt); retrying in 10 s" >&2
  sleep 10
done
echo "[prerequisites] could not install ${need[*]}" >&2
exit 1

#!/usr/bin/env bash
# Opens the atlas in QGIS itself (PyQGIS, headless): OGC API Features, vector tiles and a GeoPackage
# export (test/qgis/open-in-qgis.py). Not part of `npm test` (QGIS is ~250 Debian packages); run it
# with `npm run test:qgis`. Installs python3-qgis + qgis-providers from apt when run as root, starts
# the app on a scratch PGlite data directory unless ATLAS_URL points at a running one.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c 'import qgis.core' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-qgis qgis-providers >/dev/null
  else
    echo "QGIS is missing: sudo apt-get install -y --no-install-recommends python3-qgis qgis-providers" >&2; exit 1
  fi
fi
if [ -z "${ATLAS_URL:-}" ]; then
  DATA=$(mktemp -d /tmp/atlas-qgis.XXXXXX)
  PORT=${QGIS_TEST_PORT:-38$((RANDOM % 90 + 10))}
  DATA_DIR="$DATA" PORT=$PORT node --import tsx server/src/main.ts >"$DATA.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA" "$DATA.log"' EXIT
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
  export ATLAS_URL="http://127.0.0.1:$PORT"
fi
/usr/bin/python3 test/qgis/open-in-qgis.py

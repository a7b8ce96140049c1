#!/usr/bin/env bash
# The one test command (README, .ci/run): makes sure PostgreSQL+PostGIS and Chromium are there
# (installing them from apt when run as root), starts a throw-away PostgreSQL cluster, builds the
# client, and runs the whole vitest suite against both database engines and in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
need_apt=()
[ -x "$PG_BIN/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] || need_apt+=(postgresql-15 postgresql-15-postgis-3)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
# GDAL and PROJ's command-line tools are reference tools in the tests (file formats, OGC API, CRS), never runtime dependencies.
command -v ogr2ogr >/dev/null 2>&1 || need_apt+=(gdal-bin)
command -v cs2cs >/dev/null 2>&1 || need_apt+=(proj-bin)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[test] installing from apt: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "[test] missing: ${need_apt[*]}" >&2
    echo "[test] install them with: sudo apt-get install -y ${need_apt[*]}  (Debian/Ubuntu), then run npm test again." >&2
    exit 1
  fi
fi

if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi

echo "[test] building the client"
npx vite build --config client/vite.config.ts --logLevel warn

# Typecheck and lint run beside the suite (neither needs the other): a minute less of wall time on two
# cores. Their output is printed after the suite's, and either failing fails the run.
checks_log=$(mktemp /tmp/atlas-checks.XXXXXX)
( npm run -s typecheck && npm run -s lint ) >"$checks_log" 2>&1 &
checks=$!
trap 'kill "$checks" 2>/dev/null || true; rm -f "$checks_log"' EXIT
status=0
bash scripts/with-postgres.sh npx vitest run "$@" || status=$?
echo "[test] typecheck and lint"
if wait "$checks"; then cat "$checks_log"; else cat "$checks_log"; echo "[test] typecheck or lint failed" >&2; status=1; fi
exit "$status"

#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL+PostGIS server: the caller's, or a
# throw-away private cluster started here (as the postgres user when run as root) and removed after.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed ($PG_BIN/initdb missing): apt-get install -y postgresql-15 postgresql-15-postgis-3" >&2
  exit 1
fi
PGTMP=$(mktemp -d /tmp/atlas-pg.XXXXXX)
PGPORT_TEST=${PGPORT_TEST:-$((55000 + RANDOM % 5000))}
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$PGTMP"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$PG_BIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log"; exit 1; }
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
  -o "-p $PGPORT_TEST -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$PGTMP/server.log"; exit 1; }
cleanup() { "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PGTMP/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGTMP"; }
trap cleanup EXIT
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT_TEST/postgres"
echo "[pg] PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PGPORT_TEST"
"$@"

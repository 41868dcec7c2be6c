#!/usr/bin/env bash
# Start (or find running) a throw-away PostgreSQL server for the tests, and print its URL.
# Idempotent: a server already answering on the port is reused. Installs Debian's package when
# missing and apt-get is at hand. Prints nothing and exits 1 when no server can be started.
set -uo pipefail
PORT=${TINNHIEM_PG_PORT:-54329}
DATA=${TINNHIEM_PG_DATA:-/tmp/tinnhiem-pg-$PORT}
SOCK=${TINNHIEM_PG_SOCKET:-/tmp}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[ -n "$bin" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
url="postgresql://postgres@localhost:$PORT/postgres"
if "$bin/pg_isready" -q -h localhost -p "$PORT"; then echo "$url"; exit 0; fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_pg "'$bin/initdb' -D '$DATA' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null || exit 1
  # The tests' superuser comes in without a password; every other role (a keying PC) needs its own.
  printf '%s\n' 'local all all trust' 'host all postgres 127.0.0.1/32 trust' 'host all postgres ::1/128 trust' \
    'host all all 127.0.0.1/32 scram-sha-256' 'host all all ::1/128 scram-sha-256' > "$DATA/pg_hba.conf"
fi
as_pg "'$bin/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w -o \"-p $PORT -k $SOCK -c listen_addresses=localhost -c fsync=on\" start" >/dev/null || { tail -5 "$DATA/server.log" >&2; exit 1; }
echo "$url"

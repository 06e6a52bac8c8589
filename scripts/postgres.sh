#!/usr/bin/env bash
# A PostgreSQL for the tests, never optional. Prints `DATABASE_URL=…` (and `PG_THROWAWAY=<dir>`
# when it started a cluster of its own) for `eval`:
#   eval "$(scripts/postgres.sh start)"   …   scripts/postgres.sh stop "$PG_THROWAWAY"
# 1. DATABASE_URL already names a PostgreSQL that answers: kept.
# 2. A PostgreSQL answers on 127.0.0.1:5432 (these machines run one, trust auth, database test).
# 3. Otherwise Debian's `postgresql` is installed if missing, and a throw-away cluster is made in
#    a temporary folder, on a free port, owned by the `postgres` user; `stop` removes it.
# ITINERAIRE_PG_JETABLE=1 skips 1 and 2.
# Fails loudly when none of these works: a test run without PostgreSQL is not a test run.
set -euo pipefail
log() { printf '[postgres] %s\n' "$*" >&2; }
fail() { log "ERREUR : $*"; exit 1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

answers() { # host port user db
  command -v psql >/dev/null || return 1
  PGCONNECT_TIMEOUT=3 psql -h "$1" -p "$2" -U "$3" -d "$4" -qtAc 'SELECT 1' >/dev/null 2>&1
}

start() {
  # ITINERAIRE_PG_JETABLE=1: always a throw-away cluster (to check this path on a machine that has one).
  if [ "${ITINERAIRE_PG_JETABLE:-}" != 1 ] && [ -n "${DATABASE_URL:-}" ] && [[ "$DATABASE_URL" == postgres* ]]; then
    command -v psql >/dev/null || fail "psql manque pour vérifier DATABASE_URL"
    PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -qtAc 'SELECT 1' >/dev/null 2>&1 || fail "DATABASE_URL ne répond pas : $DATABASE_URL"
    log "PostgreSQL de DATABASE_URL"
    echo "DATABASE_URL='$DATABASE_URL'"
    return
  fi
  if [ "${ITINERAIRE_PG_JETABLE:-}" != 1 ] && answers 127.0.0.1 5432 postgres test; then
    log "PostgreSQL sur 127.0.0.1:5432 (base test)"
    echo "DATABASE_URL='postgres://postgres@127.0.0.1:5432/test'"
    return
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v psql >/dev/null; then
    log "installation de PostgreSQL (paquets Debian)"
    export DEBIAN_FRONTEND=noninteractive
    made_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d && made_policy=1
    fi
    { $SUDO apt-get update -q && $SUDO apt-get install -y -q postgresql postgresql-client; } >&2 || fail "apt-get install postgresql a échoué"
    [ -z "$made_policy" ] || $SUDO rm -f /usr/sbin/policy-rc.d
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  id postgres >/dev/null 2>&1 || fail "l'utilisateur postgres manque (paquet postgresql incomplet)"
  dir=$(mktemp -d /tmp/itineraire-pg.XXXXXX)
  chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else $SUDO runuser -u postgres -- "$@"; fi; }
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >/dev/null || fail "initdb a échoué"
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" start >/dev/null || { cat "$dir/log" >&2; fail "pg_ctl start a échoué"; }
  as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null || fail "CREATE DATABASE test a échoué"
  log "grappe jetable sur 127.0.0.1:$port ($dir)"
  echo "DATABASE_URL='postgres://postgres@127.0.0.1:$port/test'"
  echo "PG_THROWAWAY='$dir'"
}

stop() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if [ "$(id -un)" = postgres ]; then "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  else $SUDO runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  log "grappe jetable arrêtée et supprimée"
}

# A throw-away cluster's server killed at once (no checkpoint, as a power cut would) and
# started again with the same settings: for the crash test.
crash() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || fail "crash: pas de grappe jetable dans « $dir »"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else $SUDO runuser -u postgres -- "$@"; fi; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -m immediate -w -t 60 restart >/dev/null || { cat "$dir/log" >&2; fail "redémarrage après arrêt immédiat impossible"; }
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  crash) crash "${2:-}" ;;
  *) fail "usage: scripts/postgres.sh start|stop|crash [dir]" ;;
esac

#!/usr/bin/env bash
# Itinéraire's reliability and abuse tests, against the release build (scripts/test.sh runs
# them after end2end; each starts its own server on its own database):
#   crash safety on SQLite and PostgreSQL (SIGKILL while writing; nothing acknowledged lost),
#   graceful shutdown under load (SIGTERM: nothing cut, no 5xx),
#   a mixed load of reads and registrations (no 5xx, no socket error; p99 reported),
#   messages: a server killed while sending (none lost), a queue drained while the catalogue answers,
#   malformed input on every form, server function and page with parameters (no 5xx, no
#   panic, stored data unchanged).
#   scripts/quality.sh [--per-endpoint N]    (N: fuzz inputs per endpoint, default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
per_endpoint=10000
[ "${1:-}" = "--per-endpoint" ] && per_endpoint="$2"
[ -x target/release/server ] || cargo leptos build --release --precompress
# PostgreSQL is part of every run (scripts/test.sh passes its DATABASE_URL; alone, find or start one).
pg_dir=""
if [[ "${DATABASE_URL:-}" != postgres* ]]; then
  eval "$(scripts/postgres.sh start)"
  pg_dir="${PG_THROWAWAY:-}"
  trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
fi
export DATABASE_URL
results=target/quality
mkdir -p "$results"

echo "[quality] crash safety (SIGKILL while writing)"
node end2end/quality/crash.mjs sqlite --kills 5 | tee "$results/crash-sqlite.json"
node end2end/quality/crash.mjs postgres --kills 5 | tee "$results/crash-postgres.json"

echo "[quality] messages: a server killed while sending (each message arrives, none twice but those in flight)"
node end2end/quality/messages.mjs kill --messages 2000 | tee "$results/messages-kill.json"
echo "[quality] messages: a queue drains through the loopback SMTP server and SMS API while the catalogue answers"
node end2end/quality/messages.mjs drain --messages "${ITINERAIRE_MESSAGES_BENCH:-2000}" | tee "$results/messages-drain.json"

echo "[quality] no date bomb: the seeded server today, a year and three years ahead"
node end2end/quality/clock.mjs | tee "$results/clock.json"

echo "[quality] graceful shutdown under load"
node end2end/quality/shutdown.mjs | tee "$results/shutdown.json"

echo "[quality] mixed load: reads and registrations"
scripts/load.sh 10 | tee "$results/load.json"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const bad = Object.entries(r.statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
if (bad || r.socket_errors) { console.error(`load: ${bad} 5xx, ${r.socket_errors} socket errors`); process.exit(1); }
' "$results/load.json"

echo "[quality] malformed input ($per_endpoint per endpoint)"
node end2end/quality/fuzz.mjs --per-endpoint "$per_endpoint" | tee "$results/fuzz.json"
echo "[quality] all passed"

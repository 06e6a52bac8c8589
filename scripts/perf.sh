#!/usr/bin/env bash
# Measures Itinéraire's figures and prints them as Markdown (append them to docs/PERFORMANCE.md).
#   scripts/perf.sh          uses the existing release build (builds it if missing)
#   scripts/perf.sh --cold   also times a cold `cargo leptos build --release` in a scratch target dir
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null

if [ "${1:-}" = "--cold" ]; then
  scratch=$(mktemp -d)
  start=$(date +%s)
  CARGO_TARGET_DIR="$scratch" cargo leptos build --release --precompress >/dev/null 2>&1
  cold=$(( $(date +%s) - start ))
  rm -rf "$scratch"
  echo "cold release build: ${cold} s"
fi
[ -x target/release/server ] && ls target/site/pkg/*.wasm >/dev/null 2>&1 || cargo leptos build --release --precompress

wasm=$(ls target/site/pkg/*.wasm | head -1)
js=$(ls target/site/pkg/*.js | head -1)
css=$(ls target/site/pkg/*.css | head -1)
size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }

port=3999
db=$(mktemp -d)
export ITINERAIRE_BADGE_KEY="$db/badge-key.secret" ITINERAIRE_MESSAGES_FICHIER="$db/messages.jsonl"
./target/release/server badge-key >/dev/null
LEPTOS_SITE_ADDR="127.0.0.1:$port" DATABASE_URL="sqlite://$db/perf.db?mode=rwc" RUST_LOG=warn \
  ./target/release/server & pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$db"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
sleep 2
rss_idle=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
offer=$(curl -fs "http://127.0.0.1:$port/catalogue?q=permis" | grep -o '/offres/[0-9a-f-]\{36\}' | head -1)
seance=$(curl -fs "http://127.0.0.1:$port/ateliers" | grep -o '/ateliers/[0-9a-f-]\{36\}' | head -1)
# The demo's past session has one attendee: the server issues her badge and sends her link.
for _ in $(seq 60); do grep -q porte_badges "$db/messages.jsonl" 2>/dev/null && break; sleep 0.5; done
wallet=$(grep -o '/mes-badges/[A-Za-z0-9_-]*' "$db/messages.jsonl" | head -1)
badge=$(curl -fs "http://127.0.0.1:$port$wallet" | grep -o '/badges/[0-9a-f-]\{36\}' | head -1)
visits=$(cd end2end && node perf/first-visit.mjs "http://127.0.0.1:$port" / /etapes "/bienvenue?territoire=comminges" /catalogue "/catalogue?q=logment&theme=logement" "$offer" /mes-offres /ateliers "$seance" "$wallet" "$badge" /verifier)

echo "## $(date -u +%Y-%m-%d) — $(git rev-parse --short HEAD 2>/dev/null || echo worktree)"
echo
echo "| what | raw | gzip -9 | brotli -q 11 |"
echo "|---|---|---|---|"
for f in "$wasm" "$js" "$css"; do
  echo "| \`$(basename "$f")\` | $(size "$f") B | $(gz "$f") B | $(br "$f") B |"
done
echo
echo "| first visit (360×740, empty cache) | transferred | requests | loaded (networkidle) |"
echo "|---|---|---|---|"
node -e '
for (const r of JSON.parse(process.argv[1]))
  console.log(`| \`${r.path}\` | ${(r.bytes/1024).toFixed(1)} KB (${Object.entries(r.byType).map(([t,b])=>`${t} ${(b/1024).toFixed(1)}`).join(", ")}) | ${r.requests} | ${r.loadedMs} ms |`);
' "$visits"
echo
echo "Server RSS at idle: $((rss_idle / 1024)) MB ($rss_idle kB)."

#!/usr/bin/env bash
# A mixed load on the release server for SECONDS (default 10): people reading the catalogue,
# the workshops and an offer, one request in ten a registration. wrk on loopback, 2 threads,
# 32 connections. Prints one JSON line: requests, rps, p50/p99/max latency, statuses, socket
# errors, and the server's RSS at idle and at its peak under the load.
#   scripts/load.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
dir=$(mktemp -d)
port=3970
# Its own address and the demo data, whatever the caller exported (perf.sh exports its own server's
# address: posts from here would then be refused as cross-site).
ITINERAIRE_PUBLIC_URL="http://127.0.0.1:$port" ITINERAIRE_DEMO=true \
  ITINERAIRE_BADGE_KEY="$dir/none" DATABASE_URL="sqlite://$dir/load.db?mode=rwc" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  ITINERAIRE_INSCRIPTIONS_PAR_IP_HEURE=100000000 ITINERAIRE_INSCRIPTIONS_PAR_SEANCE_MINUTE=100000000 RUST_LOG=error \
  ./target/release/server >"$dir/server.log" 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
sleep 1
rss_idle=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
seance=$(curl -fs "http://127.0.0.1:$port/ateliers" | grep -o '/ateliers/[0-9a-f-]\{36\}' | head -1 | cut -d/ -f3)
offre=$(curl -fs "http://127.0.0.1:$port/catalogue" | grep -o '/offres/[0-9a-f-]\{36\}' | head -1 | cut -d/ -f3)
out=$(SEANCE="$seance" OFFRE="$offre" ORIGIN="http://127.0.0.1:$port" \
  wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s end2end/quality/mixed.lua "http://127.0.0.1:$port" | tail -1)
rss_peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "${out%\}}, \"rss_idle_kb\": $rss_idle, \"rss_peak_kb\": $rss_peak}"
# Every answer is a page (200) or a registration taken (303): anything else is a failed load.
node -e 'const s = JSON.parse(process.argv[1]).statuses;
const bad = Object.keys(s).filter((c) => c !== "200" && c !== "303");
if (bad.length || !s["303"]) { console.error(`load: unexpected statuses ${JSON.stringify(s)}`); process.exit(1); }' "$out"

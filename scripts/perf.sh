#!/usr/bin/env bash
# Measures every figure of docs/PERFORMANCE.md and prints them as Markdown, in one run:
#   bundle sizes; first visit of each beneficiary page in Chromium (phone, empty cache), on the
#   machine's loopback and under "slow 4G" with a 4× slower CPU (bytes, requests, LCP, time until
#   hydrated, against the budgets); the catalogue page's throughput against nginx serving the same
#   HTML from a file; RSS idle and under a mixed load, with its p99; then the benchmarks of the
#   rooms (search, registration, badges, carnets).
#   scripts/perf.sh            full run (benchmarks at their default sizes; ~15 min)
#   scripts/perf.sh --smoke    short run for CI (3 s loads; the benchmarks run from test.sh)
#   scripts/perf.sh --cold     full run, plus a cold `cargo leptos build --release` in a scratch dir
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
mode="${1:-full}"
secs=10; [ "$mode" = "--smoke" ] && secs=3

if [ "$mode" = "--cold" ]; then
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
# A public URL (badges are issued only with one) and the demo data, asked for explicitly.
export ITINERAIRE_BADGE_KEY="$db/badge-key.secret" ITINERAIRE_PUBLIC_URL="http://127.0.0.1:$port" ITINERAIRE_DEMO=true
./target/release/server badge-key >/dev/null
LEPTOS_SITE_ADDR="127.0.0.1:$port" DATABASE_URL="sqlite://$db/perf.db?mode=rwc" RUST_LOG=warn \
  ./target/release/server >"$db/server.log" 2>&1 & pid=$!
nginx_pid=""
pg_dir=""
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; [ -z "$nginx_pid" ] || kill $nginx_pid 2>/dev/null; rm -rf "$db"; scripts/postgres.sh stop "$pg_dir"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
sleep 2
offer=$(curl -fs "http://127.0.0.1:$port/catalogue?q=permis" | grep -o '/offres/[0-9a-f-]\{36\}' | head -1)
seance=$(curl -fs "http://127.0.0.1:$port/ateliers" | grep -o '/ateliers/[0-9a-f-]\{36\}' | head -1)
# The demo's past session has one attendee: the server issues her badge (and, her address being
# fictional, sends her nothing). A private link to her wallet is added here (only its SHA-256 is
# stored, as the server does), so that the wallet page is measured too.
for _ in $(seq 60); do [ -n "$(sqlite3 "$db/perf.db" 'SELECT id FROM badge LIMIT 1' 2>/dev/null)" ] && break; sleep 0.5; done
badge="/badges/$(sqlite3 "$db/perf.db" 'SELECT id FROM badge LIMIT 1')"
token="mesure-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
sqlite3 "$db/perf.db" "INSERT INTO porte_badges_lien (token_hash, porte_badges_id, created_at) SELECT '$(printf %s "$token" | sha256sum | cut -d' ' -f1)', porte_badges_id, created_at FROM porte_badges_lien LIMIT 1"
wallet="/mes-badges/$token"
pages=(/ /etapes "/bienvenue?territoire=comminges" /catalogue "/catalogue?q=logment&theme=logement" "$offer" /mes-offres /ateliers "$seance" "$wallet" "$badge" /verifier /mon-carnet
  # The catalogue for a phone in each other language.
  en:/catalogue ar:/catalogue uk:/catalogue fa-AF:/catalogue)
fast=$(cd end2end && node perf/first-visit.mjs "http://127.0.0.1:$port" "${pages[@]}")
slow=$(cd end2end && node perf/first-visit.mjs --slow-4g "http://127.0.0.1:$port" "${pages[@]}")

echo "## $(date -u +%Y-%m-%d) — $(git rev-parse --short HEAD 2>/dev/null || echo worktree)${mode:+ ($mode)}"
echo
echo "| what | raw | gzip -9 | brotli -q 11 |"
echo "|---|---|---|---|"
for f in "$wasm" "$js" "$css"; do
  echo "| \`$(basename "$f")\` | $(size "$f") B | $(gz "$f") B | $(br "$f") B |"
done
echo
echo "First visit, phone 360×740, empty cache. Budgets: ≤ 250 KB, LCP ≤ 1.5 s, hydrated ≤ 3 s (slow 4G)."
echo
echo "| page | transferred | requests | loopback: LCP / hydrated | slow 4G + CPU ×4: LCP / hydrated | budgets |"
echo "|---|---|---|---|---|---|"
node -e '
const fast = JSON.parse(process.argv[1]), slow = JSON.parse(process.argv[2]);
let over = 0;
fast.forEach((r, i) => {
  const s = slow[i];
  const ok = r.bytes <= 250 * 1024 && s.lcpMs <= 1500 && s.hydratedMs !== null && s.hydratedMs <= 3000;
  if (!ok) over++;
  console.log(`| \`${r.path.replace(/[A-Za-z0-9_-]{32,}/, "<jeton>").replace(/[0-9a-f-]{36}/, "<id>")}\` | ${(r.bytes/1024).toFixed(1)} KB | ${r.requests} | ${r.lcpMs} / ${r.hydratedMs} ms | ${s.lcpMs} / ${s.hydratedMs} ms | ${ok ? "met" : "**over**"} |`);
});
if (over) console.log(`\n**${over} page(s) over budget.**`);
// The size budget is a property of the build, not of the machine: it fails the run.
const heavy = fast.filter((r) => r.bytes > 250 * 1024).map((r) => r.path);
if (heavy.length) { console.error(`over 250 KB: ${heavy.join(", ")}`); process.exit(1); }
' "$fast" "$slow"

# The server's memory at idle, read before any load (the page visits above are a few requests).
rss_idle=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)

# Throughput of the catalogue page against the physical limit: nginx serving the same HTML from a
# file, both on loopback, same wrk, same run. No compression on either side (wrk asks for none).
# Two figures for Itinéraire: a visitor without a cookie (served from the page cache) and a
# visitor with a session cookie (every request rendered: database, search index, HTML).
curl -fs "http://127.0.0.1:$port/catalogue" > "$db/catalogue.html"
mkdir -p "$db/nginx/logs"
cat > "$db/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $db/nginx/nginx.pid;
error_log $db/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $db/nginx; proxy_temp_path $db/nginx; fastcgi_temp_path $db/nginx; uwsgi_temp_path $db/nginx; scgi_temp_path $db/nginx;
  server { listen 127.0.0.1:3998; root $db; location / { default_type text/html; try_files /catalogue.html =404; } }
}
EOF
/usr/sbin/nginx -c "$db/nginx/nginx.conf" -p "$db/nginx" -g 'daemon off;' & nginx_pid=$!
sleep 1
# 10 seconds each, in every mode: a 3-second figure is mostly warm-up.
tput=10
rps() { wrk -t2 -c32 -d"${tput}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
cached=$(rps "http://127.0.0.1:$port/catalogue")
rendered=$(rps -H "Cookie: itineraire_session=mesure" "http://127.0.0.1:$port/catalogue")
theirs=$(rps "http://127.0.0.1:3998/catalogue")
kill $nginx_pid; nginx_pid=""
ratio() { awk -v a="$1" -v b="$theirs" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
echo
echo "| throughput, \`/catalogue\` (wrk -t2 -c32, ${tput} s each, loopback, 2 cores shared with wrk, same run) | requests/s | of nginx |"
echo "|---|---|---|"
echo "| Itinéraire, visitor without a cookie: **page-cache hit** (stored page, no render) | ${cached} | $(ratio "$cached") |"
echo "| Itinéraire, visitor with a session cookie: **rendered** (database, search index, HTML) | ${rendered} | $(ratio "$rendered") |"
echo "| nginx 1.22, the same HTML from a file | ${theirs} | 100 % |"
echo
load=$(scripts/load.sh "$secs")
node -e '
const r = JSON.parse(process.argv[1]);
const fiveXX = Object.entries(r.statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
console.log(`| mixed load (reads + 1 registration in 10, ${r.seconds} s) | figure |`);
console.log("|---|---|");
console.log(`| requests | ${r.requests} (${r.rps}/s) |`);
console.log(`| latency p50 / p99 / max | ${r.p50_ms} / ${r.p99_ms} / ${r.max_ms} ms |`);
console.log(`| statuses | ${Object.entries(r.statuses).map(([s, n]) => `${s}: ${n}`).join(", ")} (5xx: ${fiveXX}; socket errors: ${r.socket_errors}) |`);
console.log(`| server RSS idle / peak under load | ${(r.rss_idle_kb / 1024).toFixed(0)} MB / ${(r.rss_peak_kb / 1024).toFixed(0)} MB (aims: ≤ 60 / ≤ 250) |`);
' "$load"
echo
echo "Perf server (demo data, badge issuer loaded) RSS at idle, read before any load: $((rss_idle / 1024)) MB."

# The rooms' benchmarks (service time, no HTTP), on SQLite and PostgreSQL (never skipped).
if [[ "${DATABASE_URL:-}" != postgres* ]]; then
  eval "$(scripts/postgres.sh start)"
  pg_dir="${PG_THROWAWAY:-}"
fi
export DATABASE_URL
# In CI (--smoke) they run instead as debug builds with small sizes, from scripts/test.sh
# (`cargo test --benches`), which checks they still work without building them in release.
if [ "$mode" != "--smoke" ]; then
  for b in search registration badges carnets; do
    echo
    echo "### \`cargo bench -p server --bench $b\`"
    echo
    cargo bench -q -p server --bench "$b" 2>/dev/null
  done
fi

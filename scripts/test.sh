#!/usr/bin/env bash
# Set up (if needed), then run every test: Rust tests on SQLite and PostgreSQL (never skipped),
# then the end2end tests in Debian's Chromium against the release build, then the quality runs.
set -euo pipefail
cd "$(dirname "$0")/.."
# Where the time goes: each phase's duration, printed at the end (docs/PERFORMANCE.md, « CI »).
timings=()
phase_name="" phase_start=$SECONDS
phase() {
  [ -z "$phase_name" ] || timings+=("$(printf '%5d s  %s' $((SECONDS - phase_start)) "$phase_name")")
  phase_name="$1" phase_start=$SECONDS
  [ -z "$1" ] || echo "[test] $1"
}
report_timings() {
  phase ""
  echo "[test] time per phase (total $((SECONDS / 60)) min $((SECONDS % 60)) s):"
  printf '  %s\n' "${timings[@]}"
}
phase "set-up (scripts/setup.sh)"
scripts/setup.sh

# Every test runs on SQLite and on PostgreSQL: the machine's on 127.0.0.1:5432, or a throw-away
# cluster started here (and removed at the end); no PostgreSQL at all stops the run.
phase "PostgreSQL (the machine's, or a throw-away cluster)"
eval "$(scripts/postgres.sh start)"
export DATABASE_URL
pg_dir="${PG_THROWAWAY:-}"
sinks_pid=""
cleanup() {
  [ -z "$sinks_pid" ] || kill "$sinks_pid" 2>/dev/null || true
  scripts/postgres.sh stop "$pg_dir"
  report_timings
}
trap cleanup EXIT
# Layout and lints first: both halves of the app (the server with `ssr`, the browser with `hydrate`).
phase "cargo fmt --check, cargo clippy -D warnings (server half, browser half)"
cargo fmt --all -- --check
# The rooms' graph may not grow a new knot (app/rooms-knot.txt lists what is left to untie).
node scripts/rooms.mjs
cargo clippy -q -p app -p server -p migration --features app/ssr --all-targets -- -D warnings
cargo clippy -q -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings
phase "Rust tests (SQLite + PostgreSQL: ${DATABASE_URL%%@*}@…)"
cargo test -p migration -p app -p server --features app/ssr
# The HTTP tests again, every one on PostgreSQL (those written for one database use SQLite above;
# those written for both ran on both). Same packages, so nothing is compiled again.
phase "HTTP tests on PostgreSQL"
ITINERAIRE_TESTS_BASE=postgres cargo test -p migration -p app -p server --features app/ssr --test http
# The rooms' benchmarks, small and unoptimised (the same debug build): they still run and their
# own checks hold (exactly N seats, no query answers empty). Figures: scripts/perf.sh. Same packages
# as the tests above: the same feature set, so nothing is compiled again.
phase "benchmarks, smoke mode"
cargo test -q -p migration -p app -p server --features app/ssr --bench search --bench registration --bench badges --bench carnets -- --offers 2000 --runs 2 --people 40 --seats 10 --rounds 1 --n 10 --carnets 500

# end2end: a fresh SQLite file, the release server started by cargo-leptos, Playwright in Chromium.
pg_url="$DATABASE_URL"
phase "release build (server + WebAssembly)"
rm -rf target/e2e && mkdir -p target/e2e
# The badges' key is made by the server's own command: build once, make it, then run (no rebuild).
cargo leptos build --release --precompress
export ITINERAIRE_BADGE_KEY=target/e2e/badge-key.secret
# Messages leave as in production: e-mail to a real SMTP server, SMS to an HTTP server speaking
# Brevo's API, both on loopback (end2end/sinks/sinks.mjs); the tests read what they received.
export SINKS_MESSAGES="$PWD/target/e2e/messages.jsonl"
node end2end/sinks/sinks.mjs --smtp-port 0 --http-port 0 --file "$SINKS_MESSAGES" > target/e2e/sinks.json &
sinks_pid=$!
for _ in $(seq 100); do [ -s target/e2e/sinks.json ] && break; sleep 0.1; done
smtp_port=$(node -p 'JSON.parse(require("fs").readFileSync("target/e2e/sinks.json","utf8")).smtp')
api_port=$(node -p 'JSON.parse(require("fs").readFileSync("target/e2e/sinks.json","utf8")).http')
export ITINERAIRE_SMTP_URL="smtp://127.0.0.1:$smtp_port" ITINERAIRE_SMTP_EXPEDITEUR="Itinéraire <ne-pas-repondre@itineraire.example>"
export ITINERAIRE_SMS_URL="http://127.0.0.1:$api_port" ITINERAIRE_SMS_CLE=cle-de-test ITINERAIRE_SMS_EXPEDITEUR=Itineraire
ITINERAIRE_PUBLIC_URL=http://127.0.0.1:3000 ./target/release/server badge-key
# Every end2end registration comes from 127.0.0.1: lift the per-address limit (its own Rust test checks it).
# The site's address is given (badges are issued only with one), so the demo data is asked for.
phase "end2end (release build, Chromium, phone viewport)"
DATABASE_URL="sqlite://target/e2e/itineraire.db?mode=rwc" ITINERAIRE_INSCRIPTIONS_PAR_IP_HEURE=10000 \
  ITINERAIRE_PUBLIC_URL=http://127.0.0.1:3000 ITINERAIRE_DEMO=true \
  cargo leptos end-to-end --release --precompress
# cargo-leptos may say success when its own build failed and nothing ran: Playwright's report
# must exist and count every listed test as passed, none skipped, none flaky.
listed=$(cd end2end && npx playwright test --list --reporter=list | sed -n 's/^Total: \([0-9]*\) tests\? in .*/\1/p')
node -e '
const [file, listed] = [process.argv[1], Number(process.argv[2])];
const r = JSON.parse(require("fs").readFileSync(file, "utf8")).stats;
console.log(`[test] end2end: ${r.expected} passed of ${listed} listed, ${r.unexpected} failed, ${r.flaky} flaky, ${r.skipped} skipped`);
if (!(listed > 0 && r.expected === listed && r.unexpected === 0 && r.flaky === 0 && r.skipped === 0)) process.exit(1);
' target/e2e/playwright.json "$listed"
kill "$sinks_pid" 2>/dev/null || true; sinks_pid=""
unset ITINERAIRE_SMTP_URL ITINERAIRE_SMS_CLE
export DATABASE_URL="$pg_url"

# Crash, shutdown, load and malformed-input tests against the same release build. CI sends
# 2,000 malformed inputs per endpoint (≈ 4 min); the full 10,000 (≈ 20 min on 2 cores, figures
# in docs/PERFORMANCE.md) is `scripts/quality.sh` by hand, or ITINERAIRE_FUZZ_PAR_POINT=10000.
phase "quality runs (messages, clock, crash, shutdown, malformed input)"
scripts/quality.sh --per-endpoint "${ITINERAIRE_FUZZ_PAR_POINT:-2000}"
# Every performance figure in its short form (first visits against the budgets, throughput
# against nginx, memory, load): printed for the record, see docs/PERFORMANCE.md.
phase "performance figures (smoke)"
scripts/perf.sh --smoke

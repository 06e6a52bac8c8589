#!/usr/bin/env bash
# Set up (if needed), then run every test: Rust tests on SQLite (and PostgreSQL when reachable),
# then the end2end tests in Debian's Chromium against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# Rust tests run on SQLite always, and on PostgreSQL too when DATABASE_URL names one. On these
# machines PostgreSQL listens on 127.0.0.1:5432 (trust auth, database `test`): use it if it answers.
if [ -z "${DATABASE_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
fi
echo "[test] Rust tests (SQLite${DATABASE_URL:+ + ${DATABASE_URL%%:*}})"
cargo test -p migration -p app -p server --features app/ssr
# The rooms' benchmarks, small and unoptimised (the same debug build): they still run and their
# own checks hold (exactly N seats, every list query answers). Figures: scripts/perf.sh.
echo "[test] benchmarks, smoke mode"
cargo test -q -p server --features app/ssr --bench search --bench registration --bench badges --bench carnets -- --offers 2000 --runs 2 --people 40 --seats 10 --rounds 1 --n 10 --carnets 500

# end2end: a fresh SQLite file, the release server started by cargo-leptos, Playwright in Chromium.
echo "[test] end2end (release build, Chromium, phone viewport)"
rm -rf target/e2e && mkdir -p target/e2e
# The badges' key is made by the server's own command: build once, make it, then run (no rebuild).
cargo leptos build --release --precompress
export ITINERAIRE_BADGE_KEY=target/e2e/badge-key.secret
# Messages to people (SMS, e-mails) go to a file the tests read, as a person reads their phone.
export ITINERAIRE_MESSAGES_FICHIER="$PWD/target/e2e/messages.jsonl"
./target/release/server badge-key
# Every end2end registration comes from 127.0.0.1: lift the per-address limit (its own Rust test checks it).
DATABASE_URL="sqlite://target/e2e/itineraire.db?mode=rwc" ITINERAIRE_INSCRIPTIONS_PAR_IP_HEURE=10000 \
  cargo leptos end-to-end --release --precompress

# Crash, shutdown, load and malformed-input tests against the same release build. CI sends
# 2,000 malformed inputs per endpoint (≈ 4 min); the full 10,000 (≈ 20 min on 2 cores, figures
# in docs/PERFORMANCE.md) is `scripts/quality.sh` by hand, or ITINERAIRE_FUZZ_PAR_POINT=10000.
scripts/quality.sh --per-endpoint "${ITINERAIRE_FUZZ_PAR_POINT:-2000}"
# Every performance figure in its short form (first visits against the budgets, throughput
# against nginx, memory, load): printed for the record, see docs/PERFORMANCE.md.
echo "[test] performance figures (smoke)"
scripts/perf.sh --smoke

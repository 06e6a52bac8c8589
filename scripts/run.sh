#!/usr/bin/env bash
# Set up (if needed), build the release and start Itinéraire at http://127.0.0.1:3000 on the
# embedded SQLite file data/itineraire.db (created, migrated and seeded on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo leptos build --release --precompress
# A local server: its own address as public URL (badges name their issuer by it) and the demo
# data, unless the environment says otherwise.
export ITINERAIRE_PUBLIC_URL="${ITINERAIRE_PUBLIC_URL:-http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}}"
export ITINERAIRE_DEMO="${ITINERAIRE_DEMO:-true}"
# The badges' signing key, made once (kept outside the database; see README, "Key rotation").
[ -f "${ITINERAIRE_BADGE_KEY:-data/badge-key.secret}" ] || ./target/release/server badge-key
exec ./target/release/server "$@"

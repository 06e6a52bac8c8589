#!/usr/bin/env bash
# Installs everything Itinéraire needs to build and test, skipping what is already there.
# Idempotent: on a ready machine it finishes in a few seconds. See docs in README.md and
# ../shared/TOOLCHAIN.md for why each step exists (rustup has no wasm32 target here).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# 1. Debian's Rust (with std source for wasm32), the wasm linker, Chromium; for the quality
# scripts: sqlite3 (reading the database), wrk (load), nginx-light (the static-file baseline),
# faketime (the seeded server a year and three years ahead), psql (PostgreSQL in every run).
pkgs="rustc-web cargo-web rust-web-src lld-22 rustfmt-web rust-web-clippy chromium brotli pkg-config sqlite3 wrk nginx-light faketime postgresql-client"
missing=$(for p in $pkgs; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"; done)
if [ -n "$missing" ]; then
  log "apt-get install $missing"
  # Packages must not start services (nginx would take port 80): the scripts start their own.
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  $SUDO apt-get update -q && $SUDO apt-get install -y -q $missing
  [ -z "$made_policy" ] || $SUDO rm -f /usr/sbin/policy-rc.d
fi
dpkg --compare-versions "$(dpkg-query -W -f='${Version}' rustc-web)" ge 1.96 || { log "rustc-web < 1.96"; exit 1; }

# 2. The wasm32 standard library, built once with bitcode (LTO needs it) where Debian's rustc looks.
WASM_LIB=/usr/lib/rustlib/wasm32-unknown-unknown/lib
if ! ls "$WASM_LIB"/libstd-*.rlib >/dev/null 2>&1; then
  log "building the wasm32 std"
  d=$(mktemp -d)
  printf '[package]\nname="sysroot-seed"\nversion="0.0.0"\nedition="2021"\n[lib]\npath="lib.rs"\n[profile.release]\npanic="abort"\n' > "$d/Cargo.toml"
  echo 'pub fn f() -> usize { std::vec![1].len() }' > "$d/lib.rs"
  (cd "$d" && RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Cembed-bitcode=yes" \
     /usr/bin/cargo build --release -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown)
  $SUDO mkdir -p "$WASM_LIB"
  $SUDO cp "$d"/target/wasm32-unknown-unknown/release/deps/lib*.rlib "$WASM_LIB"/
  $SUDO rm -f "$WASM_LIB"/libsysroot_seed*; rm -rf "$d"
fi

# 3. Register Debian's toolchain with rustup (rust-toolchain.toml names it).
rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr

# 4. cargo-leptos built so it never downloads tools. Its own release profile (fat LTO, one codegen
# unit) took 16 min on 2 cores; a build tool does not need it: no LTO, 16 units (docs/PERFORMANCE.md, « CI »).
cargo-leptos --version 2>/dev/null | grep -qx 'cargo-leptos 0.3.11' ||
  { log "installing cargo-leptos (long)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo +debian-web install --locked cargo-leptos@0.3.11 --features no_downloads; }

# 5. wasm-bindgen CLI = the wasm-bindgen crate version in Cargo.lock (no --locked: see TOOLCHAIN.md).
WB=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p' || true)
WB=${WB:-0.2.130}
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB" ] ||
  { log "installing wasm-bindgen-cli $WB"; cargo +debian-web install --force wasm-bindgen-cli --version "=$WB"; }

# 6. wasm-opt 132 from npm (Debian's 108 breaks hydration).
wasm-opt --version 2>/dev/null | grep -q 'version 132' || { log "installing binaryen 132"; $SUDO npm install -g --no-audit --no-fund binaryen@132; }

# 7. end2end runner; the browser is Debian's Chromium (never `npx playwright install`).
if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "npm install in end2end"
  (cd end2end && npm install --no-audit --no-fund)
fi
log "ready"

#!/usr/bin/env bash
# Installs everything psea-assess needs on a fresh Debian machine with stable Rust, from the
# package registries only (crates.io, npm, Debian), then builds the app. Idempotent: a tool
# already at the pinned version is skipped.
#   scripts/setup.sh          install, build dist/ and serve it on http://127.0.0.1:8080
#   scripts/setup.sh --no-serve   install and build only (what the test command uses)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN=0.2.130   # == the wasm-bindgen crate in Cargo.lock
TRUNK=0.21.14          # 0.22 needs a newer rustc than stable here
WASM_SPLIT=0.2.4       # wasm-split-cli (wasm_split_cli_support): splits the app, see src/web/lazy.rs
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== [%4ds] %s\n' "$SECONDS" "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Debian packages: chromium, chromium-driver, poppler-utils, xz-utils, nodejs/npm"
missing=()
for pkg in chromium chromium-driver poppler-utils xz-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "already installed"
fi

step "Rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
echo ok

step "wasm-bindgen-cli $WASM_BINDGEN"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN" ]; then
  # Not --locked: its lockfile pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN"
else
  echo "already $WASM_BINDGEN"
fi

step "trunk $TRUNK"
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK" ]; then
  cargo install trunk --version "=$TRUNK" --locked
else
  echo "already $TRUNK"
fi

step "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT)"
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT:"; then
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT" --locked --features build-binary
else
  echo "already $WASM_SPLIT"
fi

step "npm tools (binaryen 132 for wasm-opt, terser and csso to minify, xzwasm for the offline pack, playwright-core, axe-core), from tools/package-lock.json"
npm_ok=1
for spec in binaryen@132.0.0 terser@5.51.4 csso@5.0.5 playwright-core@1.65.1 axe-core@4.11.1 xzwasm@0.1.2; do
  have=$(node -p "require('./tools/node_modules/${spec%@*}/package.json').version" 2>/dev/null || true)
  [ "$have" = "${spec#*@}" ] || npm_ok=0
done
if [ "$npm_ok" -eq 1 ]; then echo "already installed"; else npm ci --prefix tools --no-audit --no-fund; fi

step "build dist/ (trunk build --release, offline)"
cargo fetch --locked
trunk build --release

step "set-up done in ${SECONDS}s"
if [ "${1:-}" != "--no-serve" ]; then
  step "serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
  exec trunk serve --release --address 127.0.0.1 --port 8080
fi

#!/usr/bin/env bash
# The smallest Leptos page (a counter and a text field, e2e/leptos-floor/), built and
# optimised as the app is (opt-level "z", LTO, panic=abort, the rustflags of .cargo/config.toml,
# wasm-bindgen, wasm-opt -Oz), with
# the app's versions (its Cargo.lock): what any Leptos app fetches before it runs, so the floor
# under the first-load budget (issue #16). Prints gzip sizes; asserts nothing.
# Usage: scripts/leptos-floor.sh   (about 4 minutes the first time, on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/leptos-floor"
(cd e2e/leptos-floor && cargo build --release --locked --target wasm32-unknown-unknown -q)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-name floor --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/leptos-floor.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/floor_bg.wasm" -o "$out/floor_bg.wasm"
wasm=$(gzip -9c "$out/floor_bg.wasm" | wc -c)
js=$(gzip -9c "$out/floor.js" | wc -c)
awk -v w="$wasm" -v j="$js" 'BEGIN { printf "smallest Leptos page: wasm %.1f KB + JS glue %.1f KB = %.1f KB gzip\n", w/1024, j/1024, (w+j)/1024 }'

#!/usr/bin/env bash
# Prints engine and PDF report timings (native release build), then the browser figures.
# Figures only: nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked --bench engine 2>/dev/null
cargo bench --locked --bench report 2>/dev/null
cargo bench --locked --bench aggregate 2>/dev/null

# Browser figures need the built app (scripts/setup.sh --no-serve builds dist/).
if [ -f dist/index.html ]; then
  export PATH="$PWD/tools/node_modules/.bin:$PATH"
  echo "== first load (gzip bytes before interactive, time to interactive)"
  node e2e/perf.mjs dist
  echo "== PDF in the browser (worker size, build time)"
  node e2e/pdf-bench.mjs dist
else
  echo "(no dist/: run scripts/setup.sh --no-serve for the browser figures)"
fi

#!/usr/bin/env bash
# Prints engine and PDF report timings (release build). Figures only: nothing here passes or
# fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked --bench engine 2>/dev/null
cargo bench --locked --bench report 2>/dev/null

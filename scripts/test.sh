#!/usr/bin/env bash
# Runs every test of psea-assess. The README's test command and .ci/run both call this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== native tests (engine, questionnaires, command line)"
cargo test --locked --all-targets

echo "== questionnaire files"
cargo run --locked --quiet --bin psea-assess -- validate questionnaires/*.toml

#!/usr/bin/env bash
# Runs every test of psea-assess: native (engine, questionnaires, PDF reports read back
# with poppler, command line), questionnaire validation, then the browser app built with
# trunk and tested end to end in headless Debian Chromium, with axe-core.
# The README's test command and .ci/run both call this. Idempotent: scripts/setup.sh
# installs only what is missing or at the wrong version.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== set-up (pinned tools, skipped when present) and trunk build --release"
scripts/setup.sh --no-serve

echo "== native tests"
cargo test --locked --all-targets

echo "== questionnaire files"
cargo run --locked --quiet --bin psea-assess -- validate questionnaires/*.toml

echo "== browser: end-to-end (headless Chromium)"
node e2e/run.mjs dist

echo "== browser: accessibility (axe-core)"
node e2e/axe.mjs dist

echo "== browser: size budgets (e2e/budgets.json)"
node e2e/budgets.mjs dist

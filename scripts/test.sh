#!/usr/bin/env bash
# Runs every test of psea-assess. The README's test command and .ci/run both call this.
# Idempotent: installs only what is missing (poppler-utils, for the PDF tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftotext >/dev/null 2>&1; then
  echo "== installing poppler-utils (PDF tests read reports with pdftotext, pdfinfo, pdffonts)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils
  else
    echo "poppler-utils is missing: run 'apt-get install poppler-utils' as root, then again" >&2
    exit 1
  fi
fi

echo "== native tests (engine, questionnaires, PDF reports, command line)"
cargo test --locked --all-targets

echo "== questionnaire files"
cargo run --locked --quiet --bin psea-assess -- validate questionnaires/*.toml

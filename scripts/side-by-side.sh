#!/usr/bin/env bash
# Issue #16's side-by-side figures: this app's dist/ against a SurveyJS form with survey-pdf
# export of a comparable questionnaire (8 standards × 5 questions, French), both in the same
# headless Chromium, alternating runs, at 1× and 4× CPU. The peer is built here from the npm
# registry at the versions pinned in e2e/peer-surveyjs/package-lock.json (once; then reused).
# Figures only: nothing passes or fails on them.
# Usage: scripts/side-by-side.sh [DIST] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
peer=e2e/peer-surveyjs
if [ ! -f "$peer/dist/app.js" ]; then
  (
    cd "$peer"
    npm ci --no-audit --no-fund
    npx esbuild app.js --bundle --minify --format=esm --splitting --outdir=dist
    cp index.html node_modules/survey-core/survey-core.fontless.min.css dist/
  )
fi
node e2e/side-by-side.mjs "${1:-dist}" "${2:-5}"

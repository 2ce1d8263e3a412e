#!/usr/bin/env bash
# Renders the report of every example answers file to PNG pages (pdftoppm), to look at.
# Output: target/report-pages/<questionnaire>-<lang>-<page>.png and the PDFs beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/report-pages
mkdir -p "$out"
cargo build --locked --quiet --release --bin psea-assess
for answers in questionnaires/examples/*.json; do
  name=$(basename "$answers" .json)
  for lang in fr en; do
    pdf="$out/$name-$lang.pdf"
    target/release/psea-assess report "questionnaires/$name.toml" "$answers" -o "$pdf" --lang "$lang" --date 2026-11-23
    pdftoppm -r 60 -png "$pdf" "$out/$name-$lang"
  done
done
ls -1 "$out"/*.png | wc -l | xargs echo "page images:"

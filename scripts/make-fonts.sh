#!/usr/bin/env bash
# Cuts the DejaVu Sans subsets embedded in PDF reports. Run once when the character set
# changes; the output is committed (assets/fonts/), so builds never need fonttools.
#   Needs: Debian fonts-dejavu-core, PyPI fonttools (pip install fonttools==4.68.0).
set -euo pipefail
cd "$(dirname "$0")/.."
# Basic Latin, Latin-1, Latin Extended-A (œ Œ ŋ Ŋ …), the Bambara letters ɛ Ɛ ɔ Ɔ ɲ Ɲ,
# general punctuation (’ « » – — … narrow no-break space), €, →, ≤ ≥, ×, •, ✓.
UNICODES="U+0020-007E,U+00A0-017F,U+0186,U+0190,U+019D,U+0254,U+025B,U+0272,U+02BC,U+02C6,U+02DC,U+2010-2027,U+202F,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2264-2265,U+2713,U+FFFD"
for style in "" "-Bold"; do
  pyftsubset "/usr/share/fonts/truetype/dejavu/DejaVuSans${style}.ttf" \
    --unicodes="$UNICODES" --layout-features='' --no-hinting --desubroutinize \
    --name-IDs='*' --output-file="assets/fonts/DejaVuSans${style}-subset.ttf"
done
ls -l assets/fonts/*.ttf

//! The embedded fonts: DejaVu Sans cut to Latin, French typography and Bambara letters by
//! `scripts/make-fonts.sh` (about 34 KB each; the licence is in `assets/fonts/`). Only the
//! PDF writer reads them; the layout measures text with [`super::metrics`].

use printpdf::ParsedFont;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf");

/// The regular and bold fonts, read for embedding.
pub fn load() -> (ParsedFont, ParsedFont) {
    let parse = |bytes: &[u8]| {
        ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("embedded font parses")
    };
    (parse(REGULAR), parse(BOLD))
}

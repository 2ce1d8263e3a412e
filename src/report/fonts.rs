//! The embedded fonts: DejaVu Sans cut to Latin, French typography and Bambara letters by
//! `scripts/make-fonts.sh` (about 34 KB each; the licence is in `assets/fonts/`).

use printpdf::ParsedFont;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf");

pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

impl Fonts {
    pub fn load() -> Fonts {
        let mut warnings = Vec::new();
        let parse = |bytes: &[u8], w: &mut Vec<_>| {
            ParsedFont::from_bytes(bytes, 0, w).expect("embedded font parses")
        };
        Fonts {
            regular: parse(REGULAR, &mut warnings),
            bold: parse(BOLD, &mut warnings),
        }
    }

    fn font(&self, bold: bool) -> &ParsedFont {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Whether the fonts can show `c`.
    pub fn has(&self, c: char) -> bool {
        c.is_control() || self.regular.lookup_glyph_index(c as u32).is_some()
    }

    /// Width of `s` in millimetres at `size` points.
    pub fn width_mm(&self, s: &str, bold: bool, size: f32) -> f32 {
        let f = self.font(bold);
        let units: u32 = s
            .chars()
            .map(|c| {
                f.lookup_glyph_index(c as u32)
                    .or_else(|| f.lookup_glyph_index('?' as u32))
                    .and_then(|g| f.get_glyph_width(g))
                    .unwrap_or(0) as u32
            })
            .sum();
        units as f32 / f32::from(f.units_per_em.max(1)) * size * 25.4 / 72.0
    }
}

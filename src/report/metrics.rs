//! The embedded fonts' glyph advances, which is all line wrapping needs: with these tables
//! the report is laid out without a font parser, in the page as on the command line, and
//! only the PDF worker carries printpdf and the font files ([`super::fonts`]).
//!
//! `metrics_data.rs` is generated from `assets/fonts/` through printpdf's own font reader by
//! `tests/font_metrics.rs`, which fails when the tables and the fonts disagree
//! (`UPDATE_FONT_METRICS=1 cargo test --test font_metrics` writes them again).

mod data {
    include!("metrics_data.rs");
}

/// One font's advances: `(code point, advance in font units)` for every character its
/// character map has, sorted by code point.
pub struct Metrics {
    pub units_per_em: u16,
    pub advances: &'static [(u32, u16)],
}

pub static REGULAR: Metrics = Metrics {
    units_per_em: data::REGULAR_UNITS_PER_EM,
    advances: data::REGULAR,
};
pub static BOLD: Metrics = Metrics {
    units_per_em: data::BOLD_UNITS_PER_EM,
    advances: data::BOLD,
};

impl Metrics {
    fn get(&self, c: u32) -> Option<u16> {
        self.advances
            .binary_search_by_key(&c, |&(cp, _)| cp)
            .ok()
            .map(|i| self.advances[i].1)
    }

    /// The advance of `c`, or of "?" (what is drawn instead) when the font lacks `c`.
    fn advance(&self, c: char) -> u16 {
        self.get(c as u32)
            .or_else(|| self.get('?' as u32))
            .unwrap_or(0)
    }
}

/// Whether the fonts can show `c`.
pub fn has(c: char) -> bool {
    c.is_control() || REGULAR.get(c as u32).is_some()
}

/// Width of `s` in millimetres at `size` points.
pub fn width_mm(s: &str, bold: bool, size: f32) -> f32 {
    let f = if bold { &BOLD } else { &REGULAR };
    let units: u32 = s.chars().map(|c| u32::from(f.advance(c))).sum();
    units as f32 / f32::from(f.units_per_em.max(1)) * size * 25.4 / 72.0
}

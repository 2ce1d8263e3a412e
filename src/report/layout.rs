//! A small page-layout engine that draws [`Mark`]s (plain data, no PDF library): a cursor
//! that moves down the page, greedy word wrap measured with the font's glyph widths, page breaks that let
//! any text flow across pages (never cut), tables whose header repeats after a break, and a
//! footer with "page X / Y" added once the page count is known.
//!
//! Hand-written because printpdf without its `html` feature has no flow layout (tech.md §1.3),
//! and the `html` feature would add an XHTML engine of several megabytes to the browser build.

use std::collections::BTreeSet;

use super::metrics::{has, width_mm};
use super::sheet::{Mark, Page};

pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
pub const MARGIN: f32 = 18.0;
const TOP: f32 = PAGE_H - 18.0;
const BOTTOM: f32 = 20.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

pub const BLACK: (f32, f32, f32) = (0.1, 0.1, 0.1);
pub const GREY: (f32, f32, f32) = (0.38, 0.38, 0.38);

/// The size of a table's text, in points.
pub const TABLE_SIZE: f32 = 8.5;
/// The space under a heading, mm.
const HEADING_GAP: f32 = 1.0;
/// The room between a field's label column and its value.
const LABEL_GAP: f32 = 2.0;

/// Line height in mm for a font size in points.
pub fn line_h(size: f32) -> f32 {
    size * 0.3528 * 1.35
}

pub struct Layout {
    pages: Vec<Vec<Mark>>,
    ops: Vec<Mark>,
    /// Distance of the next line's top from the bottom of the page, in mm.
    pub y: f32,
    /// Characters no embedded font could show (drawn as "?" and reported).
    pub missing: BTreeSet<char>,
    /// (title, 1-based page) for the outline.
    pub bookmarks: Vec<(String, usize)>,
    /// Table header to draw again at the top of each new page.
    repeat: Option<Vec<(String, f32)>>,
    /// The current page's width and height in mm (A4 portrait unless [`Layout::landscape`]).
    w: f32,
    h: f32,
    /// The sizes of the pages closed so far.
    sizes: Vec<(f32, f32)>,
    /// The size of a table header's text, in points.
    pub header_size: f32,
}

impl Layout {
    pub fn new() -> Self {
        Layout {
            pages: Vec::new(),
            ops: Vec::new(),
            y: TOP,
            missing: BTreeSet::new(),
            bookmarks: Vec::new(),
            repeat: None,
            w: PAGE_W,
            h: PAGE_H,
            sizes: Vec::new(),
            header_size: TABLE_SIZE,
        }
    }

    /// The width between the margins of the current page.
    pub fn content_w(&self) -> f32 {
        self.w - 2.0 * MARGIN
    }

    fn top(&self) -> f32 {
        self.h - (PAGE_H - TOP)
    }

    /// Turns the pages that follow to landscape (or back to portrait): a new page is started
    /// unless nothing has been drawn on the current one yet.
    pub fn landscape(&mut self, on: bool) {
        let (w, h) = if on {
            (PAGE_H, PAGE_W)
        } else {
            (PAGE_W, PAGE_H)
        };
        if (w, h) == (self.w, self.h) {
            return;
        }
        if !self.ops.is_empty() {
            self.close_page();
        }
        (self.w, self.h) = (w, h);
        self.y = self.top();
    }

    pub fn page_number(&self) -> usize {
        self.pages.len() + 1
    }

    fn close_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        self.sizes.push((self.w, self.h));
    }

    pub fn new_page(&mut self) {
        self.close_page();
        self.y = self.top();
        if let Some(cols) = self.repeat.clone() {
            self.table_header(&cols);
        }
    }

    /// Starts a new page unless `h` mm still fit above the bottom margin.
    pub fn ensure(&mut self, h: f32) {
        if self.y - h < BOTTOM {
            self.new_page();
        }
    }

    pub fn space(&mut self, h: f32) {
        self.y -= h;
    }

    /// Replaces characters no font can show, remembering them for the report's warnings.
    fn visible(&mut self, s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if has(c) => c,
                c => {
                    self.missing.insert(c);
                    '?'
                }
            })
            .collect()
    }

    /// Draws one line of text with its baseline `size` below `top`.
    pub fn text_at(
        &mut self,
        x: f32,
        top: f32,
        s: &str,
        bold: bool,
        size: f32,
        rgb: (f32, f32, f32),
    ) {
        let s = self.visible(s);
        if s.is_empty() {
            return;
        }
        self.ops.push(Mark::Text {
            x,
            baseline: top - size * 0.3528,
            text: s,
            bold,
            size,
            rgb,
        });
    }

    /// Greedy word wrap to `width` mm. A word may also break after a hyphen between letters
    /// (« suivi- / évaluation »), as browsers do; a part still longer than the line is broken
    /// by characters.
    pub fn wrap(&self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ') {
                for (k, part) in hyphen_parts(word).into_iter().enumerate() {
                    let glue = if k == 0 && !line.is_empty() { " " } else { "" };
                    let candidate = format!("{line}{glue}{part}");
                    if width_mm(&candidate, bold, size) <= width {
                        line = candidate;
                        continue;
                    }
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    // The part alone may still be too long: cut it.
                    let mut piece = String::new();
                    for c in part.chars() {
                        piece.push(c);
                        if width_mm(&piece, bold, size) > width && piece.chars().count() > 1 {
                            piece.pop();
                            lines.push(std::mem::take(&mut piece));
                            piece.push(c);
                        }
                    }
                    line = piece;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// A wrapped paragraph that flows across pages.
    pub fn paragraph(
        &mut self,
        text: &str,
        bold: bool,
        size: f32,
        indent: f32,
        rgb: (f32, f32, f32),
    ) {
        let lh = line_h(size);
        for line in self.wrap(text, bold, size, self.content_w() - indent) {
            self.ensure(lh);
            let y = self.y;
            self.text_at(MARGIN + indent, y, &line, bold, size, rgb);
            self.y -= lh;
        }
    }

    /// A heading kept with at least three lines of what follows; optionally in the outline.
    pub fn heading(&mut self, text: &str, size: f32, bookmark: bool) {
        self.heading_kept(text, size, bookmark, 3.0 * line_h(9.5));
    }

    /// A heading kept with the `keep` mm that follow it (a figure that does not break).
    pub fn heading_kept(&mut self, text: &str, size: f32, bookmark: bool, keep: f32) {
        self.space(size * 0.25);
        // The heading's line and the space under it, then what it is kept with.
        self.ensure(line_h(size) + HEADING_GAP + keep);
        if bookmark {
            self.bookmarks.push((text.to_owned(), self.page_number()));
        }
        self.paragraph(text, true, size, 0.0, BLACK);
        self.space(HEADING_GAP);
    }

    /// `label: value` side by side, each wrapped in its own column (a label longer than its
    /// column goes on over more lines rather than under the value).
    pub fn field(&mut self, label: &str, value: &str, label_w: f32) {
        let size = 9.5;
        let lines = self.wrap(value, false, size, self.content_w() - label_w);
        let labels = self.wrap(label, true, size, label_w - LABEL_GAP);
        let lh = line_h(size);
        for n in 0..lines.len().max(labels.len()) {
            self.ensure(lh);
            let y = self.y;
            if let Some(label) = labels.get(n) {
                self.text_at(MARGIN, y, label, true, size, GREY);
            }
            if let Some(line) = lines.get(n) {
                self.text_at(MARGIN + label_w, y, line, false, size, BLACK);
            }
            self.y -= lh;
        }
    }

    /// The height of `text` as a paragraph of the full width plus `after`, capped so that
    /// keeping it together never asks for more than a page.
    pub fn kept_h(&self, text: &str, bold: bool, size: f32, after: f32) -> f32 {
        let n = self.wrap(text, bold, size, self.content_w()).len();
        (n as f32 * line_h(size) + after).min((TOP - BOTTOM) / 2.0)
    }

    pub fn rule(&mut self) {
        let y = self.y;
        self.line(MARGIN, y, self.w - MARGIN, y, 0.3, GREY);
        self.space(1.5);
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, rgb: (f32, f32, f32)) {
        self.ops.push(Mark::Line {
            from: (x1, y1),
            to: (x2, y2),
            width,
            rgb,
        });
    }

    /// A rectangle given by its top-left corner.
    pub fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Option<(f32, f32, f32)>) {
        self.ops.push(Mark::Rect {
            x,
            y: top - h,
            w,
            h,
            fill,
        });
    }

    fn table_header(&mut self, cols: &[(String, f32)]) {
        let size = self.header_size;
        let lh = line_h(size);
        let wrapped: Vec<Vec<String>> = cols
            .iter()
            .map(|(h, w)| self.wrap(h, true, size, w - 2.0))
            .collect();
        let rows = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let h = rows as f32 * lh + 1.5;
        let top = self.y;
        let width = self.content_w();
        self.rect(MARGIN, top, width, h, Some((0.9, 0.9, 0.9)));
        let mut x = MARGIN;
        for ((_, w), lines) in cols.iter().zip(&wrapped) {
            for (n, l) in lines.iter().enumerate() {
                self.text_at(x + 1.0, top - 0.75 - n as f32 * lh, l, true, size, BLACK);
            }
            x += w;
        }
        self.y -= h;
    }

    /// The largest size, from [`TABLE_SIZE`] down to `smallest` points, at which every word of
    /// each header fits its column (a word too long is otherwise cut in two).
    pub fn header_size_fitting(&self, cols: &[(String, f32)], smallest: f32) -> f32 {
        let mut size = TABLE_SIZE;
        while size > smallest
            && cols.iter().any(|(h, w)| {
                h.split(' ')
                    .any(|word| width_mm(word, true, size) > w - 2.0)
            })
        {
            size -= 0.25;
        }
        size.max(smallest)
    }

    /// A table. Rows are never cut mid-line, and a row that fits on a page is never split
    /// across two: it starts on the next page, under the repeated header. Only a row taller
    /// than a page continues from one page to the next.
    pub fn table(&mut self, cols: &[(String, f32)], rows: &[Vec<String>]) {
        let size = TABLE_SIZE;
        let lh = line_h(size);
        self.ensure(3.0 * lh + 4.0);
        self.table_header(cols);
        self.repeat = Some(cols.to_vec());
        for row in rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(cols)
                .map(|(c, (_, w))| self.wrap(c, false, size, w - 2.0))
                .collect();
            let n = cells.iter().map(Vec::len).max().unwrap_or(1);
            let row_h = n as f32 * lh + 1.0;
            if self.y - row_h < BOTTOM && self.top() - row_h >= BOTTOM + 20.0 {
                self.new_page();
            }
            let mut done = 0;
            while done < n {
                if self.y - lh - 1.0 < BOTTOM {
                    self.new_page();
                }
                let fit = (((self.y - BOTTOM - 1.0) / lh).floor() as usize).clamp(1, n - done);
                let top = self.y;
                let h = fit as f32 * lh + 1.0;
                let mut x = MARGIN;
                for (cell, (_, w)) in cells.iter().zip(cols) {
                    for (k, l) in cell.iter().skip(done).take(fit).enumerate() {
                        self.text_at(x + 1.0, top - 0.5 - k as f32 * lh, l, false, size, BLACK);
                    }
                    x += w;
                }
                let right = self.w - MARGIN;
                self.line(MARGIN, top - h, right, top - h, 0.2, GREY);
                self.y -= h;
                done += fit;
            }
        }
        self.repeat = None;
        self.space(2.0);
    }

    /// Closes the last page and adds the footer to every page.
    pub fn finish(
        mut self,
        footer: impl Fn(usize, usize) -> String,
    ) -> (Vec<Page>, Vec<(String, usize)>, BTreeSet<char>) {
        self.close_page();
        let total = self.pages.len();
        let mut pages = std::mem::take(&mut self.pages);
        let sizes = std::mem::take(&mut self.sizes);
        for (i, ops) in pages.iter_mut().enumerate() {
            self.ops = std::mem::take(ops);
            let text = footer(i + 1, total);
            self.line(MARGIN, 14.0, sizes[i].0 - MARGIN, 14.0, 0.3, GREY);
            self.text_at(MARGIN, 12.5, &text, false, 7.5, GREY);
            *ops = std::mem::take(&mut self.ops);
        }
        let pages = pages
            .into_iter()
            .zip(sizes)
            .map(|(marks, (w, h))| Page { w, h, marks })
            .collect();
        (pages, self.bookmarks, self.missing)
    }
}

/// `word` cut after each hyphen that joins two letters: « suivi-évaluation » gives « suivi- »
/// and « évaluation »; « 2026-11-24 », « -5 » and addresses and paths (anything with a "/": a reader
/// that rejoins lines drops a hyphen at a line's end) stay whole.
fn hyphen_parts(word: &str) -> Vec<&str> {
    if word.contains('/') {
        return vec![word];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for w in chars.windows(3) {
        let [(_, before), (at, '-'), (_, after)] = w else {
            continue;
        };
        if letter(*before) && letter(*after) {
            parts.push(&word[start..at + 1]);
            start = at + 1;
        }
    }
    parts.push(&word[start..]);
    parts
}

/// A letter, for [`hyphen_parts`]: ASCII letters, and from U+00C0 on (accented Latin letters,
/// Bambara's ɛ ɔ ɲ ŋ…) anything but × ÷ and the punctuation and symbol blocks. Not
/// `char::is_alphabetic`, whose Unicode table added 1.9 KB gzip to the page's report module;
/// the embedded fonts cover nothing beyond these blocks anyway.
fn letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c >= '\u{c0}' && !matches!(c, '×' | '÷') && !('\u{2000}'..='\u{2bff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_break_after_a_hyphen_between_letters_only() {
        assert_eq!(hyphen_parts("suivi-évaluation"), ["suivi-", "évaluation"]);
        assert_eq!(hyphen_parts("Chargé-de-suivi"), ["Chargé-", "de-", "suivi"]);
        assert_eq!(hyphen_parts("Ɲɛ-ŋɔ"), ["Ɲɛ-", "ŋɔ"]);
        assert_eq!(hyphen_parts("a-–b"), ["a-–b"]);
        for whole in [
            "2026-11-24",
            "-5",
            "a-",
            "-",
            "",
            "PEAS",
            "annexe/un-partenaire",
        ] {
            assert_eq!(hyphen_parts(whole), [whole]);
        }
    }

    #[test]
    fn a_hyphenated_word_at_the_end_of_a_line_breaks_at_its_hyphen() {
        let l = Layout::new();
        let text = "Chargé de suivi-évaluation";
        // Wide enough for « Chargé de suivi- » but not for the whole text.
        let width = width_mm("Chargé de suivi-", false, 9.0) + 0.1;
        assert!(width_mm(text, false, 9.0) > width);
        assert_eq!(
            l.wrap(text, false, 9.0, width),
            ["Chargé de suivi-", "évaluation"]
        );
        // Without a hyphen the word moves to the next line whole, as before.
        assert_eq!(
            l.wrap(
                "Chargé de communication",
                false,
                9.0,
                width_mm("Chargé de comm", false, 9.0)
            ),
            ["Chargé de", "communication"]
        );
        // A date is never cut at its hyphens.
        let narrow = width_mm("2026-11-24", false, 9.0) + 0.1;
        assert!(width_mm("le 2026-11-", false, 9.0) < narrow);
        assert_eq!(
            l.wrap("le 2026-11-24", false, 9.0, narrow),
            ["le", "2026-11-24"]
        );
    }
    /// The texts drawn on each page, in order.
    fn texts(l: Layout) -> Vec<Vec<String>> {
        let (pages, _, _) = l.finish(|_, _| String::new());
        (pages.into_iter())
            .map(|p| {
                (p.marks.into_iter())
                    .filter_map(|m| match m {
                        Mark::Text { text, .. } => Some(text),
                        _ => None,
                    })
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_field_label_longer_than_its_column_wraps_in_it_and_never_runs_under_the_value() {
        let label = "Signaux de contexte (comptés à part, hors note)";
        let label_w = 42.0;
        assert!(width_mm(label, true, 9.5) > label_w);
        let mut l = Layout::new();
        l.field(label, "0 sur 5", label_w);
        let (pages, _, _) = l.finish(|_, _| String::new());
        let marks: Vec<(f32, f32, String, bool)> = (pages[0].marks.iter())
            .filter_map(|m| match m {
                Mark::Text {
                    x,
                    baseline,
                    text,
                    bold,
                    ..
                } if !text.is_empty() => Some((*x, *baseline, text.clone(), *bold)),
                _ => None,
            })
            .collect();
        let labels: Vec<_> = marks.iter().filter(|m| m.3).collect();
        assert!(labels.len() >= 2, "{marks:?}");
        for (x, _, text, _) in &labels {
            assert!(x + width_mm(text, true, 9.5) <= MARGIN + label_w, "{text}");
        }
        let joined: Vec<&str> = labels.iter().map(|m| m.2.as_str()).collect();
        assert_eq!(joined.join(" "), label);
        // The value starts on the label's first line.
        let value = marks.iter().find(|m| m.2 == "0 sur 5").unwrap();
        assert_eq!(value.1, labels[0].1);
    }

    #[test]
    fn a_table_row_that_fits_on_a_page_starts_on_the_next_rather_than_split() {
        let cols = [("Risque".to_owned(), 60.0), ("Mesures".to_owned(), 60.0)];
        let row = vec![
            "un\ndeux\ntrois\nquatre\ncinq\nsix".to_owned(),
            "—".to_owned(),
        ];
        let mut l = Layout::new();
        l.table(&cols, &[vec!["avant".to_owned(), "—".to_owned()]]);
        // Room for four of the row's six lines left on the first page.
        l.y = BOTTOM + 4.5 * line_h(TABLE_SIZE) + 1.0;
        l.table(&cols, &[row.clone()]);
        let pages = texts(l);
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert!(!pages[0].iter().any(|t| t == "un"), "{pages:?}");
        for word in ["un", "quatre", "six"] {
            assert!(
                pages[1].iter().any(|t| t == word),
                "{word} not on page 2: {pages:?}"
            );
        }
        // A row taller than a page still continues from one page to the next.
        let tall = vec![vec!["ligne\n".repeat(200), "—".to_owned()]];
        let mut l = Layout::new();
        l.table(&cols, &tall);
        assert!(texts(l).len() >= 2);
    }
}

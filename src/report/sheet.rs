//! A laid-out report as plain data: pages of text lines, rules and boxes at fixed positions,
//! the outline and the document's details. The layout ([`super::layout`]) makes it without
//! any PDF library, so the browser lays a report out on the page and sends the sheet to the
//! PDF worker, which only writes it ([`super::pdf`]); the command line does the same two
//! steps, so both give the same bytes.
//!
//! [`Sheet::encode`] and [`Sheet::decode`] are a small hand-written binary form (little-endian
//! numbers, length-prefixed UTF-8): three kinds of mark do not justify a serialisation
//! library, and the decoder is all the PDF worker carries of it. An `f32` goes through
//! unchanged, so a sheet written after a round trip gives the same bytes.

/// A colour as red, green, blue in 0..=1.
pub type Rgb = (f32, f32, f32);

/// One drawing on a page; positions in mm from the bottom-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// One line of text, already wrapped, every character one the fonts can show.
    Text {
        x: f32,
        baseline: f32,
        text: String,
        bold: bool,
        /// In points.
        size: f32,
        rgb: Rgb,
    },
    /// A straight line `width` points thick.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        rgb: Rgb,
    },
    /// A box with a thin grey outline, filled when `fill` is given; `(x, y)` is its
    /// bottom-left corner.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
    },
}

/// One page: its size in mm and what is drawn on it, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub w: f32,
    pub h: f32,
    pub marks: Vec<Mark>,
}

/// A report ready to be written as a PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub author: String,
    /// The program that made it (« psea-assess 0.1.0 »).
    pub creator: String,
    /// The generation date as `YYYYMMDD` and as Unix seconds at midnight UTC (the PDF's
    /// dates; given, never read from a clock).
    pub day: String,
    pub stamp: i64,
    pub pages: Vec<Page>,
    /// (title, 1-based page) for the outline.
    pub bookmarks: Vec<(String, usize)>,
    /// Characters no embedded font could show, drawn as "?".
    pub missing: Vec<char>,
}

impl Sheet {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(64 * 1024));
        w.text(MAGIC);
        for s in [&self.title, &self.author, &self.creator, &self.day] {
            w.text(s);
        }
        w.0.extend_from_slice(&self.stamp.to_le_bytes());
        w.count(self.pages.len());
        for page in &self.pages {
            w.f32s(&[page.w, page.h]);
            w.count(page.marks.len());
            for mark in &page.marks {
                w.mark(mark);
            }
        }
        w.count(self.bookmarks.len());
        for (title, page) in &self.bookmarks {
            w.text(title);
            w.count(*page);
        }
        w.text(&self.missing.iter().collect::<String>());
        w.0
    }

    /// The sheet [`Sheet::encode`] wrote; `Err` says where bytes that are not one end.
    pub fn decode(bytes: &[u8]) -> Result<Sheet, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.text()? != MAGIC {
            return Err("not a laid-out report".into());
        }
        let (title, author, creator, day) = (r.text()?, r.text()?, r.text()?, r.text()?);
        let stamp = i64::from_le_bytes(r.take::<8>()?);
        let mut pages = Vec::new();
        for _ in 0..r.count()? {
            let (w, h) = (r.f32()?, r.f32()?);
            let n = r.count()?;
            let mut marks = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                marks.push(r.mark()?);
            }
            pages.push(Page { w, h, marks });
        }
        let mut bookmarks = Vec::new();
        for _ in 0..r.count()? {
            let (title, page) = (r.text()?, r.count()?);
            // printpdf cannot write an outline entry for a page the document lacks.
            if !(1..=pages.len()).contains(&page) {
                return Err(format!("outline entry for page {page} of {}", pages.len()));
            }
            bookmarks.push((title, page));
        }
        let missing = r.text()?.chars().collect();
        if r.at != bytes.len() {
            return Err(format!(
                "{} bytes left over at {}",
                bytes.len() - r.at,
                r.at
            ));
        }
        Ok(Sheet {
            title,
            author,
            creator,
            day,
            stamp,
            pages,
            bookmarks,
            missing,
        })
    }
}

/// The first string of an encoded sheet, with the format's version.
const MAGIC: &str = "psea-sheet-1";

struct Writer(Vec<u8>);

impl Writer {
    fn count(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u32).to_le_bytes());
    }
    fn text(&mut self, s: &str) {
        self.count(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn f32s(&mut self, v: &[f32]) {
        for x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
    fn rgb(&mut self, (r, g, b): Rgb) {
        self.f32s(&[r, g, b]);
    }
    fn mark(&mut self, mark: &Mark) {
        match mark {
            Mark::Text {
                x,
                baseline,
                text,
                bold,
                size,
                rgb,
            } => {
                self.0.push(if *bold { b'B' } else { b'T' });
                self.f32s(&[*x, *baseline, *size]);
                self.rgb(*rgb);
                self.text(text);
            }
            Mark::Line {
                from,
                to,
                width,
                rgb,
            } => {
                self.0.push(b'L');
                self.f32s(&[from.0, from.1, to.0, to.1, *width]);
                self.rgb(*rgb);
            }
            Mark::Rect { x, y, w, h, fill } => {
                self.0.push(if fill.is_some() { b'F' } else { b'R' });
                self.f32s(&[*x, *y, *w, *h]);
                if let Some(rgb) = fill {
                    self.rgb(*rgb);
                }
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// The next `n` bytes (no arithmetic on `n` that could overflow).
    fn bytes(&mut self, n: usize) -> Result<&[u8], String> {
        let got = self.bytes[self.at..]
            .get(..n)
            .ok_or_else(|| format!("cut short at {}", self.at))?;
        self.at += n;
        Ok(got)
    }
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        Ok(self.bytes(N)?.try_into().expect("N bytes"))
    }
    fn count(&mut self) -> Result<usize, String> {
        Ok(u32::from_le_bytes(self.take::<4>()?) as usize)
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take::<4>()?))
    }
    fn rgb(&mut self) -> Result<Rgb, String> {
        Ok((self.f32()?, self.f32()?, self.f32()?))
    }
    fn text(&mut self) -> Result<String, String> {
        let (at, n) = (self.at, self.count()?);
        let raw = self.bytes(n)?;
        String::from_utf8(raw.to_vec()).map_err(|_| format!("not UTF-8 at {at}"))
    }
    fn mark(&mut self) -> Result<Mark, String> {
        let at = self.at;
        let [kind] = self.take::<1>()?;
        Ok(match kind {
            b'T' | b'B' => {
                let (x, baseline, size, rgb) = (self.f32()?, self.f32()?, self.f32()?, self.rgb()?);
                Mark::Text {
                    x,
                    baseline,
                    text: self.text()?,
                    bold: kind == b'B',
                    size,
                    rgb,
                }
            }
            b'L' => {
                let from = (self.f32()?, self.f32()?);
                let to = (self.f32()?, self.f32()?);
                Mark::Line {
                    from,
                    to,
                    width: self.f32()?,
                    rgb: self.rgb()?,
                }
            }
            b'R' | b'F' => {
                let (x, y, w, h) = (self.f32()?, self.f32()?, self.f32()?, self.f32()?);
                let fill = if kind == b'F' {
                    Some(self.rgb()?)
                } else {
                    None
                };
                Mark::Rect { x, y, w, h, fill }
            }
            other => return Err(format!("unknown mark {other} at {at}")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sheet {
        Sheet {
            title: "Évaluation PEAS – ONG « Kènè »".into(),
            author: "Aïssata".into(),
            creator: "psea-assess 0.1.0".into(),
            day: "20261124".into(),
            stamp: 1_795_478_400,
            pages: vec![
                Page {
                    w: 210.0,
                    h: 297.0,
                    marks: vec![
                        Mark::Text {
                            x: 18.0,
                            baseline: 275.1234,
                            text: "Niveau\u{a0}: ɛ ɔ ɲ ŋ".into(),
                            bold: true,
                            size: 9.5,
                            rgb: (0.1, 0.1, 0.1),
                        },
                        Mark::Line {
                            from: (18.0, 14.0),
                            to: (192.0, 14.0),
                            width: 0.3,
                            rgb: (0.38, 0.38, 0.38),
                        },
                        Mark::Rect {
                            x: 20.0,
                            y: 100.0,
                            w: 12.5,
                            h: 8.0,
                            fill: Some((0.9, 0.2, 0.1)),
                        },
                        Mark::Rect {
                            x: 20.0,
                            y: 90.0,
                            w: 12.5,
                            h: 8.0,
                            fill: None,
                        },
                    ],
                },
                Page {
                    w: 297.0,
                    h: 210.0,
                    marks: vec![],
                },
            ],
            bookmarks: vec![("Résultats".into(), 1), ("Plan d’action".into(), 2)],
            missing: vec!['中', '😀'],
        }
    }

    #[test]
    fn a_sheet_comes_back_from_its_bytes_unchanged() {
        let sheet = sample();
        let bytes = sheet.encode();
        assert_eq!(Sheet::decode(&bytes), Ok(sheet));
    }

    #[test]
    fn bytes_that_are_not_a_whole_sheet_are_refused_with_where() {
        let bytes = sample().encode();
        for cut in [0, 3, 20, bytes.len() / 2, bytes.len() - 1] {
            let err = Sheet::decode(&bytes[..cut]).unwrap_err();
            assert!(
                err.contains("cut short") || err.contains("not a laid-out"),
                "{cut}: {err}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Sheet::decode(&longer).unwrap_err().contains("left over"));
        assert!(Sheet::decode(b"\x04\0\0\0abcd")
            .unwrap_err()
            .contains("not a laid-out"));
    }

    /// The position of the first byte of `needle` in the encoded sample.
    fn at(bytes: &[u8], needle: &[u8]) -> usize {
        bytes
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap()
    }

    #[test]
    fn hostile_bytes_are_refused_never_a_panic() {
        let good = sample().encode();
        // A string length near u32::MAX.
        let mut huge = good.clone();
        let title = at(&good, "Évaluation".as_bytes()) - 4;
        huge[title..title + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Sheet::decode(&huge).unwrap_err().contains("cut short"));
        // A mark count near u32::MAX: refused once the bytes run out.
        let mut many = good.clone();
        let marks = at(&good, b"B") - 4;
        many[marks..marks + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Sheet::decode(&many).is_err());
        // An unknown mark.
        let mut unknown = good.clone();
        unknown[marks + 4] = b'Z';
        let err = Sheet::decode(&unknown).unwrap_err();
        assert!(err.contains("unknown mark 90"), "{err}");
        // Text that is not UTF-8.
        let mut latin1 = good.clone();
        latin1[title + 4] = 0xff;
        assert!(Sheet::decode(&latin1).unwrap_err().contains("not UTF-8"));
        // An outline entry for a page the sheet lacks (printpdf would panic on it).
        for page in [0, 3, 99] {
            let mut sheet = sample();
            sheet.bookmarks = vec![("Résultats".into(), page)];
            let err = Sheet::decode(&sheet.encode()).unwrap_err();
            assert_eq!(err, format!("outline entry for page {page} of 2"));
        }
    }
}

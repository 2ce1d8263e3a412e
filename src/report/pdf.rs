//! Writes a laid-out [`Sheet`] as a PDF with printpdf (no default features): the embedded
//! fonts, the pages' drawing operations, the outline and the document's details. This and
//! [`Sheet::decode`] are all the browser's PDF worker runs; the layout happens before.
//!
//! Deterministic: the dates come from the sheet and every id printpdf would draw from its
//! global counter is fixed, so the same sheet gives the same bytes.

use printpdf::{
    Color, CustomPdfConformance, FontId, Line, LinePoint, Mm, OffsetDateTime, Op, PageAnnotId,
    PageAnnotation, PaintMode, PdfConformance, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use super::fonts;
use super::layout::GREY;
use super::sheet::{Mark, Page, Sheet};

pub struct Report {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters that no embedded font can show; drawn as "?". Show them to the user.
    pub missing_chars: Vec<char>,
}

/// The PDF of `sheet`.
pub fn write(sheet: &Sheet) -> Report {
    let (regular_font, bold_font) = fonts::load();
    // "ABCDEF+Name" marks an embedded subset (PDF 32000 §9.6.4); our fonts are pre-subset.
    let (regular, bold) = (
        FontId("PSEAAA+DejaVuSans".into()),
        FontId("PSEAAB+DejaVuSans-Bold".into()),
    );
    let mut doc = PdfDocument::new(&sheet.title);
    doc.metadata.info.conformance = conformance();
    let fonts = &mut doc.resources.fonts.map;
    fonts.insert(regular.clone(), PdfFont::new(regular_font));
    fonts.insert(bold.clone(), PdfFont::new(bold_font));
    for (n, (title, page)) in sheet.bookmarks.iter().enumerate() {
        doc.bookmarks.map.insert(
            PageAnnotId(format!("B{n:04}")),
            PageAnnotation {
                name: title.clone(),
                page: *page,
            },
        );
    }
    let when = OffsetDateTime::from_unix_timestamp(sheet.stamp)
        .unwrap_or_else(|_| OffsetDateTime::from_unix_timestamp(0).expect("epoch"));
    let info = &mut doc.metadata.info;
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.author = sheet.author.clone();
    info.creator = sheet.creator.clone();
    info.producer = sheet.creator.clone();
    let pages = sheet
        .pages
        .iter()
        .map(|p| PdfPage::new(Mm(p.w), Mm(p.h), ops(p, &regular, &bold)))
        .collect();
    doc.with_pages(pages);
    let bytes = doc.save(
        &PdfSaveOptions {
            subset_fonts: false,
            ..PdfSaveOptions::default()
        },
        &mut Vec::new(),
    );
    Report {
        bytes: fixed_document_id(stamped_dates(bytes, &sheet.day)),
        pages: sheet.pages.len(),
        missing_chars: sheet.missing.clone(),
    }
}

/// A plain PDF: no PDF/X or PDF/A output intent, so printpdf never embeds its 654 KB ICC
/// profile. The browser build relies on this: scripts/trunk-post-build.mjs blanks that
/// profile in the PDF worker.
pub fn conformance() -> PdfConformance {
    PdfConformance::Custom(CustomPdfConformance {
        requires_icc_profile: false,
        ..CustomPdfConformance::default()
    })
}

/// printpdf's drawing operations for one page's marks.
fn ops(page: &Page, regular: &FontId, bold: &FontId) -> Vec<Op> {
    let colour = |(r, g, b): (f32, f32, f32)| Color::Rgb(Rgb::new(r, g, b, None));
    let mut ops = Vec::with_capacity(page.marks.len() * 4);
    for mark in &page.marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                text,
                bold: is_bold,
                size,
                rgb,
            } => ops.extend([
                Op::StartTextSection,
                Op::SetFillColor { col: colour(*rgb) },
                Op::SetFont {
                    font: PdfFontHandle::External(if *is_bold { bold } else { regular }.clone()),
                    size: Pt(*size),
                },
                Op::SetTextCursor {
                    pos: Point::new(Mm(*x), Mm(*baseline)),
                },
                Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                },
                Op::EndTextSection,
            ]),
            Mark::Line {
                from,
                to,
                width,
                rgb,
            } => {
                let point = |(x, y): (f32, f32)| LinePoint {
                    p: Point::new(Mm(x), Mm(y)),
                    bezier: false,
                };
                ops.extend([
                    Op::SetOutlineColor { col: colour(*rgb) },
                    Op::SetOutlineThickness { pt: Pt(*width) },
                    Op::DrawLine {
                        line: Line {
                            points: vec![point(*from), point(*to)],
                            is_closed: false,
                        },
                    },
                ]);
            }
            Mark::Rect { x, y, w, h, fill } => {
                if let Some(rgb) = fill {
                    ops.push(Op::SetFillColor { col: colour(*rgb) });
                }
                ops.extend([
                    Op::SetOutlineColor { col: colour(GREY) },
                    Op::SetOutlineThickness { pt: Pt(0.4) },
                    Op::DrawRectangle {
                        rectangle: Rect {
                            x: Mm(*x).into(),
                            y: Mm(*y).into(),
                            width: Mm(*w).into(),
                            height: Mm(*h).into(),
                            mode: Some(if fill.is_some() {
                                PaintMode::FillStroke
                            } else {
                                PaintMode::Stroke
                            }),
                            winding_order: None,
                        },
                    },
                ]);
            }
        }
    }
    ops
}

/// printpdf 0.12 writes the document dates as 1970-01-01 on wasm (`utils.rs` has a wasm
/// stub for its date formatting), so the PDF made in the browser would carry the epoch. Write
/// the generation date (`day`, YYYYMMDD) in place: same length, so no byte offset moves, and
/// the browser's PDF stays byte-identical to the command line's.
fn stamped_dates(mut bytes: Vec<u8>, day: &str) -> Vec<u8> {
    if day.len() != 8 {
        return bytes;
    }
    for key in [&b"/CreationDate("[..], b"/ModDate("] {
        let epoch = [key, b"D:19700101000000+00'00')"].concat();
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], &epoch).map(|i| i + from) {
            let date_at = at + key.len() + 2;
            bytes[date_at..date_at + 8].copy_from_slice(day.as_bytes());
            from = at + epoch.len();
        }
    }
    bytes
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// printpdf writes a trailer `/ID` from a process-wide counter, so two reports made in the
/// same process would differ. Replace both ids (same length, so no offset moves) with a hash
/// of the file, which is what the PDF specification suggests for the id anyway.
fn fixed_document_id(mut bytes: Vec<u8>) -> Vec<u8> {
    let Some(at) = find_last(&bytes, b"/ID[") else {
        return bytes;
    };
    let body_hash = fnv(&bytes[..at]);
    let mut i = at + 4;
    let mut n = 0u64;
    while i < bytes.len() && bytes[i] != b']' {
        if bytes[i] == b'(' {
            let start = i + 1;
            let Some(len) = bytes[start..].iter().position(|&b| b == b')') else {
                break;
            };
            let digest = format!("{:016x}{:016x}", body_hash, body_hash.rotate_left(17) ^ n);
            for (k, b) in bytes[start..start + len].iter_mut().enumerate() {
                *b = digest.as_bytes()[k % digest.len()];
            }
            n += 1;
            i = start + len;
        }
        i += 1;
    }
    bytes
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// FNV-1a: a fixed, dependency-free hash; this is an identifier, not a security measure.
fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_never_need_the_icc_profile_the_browser_build_blanks() {
        assert!(!conformance().must_have_icc_profile());
        let dir = env!("CARGO_MANIFEST_DIR");
        let q =
            std::fs::read_to_string(format!("{dir}/questionnaires/unicef-psea-2020.toml")).unwrap();
        let a = std::fs::read_to_string(format!(
            "{dir}/questionnaires/examples/unicef-psea-2020.json"
        ))
        .unwrap();
        let sheet = super::super::sheet_from_texts(&q, &a, None, "fr", "2026-11-23").unwrap();
        let r = write(&sheet);
        let has = |needle: &[u8]| r.bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!has(b"OutputIntent") && !has(b"FOGRA39") && !has(b"ICCBased"));
    }

    #[test]
    fn epoch_dates_are_replaced_in_place() {
        let pdf = b"<</Trapped/False/CreationDate(D:19700101000000+00'00')/ModDate(D:19700101000000+00'00')/Author(D:19700101000000+00'00')>>".to_vec();
        let out = stamped_dates(pdf.clone(), "20261123");
        assert_eq!(out.len(), pdf.len());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<</Trapped/False/CreationDate(D:20261123000000+00'00')/ModDate(D:20261123000000+00'00')/Author(D:19700101000000+00'00')>>"
        );
    }
}

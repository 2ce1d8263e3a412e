//! The consolidated PDF report of a coordinator's workspace: what was brought in (assessments,
//! duplicates folded, versions, files refused and why), then the questionnaire's view of the
//! assessments the filter keeps: the capacity matrix, the consolidated risk register, or the
//! class results. Every word comes from [`crate::present::aggregate`], as on screen and on the
//! command line. Deterministic like the other reports: the same files, choices, filter,
//! language and date give the same bytes.

use chrono::NaiveDate;

use super::layout::{Layout, BLACK, GREY, TABLE_SIZE};
use super::sheet::Sheet;
use super::{generated_label, heat_grid};
#[cfg(feature = "pdf")]
use super::{pdf, Report};
use crate::engine::aggregate::{
    class, kind, matrix, register, BandCount, Filter, Kind, Sort, Workspace,
};
use crate::engine::model::{Questionnaire, Rule};
use crate::present::aggregate::{self as words, TitleOf};
use crate::present::follow_up::{band_name, confirmed_label, self_assessed_label};
use crate::present::outcome::score_line;
use crate::present::{date, labelled, Lang};

/// Review dates this many days after the generation date are listed as coming up.
const REVIEW_HORIZON_DAYS: u64 = 180;
/// The label column of the head's fields, in mm.
const LABEL_W: f32 = 48.0;
/// The matrix's first column (who) and its band columns, in mm.
const WHO_W: f32 = 50.0;
const BAND_W: f32 = 25.0;
/// The narrowest a standard's column may be before the matrix is cut into several tables.
const MIN_COLUMN_W: f32 = 21.0;

/// The PDF report of the assessments of `ws` that `filter` keeps, in `lang`, dated
/// `generated`.
#[cfg(feature = "pdf")]
pub fn build(
    q: &Questionnaire,
    ws: &Workspace,
    filter: &Filter,
    lang: Lang,
    generated: NaiveDate,
    title_of: TitleOf,
) -> Report {
    pdf::write(&lay_out(
        q,
        ws,
        filter,
        Sort::default(),
        lang,
        generated,
        title_of,
    ))
}

/// The report of the assessments of `ws` that `filter` keeps, laid out.
pub fn lay_out(
    q: &Questionnaire,
    ws: &Workspace,
    filter: &Filter,
    sort: Sort,
    lang: Lang,
    generated: NaiveDate,
    title_of: TitleOf,
) -> Sheet {
    // The rows in the order the page shows them.
    let groups = ws.shown(q, filter, sort);
    let title = format!("{} – {}", words::title(lang), q.title.get(lang.code()));
    super::lay_out(&title, "", q, lang, generated, |l| {
        let r = Draw {
            q,
            ws,
            groups: &groups,
            lang,
            title_of,
        };
        r.head(l, filter, generated);
        match kind(q) {
            Kind::Matrix => r.matrix(l, generated),
            Kind::Register => r.register(l),
            Kind::Class => r.class(l),
        }
    })
}

/// Builds the workspace from files `(name, text)` in the order they were brought in (the same
/// order gives the same groups, as on the page, which lays out its own workspace), applies
/// version choices `(group, version)`, and lays the report out. `lang` is "fr" or "en",
/// `date` YYYY-MM-DD.
pub fn sheet_from_texts(
    questionnaire: &str,
    files: &[(String, String)],
    choices: &[(usize, usize)],
    filter: &Filter,
    lang: &str,
    date: &str,
) -> Result<Sheet, String> {
    let lang = if lang == "en" { Lang::En } else { Lang::Fr };
    let q = super::load_questionnaire(questionnaire, lang)?;
    let date = super::parse_date(date, lang)?;
    let mut ws = Workspace::default();
    for (name, text) in files {
        ws.add(&q, name, text);
    }
    for &(g, v) in choices {
        ws.choose(g, v);
    }
    // Titles of other questionnaires are not known here: a refused file names its id.
    Ok(lay_out(
        &q,
        &ws,
        filter,
        Sort::default(),
        lang,
        date,
        &|_| None,
    ))
}

/// A table with its header's text as large as lets every word fit its column; « — » when it
/// has no rows.
fn table(l: &mut Layout, head: &[(String, f32)], rows: &[Vec<String>]) {
    if rows.is_empty() {
        return lines(l, std::iter::empty());
    }
    l.header_size = l.header_size_fitting(head, 6.0);
    l.table(head, rows);
    l.header_size = TABLE_SIZE;
}

/// A list of lines, each a wrapped paragraph; « — » when there are none.
fn lines(l: &mut Layout, items: impl Iterator<Item = String>) {
    let mut any = false;
    for s in items {
        l.paragraph(&s, false, 9.5, 0.0, BLACK);
        l.space(0.8);
        any = true;
    }
    if !any {
        l.paragraph("—", false, 9.5, 0.0, BLACK);
    }
}

struct Draw<'a> {
    q: &'a Questionnaire,
    ws: &'a Workspace,
    /// The groups the filter keeps.
    groups: &'a [usize],
    lang: Lang,
    title_of: TitleOf<'a>,
}

impl Draw<'_> {
    fn who(&self, g: usize) -> String {
        words::who(self.q, &self.ws.groups[g].member().file, self.lang)
    }

    fn whos(&self, groups: &[usize]) -> String {
        groups
            .iter()
            .map(|&g| self.who(g))
            .collect::<Vec<_>>()
            .join(crate::present::list_sep(self.lang))
    }

    fn head(&self, l: &mut Layout, filter: &Filter, generated: NaiveDate) {
        let (q, lang, ws) = (self.q, self.lang, self.ws);
        l.paragraph(words::title(lang), true, 16.0, 0.0, BLACK);
        l.paragraph(
            &format!("{} — version {}", q.title.get(lang.code()), q.version),
            false,
            9.5,
            0.0,
            GREY,
        );
        l.space(2.0);
        l.field(
            generated_label(lang),
            &date::written(generated, lang),
            LABEL_W,
        );
        l.paragraph(
            &words::kept_line(q, ws, filter, lang),
            true,
            10.5,
            0.0,
            BLACK,
        );
        if !ws.duplicates.is_empty() {
            l.paragraph(
                &words::duplicates(ws.duplicates.len(), lang),
                false,
                9.5,
                0.0,
                BLACK,
            );
            for (name, g) in &ws.duplicates {
                l.paragraph(&labelled(lang, name, &self.who(*g)), false, 8.5, 4.0, GREY);
            }
        }
        let versioned: Vec<usize> = (0..ws.groups.len())
            .filter(|&g| ws.groups[g].versions.len() > 1)
            .collect();
        if !versioned.is_empty() {
            l.paragraph(words::versions_title(lang), false, 9.5, 0.0, BLACK);
            for g in versioned {
                l.paragraph(
                    &labelled(
                        lang,
                        &self.who(g),
                        &words::version_kept(&ws.groups[g], lang),
                    ),
                    false,
                    8.5,
                    4.0,
                    GREY,
                );
            }
        }
        if !ws.refused.is_empty() {
            l.paragraph(
                &format!("{} ({})", words::refused_title(lang), ws.refused.len()),
                false,
                9.5,
                0.0,
                BLACK,
            );
            for r in &ws.refused {
                l.paragraph(
                    &labelled(
                        lang,
                        &r.source,
                        &words::refusal(&r.why, lang, self.title_of),
                    ),
                    false,
                    8.5,
                    4.0,
                    GREY,
                );
            }
        }
        l.space(1.0);
        l.rule();
    }

    /// The bands and how many assessments each holds (the unrated only when there are some).
    fn bands(&self, l: &mut Layout, bands: &[BandCount]) {
        l.heading(words::bands_title(self.lang), 12.0, true);
        let total = self.groups.len();
        for b in bands
            .iter()
            .filter(|b| b.band.is_some() || !b.groups.is_empty())
        {
            let line = labelled(
                self.lang,
                &band_name(self.q, b.band.as_deref(), self.lang),
                &words::count(b.groups.len(), total, self.lang),
            );
            l.paragraph(&line, false, 9.5, 0.0, BLACK);
        }
    }

    fn matrix(&self, l: &mut Layout, generated: NaiveDate) {
        let (q, lang) = (self.q, self.lang);
        let until = generated + chrono::Days::new(REVIEW_HORIZON_DAYS);
        let m = matrix(q, self.ws, self.groups, until);
        // A capacity self-assessment is indicative: said next to every rating.
        let indicative = q.self_assessment;
        if indicative {
            l.paragraph(words::indicative(lang), false, 9.5, 0.0, BLACK);
        }
        self.bands(l, &m.bands);
        l.heading(words::unmet_title(q, lang), 12.0, true);
        lines(
            l,
            m.unmet
                .iter()
                .enumerate()
                .map(|(n, u)| format!("{}. {}", n + 1, words::unmet_line(q, u, lang))),
        );
        if !m.rows.is_empty() {
            // The matrix gets landscape pages: one column per standard.
            l.landscape(true);
            l.heading(words::matrix_title(q, lang), 12.0, true);
            if indicative {
                l.paragraph(words::indicative(lang), false, 8.0, 0.0, GREY);
            }
            l.paragraph(&words::unmet_legend(lang), false, 8.0, 0.0, GREY);
            l.space(1.0);
            // The confirmed band's column only when some assessment was reviewed.
            let reviewed = m.rows.iter().any(|r| r.official_band.is_some());
            let bands = if reviewed { 2.0 } else { 1.0 };
            let room = l.content_w() - WHO_W - bands * BAND_W;
            let per_table = ((room / MIN_COLUMN_W).floor() as usize).max(1);
            let chunks = m.columns.len().div_ceil(per_table).max(1);
            let per_table = m.columns.len().div_ceil(chunks).max(1);
            for (k, cols) in m.columns.chunks(per_table).enumerate() {
                let first = k * per_table;
                let col_w = room / cols.len() as f32;
                let mut head = vec![
                    (words::who_heading(q, lang).to_owned(), WHO_W),
                    (
                        if indicative {
                            self_assessed_label(lang)
                        } else {
                            words::result_heading(lang)
                        }
                        .to_owned(),
                        BAND_W,
                    ),
                ];
                if reviewed {
                    head.push((confirmed_label(lang).to_owned(), BAND_W));
                }
                head.extend(
                    cols.iter()
                        .map(|c| (words::column(q, &c.item, lang), col_w)),
                );
                let rows: Vec<Vec<String>> = m
                    .rows
                    .iter()
                    .map(|r| {
                        let mut row =
                            vec![self.who(r.group), band_name(q, r.band.as_deref(), lang)];
                        if reviewed {
                            row.push(
                                r.official_band
                                    .as_deref()
                                    .map_or_else(String::new, |b| band_name(q, Some(b), lang)),
                            );
                        }
                        row.extend(cols.iter().enumerate().map(|(i, c)| {
                            let cell = &r.cells[first + i];
                            let text = words::cell(q, &c.item, cell, lang);
                            if cell.unmet {
                                format!("{} {text}", words::unmet_mark())
                            } else {
                                text
                            }
                        }));
                        row
                    })
                    .collect();
                table(l, &head, &rows);
            }
        }
        if !m.review_due.is_empty() {
            l.landscape(false);
            l.heading(words::review_due_title(lang), 12.0, true);
            for (g, d) in &m.review_due {
                l.field(&date::written(*d, lang), &self.who(*g), LABEL_W);
            }
        }
    }

    fn register(&self, l: &mut Layout) {
        let (q, lang) = (self.q, self.lang);
        let r = register(q, self.ws, self.groups);
        let total = self.groups.len();
        self.bands(l, &r.bands);
        l.heading(words::register_title(lang), 12.0, true);
        let w = l.content_w();
        let head: Vec<(String, f32)> = words::register_columns(lang)
            .iter()
            .zip([0.34, 0.12, 0.24, 0.30])
            .map(|(h, share)| ((*h).to_owned(), w * share))
            .collect();
        let rows: Vec<Vec<String>> = r
            .risks
            .iter()
            .map(|k| {
                vec![
                    words::column(q, &k.item, lang),
                    words::count(k.groups.len(), total, lang),
                    words::residual_bands(q, k, lang),
                    k.highest.as_ref().map_or_else(String::new, |(score, at)| {
                        labelled(lang, &score.to_string(), &self.whos(at))
                    }),
                ]
            })
            .collect();
        table(l, &head, &rows);
        if let Rule::RiskMatrix(rule) = &q.scoring.rule {
            l.heading_kept(
                words::heat_title(lang),
                12.0,
                true,
                super::heat_height(rule),
            );
            heat_grid(l, rule, lang, |li, ii| {
                r.heat
                    .get(li - 1)
                    .and_then(|row| row.get(ii - 1))
                    .map_or(0, Vec::len)
            });
        }
        l.heading(words::missing_title(lang), 12.0, true);
        lines(
            l,
            r.missing
                .iter()
                .map(|m| words::missing_line(q, m, total, lang)),
        );
    }

    fn class(&self, l: &mut Layout) {
        let (q, lang, ws) = (self.q, self.lang, self.ws);
        let c = class(q, ws, self.groups);
        l.heading(words::class_title(lang), 12.0, true);
        let w = l.content_w();
        let head = vec![
            (words::who_heading(q, lang).to_owned(), w * 0.55),
            (words::result_heading(lang).to_owned(), w * 0.45),
        ];
        let rows: Vec<Vec<String>> = c
            .attempts
            .iter()
            .map(|a| {
                vec![
                    self.who(a.group),
                    score_line(&ws.groups[a.group].member().outcome, lang),
                ]
            })
            .collect();
        table(l, &head, &rows);
        l.paragraph(
            &words::passed_count(c.passed.len(), c.not_passed.len(), c.incomplete.len(), lang),
            true,
            9.5,
            0.0,
            BLACK,
        );
        if !c.pairs.is_empty() {
            l.heading(words::pairs_title(lang), 12.0, true);
            for p in &c.pairs {
                l.paragraph(&words::pair_line(q, ws, p, lang), false, 9.5, 0.0, BLACK);
            }
        }
        l.heading(words::missed_title(lang), 12.0, true);
        lines(l, c.missed.iter().map(|m| words::missed_line(q, m, lang)));
    }
}

//! Reports: a rated assessment, a risk register with its heat matrix, or a quiz result, each
//! with the action plan, and a coordinator's consolidated report ([`workspace`]). Two steps,
//! each the same natively and in the browser:
//! - the layout (plain Rust, no PDF library): [`lay_out_with`] and
//!   [`workspace::lay_out`] give a [`Sheet`], pages of text lines, rules and boxes measured
//!   with the embedded fonts' advances ([`metrics`]). The browser runs this on the page;
//! - the PDF ([`pdf::write`], feature `pdf`): printpdf writes the sheet. The browser's PDF
//!   worker runs only this, so it carries no questionnaire parser, scoring or layout.
//!
//! Deterministic: the generation date is passed in (never read from a clock here) and every
//! id printpdf would draw from its global counter is fixed, so the same inputs give the same
//! bytes. Every character the user typed is drawn with an embedded font; a character no font
//! has is drawn as "?" and listed in [`Sheet::missing`] for the user to see.

#[cfg(feature = "pdf")]
mod fonts;
mod layout;
pub mod metrics;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod sheet;
pub mod workspace;

use chrono::{Datelike, NaiveDate};

#[cfg(feature = "pdf")]
pub use pdf::Report;

use crate::engine::answers::AnswersFile;
use crate::engine::compare::compare;
use crate::engine::condition::visible_items;
use crate::engine::model::*;
use crate::engine::plan;
use crate::engine::review;
use crate::engine::scoring::{score, Effect, Outcome};
use crate::present::answer::{
    item_statement, person_label, problem_text, quiz_answer_line, quiz_feedback,
};
use crate::present::date::{self, written as french_date};
use crate::present::follow_up;
use crate::present::outcome::{
    band_legend, band_range, heat_colour, item_points, pass_mark, result_status,
    review_before_label, review_before_text, score_label, score_of, self_assessment_notice,
    source_lines, uncapped, valid_until, HEAT_IMPOSSIBLE,
};
use crate::present::risk as present_risk;
use crate::present::{labelled, list_sep, placement, t, Lang};
use layout::{line_h, Layout, BLACK, CONTENT_W, GREY, MARGIN};
use sheet::Sheet;

/// An earlier assessment the report compares with: its answers file, placed against `q`
/// (the questionnaire version it was made for when the caller has it, else the report's).
#[derive(Clone, Copy)]
pub struct Baseline<'a> {
    pub q: &'a Questionnaire,
    pub file: &'a AnswersFile,
}

/// The PDF report of `file` scored against `q`, in `lang`, dated `generated`.
#[cfg(feature = "pdf")]
pub fn build(q: &Questionnaire, file: &AnswersFile, lang: Lang, generated: NaiveDate) -> Report {
    build_with(q, file, None, lang, generated)
}

/// [`build`], with a « Suivi » section comparing `file` with `baseline` when one is given.
#[cfg(feature = "pdf")]
pub fn build_with(
    q: &Questionnaire,
    file: &AnswersFile,
    baseline: Option<Baseline>,
    lang: Lang,
    generated: NaiveDate,
) -> Report {
    pdf::write(&lay_out_with(q, file, baseline, lang, generated))
}

/// The report of `file` scored against `q` laid out, with a « Suivi » section comparing it
/// with `baseline` when one is given (action due dates read against `generated`).
pub fn lay_out_with(
    q: &Questionnaire,
    file: &AnswersFile,
    baseline: Option<Baseline>,
    lang: Lang,
    generated: NaiveDate,
) -> Sheet {
    let outcome = score(q, file);
    let title = document_title(q, file, lang);
    lay_out(&title, &file.assessment.assessor, q, lang, generated, |l| {
        let ctx = Ctx {
            q,
            file,
            lang,
            outcome: &outcome,
            visible: visible_items(q, file)
                .iter()
                .map(|i| i.id.clone())
                .collect(),
            today: generated,
        };
        ctx.header(l, generated);
        ctx.summary(l);
        ctx.review(l);
        if let Some(b) = baseline {
            ctx.follow_up(l, b);
        }
        match &q.scoring.rule {
            Rule::RiskMatrix(r) => ctx.risks(l, r),
            Rule::Quiz(_) => ctx.quiz(l),
            _ => ctx.standards(l),
        }
        if !matches!(q.scoring.rule, Rule::Quiz(_)) {
            ctx.action_plan(l);
        }
        ctx.set_aside(l);
    })
}

/// The pages `draw` lays out, with the footer on every page (page n / total, generation
/// date, program version, questionnaire id and version) and the document's details.
fn lay_out(
    title: &str,
    author: &str,
    q: &Questionnaire,
    lang: Lang,
    generated: NaiveDate,
    draw: impl FnOnce(&mut Layout),
) -> Sheet {
    let mut l = Layout::new();
    draw(&mut l);
    let footer_date = french_date(generated, lang);
    let version = env!("CARGO_PKG_VERSION");
    let (pages, bookmarks, missing) = l.finish(|n, total| {
        format!(
            "{} {n} / {total} — {} {footer_date} — psea-assess {version} — {} {}",
            t(lang, "Page", "Page"),
            t(lang, "généré le", "generated on"),
            q.id,
            q.version
        )
    });
    Sheet {
        title: title.to_owned(),
        author: author.to_owned(),
        creator: format!("psea-assess {version}"),
        day: format!(
            "{:04}{:02}{:02}",
            generated.year(),
            generated.month(),
            generated.day()
        ),
        stamp: generated
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc().timestamp())
            .unwrap_or(0),
        pages,
        bookmarks,
        missing: missing.into_iter().collect(),
    }
}

/// « Questionnaire – Organisation », or the questionnaire alone when no organisation is given.
pub fn document_title(q: &Questionnaire, file: &AnswersFile, lang: Lang) -> String {
    let title = q.title.get(lang.code());
    match file.assessment.organisation.trim() {
        "" => title.to_owned(),
        org => format!("{title} – {org}"),
    }
}

/// The report of texts, laid out: the questionnaire's TOML, the answers JSON, when given the
/// baseline's answers JSON, the language code and the date (YYYY-MM-DD); see [`sheet_of`]. A
/// failure is said in that language.
pub fn sheet_from_texts(
    questionnaire: &str,
    answers: &str,
    baseline: Option<&str>,
    lang: &str,
    date: &str,
) -> Result<Sheet, String> {
    let lang = if lang == "en" { Lang::En } else { Lang::Fr };
    let q = load_questionnaire(questionnaire, lang)?;
    let file = AnswersFile::from_json(answers)
        .map_err(|e| crate::present::message::answers_error(&e, lang))?;
    let before = baseline
        .map(|text| AnswersFile::from_json(text).map_err(|e| in_baseline(&e, lang)))
        .transpose()?;
    let date = parse_date(date, lang)?;
    sheet_of(&q, file, before, lang, date)
}

/// The report of `file` laid out, placed against `q` first (answers for items `q` no longer
/// has are set aside and listed); with `baseline`, placed the same way (a baseline made with
/// another version keeps the rating it recorded), the report gets its « Suivi » section. What
/// the results page runs with the assessment it holds, before the PDF worker writes the sheet.
pub fn sheet_of(
    q: &Questionnaire,
    file: AnswersFile,
    baseline: Option<AnswersFile>,
    lang: Lang,
    date: NaiveDate,
) -> Result<Sheet, String> {
    let (file, _) = crate::engine::answers::place(q, file)
        .map_err(|e| crate::present::message::answers_error(&e, lang))?;
    let before = match baseline {
        Some(b) => Some(
            crate::engine::answers::place(q, b)
                .map_err(|e| in_baseline(&e, lang))?
                .0,
        ),
        None => None,
    };
    let before = before.as_ref().map(|file| Baseline { q, file });
    Ok(lay_out_with(q, &file, before, lang, date))
}

/// A problem with the baseline's answers file, said as such.
fn in_baseline(e: &crate::engine::answers::AnswersError, lang: Lang) -> String {
    labelled(
        lang,
        t(lang, "évaluation de départ", "baseline"),
        &crate::present::message::answers_error(e, lang),
    )
}

/// The questionnaire's TOML read for a report; a failure said in `lang`.
fn load_questionnaire(text: &str, lang: Lang) -> Result<Questionnaire, String> {
    crate::engine::load(text).map_err(|d| {
        let (n, first) = (d.len(), d[0].text(lang));
        match lang {
            Lang::Fr => format!("questionnaire\u{a0}: {n} erreur(s), la première\u{a0}: {first}"),
            Lang::En => format!("questionnaire: {n} error(s), first: {first}"),
        }
    })
}

/// A report's date as the browser gives it (YYYY-MM-DD); a failure said in `lang`.
fn parse_date(date: &str, lang: Lang) -> Result<NaiveDate, String> {
    date::from_iso(date)
        .ok_or_else(|| labelled(lang, t(lang, "date illisible", "not a date"), date))
}

/// « Rapport généré le », the label of a report's date.
fn generated_label(lang: Lang) -> &'static str {
    t(lang, "Rapport généré le", "Report generated on")
}

struct Ctx<'a> {
    q: &'a Questionnaire,
    file: &'a AnswersFile,
    lang: Lang,
    outcome: &'a Outcome,
    visible: Vec<String>,
    /// The day action due dates are read against: the generation date.
    today: NaiveDate,
}

const LABEL_W: f32 = 42.0;
/// The review's labels: « Note confirmée par l’examen ».
const REVIEW_W: f32 = 68.0;
/// The header's labels: "To be reviewed before" needs more than [`LABEL_W`].
const HEAD_W: f32 = 48.0;

impl Ctx<'_> {
    fn l(&self) -> &'static str {
        self.lang.code()
    }

    fn tr(&self, fr: &'static str, en: &'static str) -> &'static str {
        t(self.lang, fr, en)
    }

    /// A table's columns: (French, English, width in mm) each.
    fn columns(&self, spec: &[(&'static str, &'static str, f32)]) -> Vec<(String, f32)> {
        spec.iter()
            .map(|&(fr, en, w)| (self.tr(fr, en).to_owned(), w))
            .collect()
    }

    fn header(&self, l: &mut Layout, generated: NaiveDate) {
        let q = self.q;
        l.paragraph(q.title.get(self.l()), true, 16.0, 0.0, BLACK);
        // A quiz is a training exercise: no assessment, no "verified rule" badge.
        let quiz = matches!(q.scoring.rule, Rule::Quiz(_));
        let status = match (quiz, q.scoring.status) {
            (true, _) => String::new(),
            (false, RuleStatus::Verified) => {
                format!(" — {}", self.tr("règle vérifiée", "verified rule"))
            }
            (false, RuleStatus::Provisional) => {
                format!(" — {}", self.tr("règle PROVISOIRE", "PROVISIONAL rule"))
            }
        };
        let kind = if quiz {
            self.tr("Résultat du quiz", "Quiz result")
        } else {
            self.tr("Rapport d’évaluation", "Assessment report")
        };
        l.paragraph(
            &format!("{kind} — version {}{status}", q.version),
            false,
            9.5,
            0.0,
            GREY,
        );
        l.space(2.0);
        let a = &self.file.assessment;
        let none = self.tr("non renseigné", "not given");
        let or_none = |s: &str| {
            if s.trim().is_empty() {
                none.to_owned()
            } else {
                s.to_owned()
            }
        };
        l.field(
            self.tr("Organisation", "Organisation"),
            &or_none(&a.organisation),
            HEAD_W,
        );
        l.field(person_label(q, self.lang), &or_none(&a.assessor), HEAD_W);
        l.field(self.tr("Lieu", "Place"), &or_none(&a.place), HEAD_W);
        l.field(
            self.tr("Date", "Date"),
            &a.date
                .map_or_else(|| none.to_owned(), |d| french_date(d, self.lang)),
            HEAD_W,
        );
        if q.validity_years.is_some() && self.outcome.complete {
            let until = valid_until(q, self.file, self.outcome)
                .map_or_else(|| none.to_owned(), |d| review_before_text(q, d, self.lang));
            l.field(review_before_label(self.lang), &until, HEAD_W);
        }
        l.field(
            generated_label(self.lang),
            &french_date(generated, self.lang),
            HEAD_W,
        );
        if let Some(b) = &self.file.baseline {
            l.paragraph(
                &follow_up::follow_up_of(b.date, self.lang),
                true,
                9.5,
                0.0,
                BLACK,
            );
        }
        l.space(1.0);
        l.rule();
    }

    fn summary(&self, l: &mut Layout) {
        let o = self.outcome;
        l.heading(self.tr("Synthèse", "Summary"), 12.0, true);
        if let Some(st) = result_status(self.q, o) {
            l.field(self.tr("Statut", "Status"), st.label.get(self.l()), LABEL_W);
            if let Some(note) = &st.note {
                l.field("", note.get(self.l()), LABEL_W);
            }
        }
        match &o.band {
            Some(b) => {
                l.field(
                    self.tr("Résultat", "Rating"),
                    b.label.get(self.l()),
                    LABEL_W,
                );
                if self.q.self_assessment {
                    l.field("", self_assessment_notice(self.lang), LABEL_W);
                }
                // « Risque d’EAS modéré » says what it is: no « Risque » label before it.
                if let Some(r) = &b.risk {
                    l.field("", r.get(self.l()), LABEL_W);
                }
            }
            None => {
                if let Some((label, value)) = crate::present::outcome::partial_result(o, self.lang)
                {
                    l.field(label, &value, LABEL_W);
                }
            }
        }
        if let Some(v) = score_of(o, self.lang) {
            l.field(score_label(o.rule, self.lang), &v, LABEL_W);
        }
        if let Some(c) = o.context {
            let (label, value) = crate::present::context_flags(c, self.lang);
            l.field(label, &value, LABEL_W);
        }
        if let Some(b) = &o.band {
            l.field(
                self.tr("Niveau", "Band"),
                &format!(
                    "{} ({} {})",
                    band_range(b),
                    self.tr("lu sur", "read on"),
                    o.banded_on.unwrap_or(0)
                ),
                LABEL_W,
            );
            if let Some(adv) = &b.advice {
                l.field(self.tr("Conseil", "Advice"), adv.get(self.l()), LABEL_W);
            }
        }
        self.summary_notes(l);
    }

    /// The rest of the summary: the cap, the quiz verdict, the rule, the sources, and what is
    /// unanswered.
    fn summary_notes(&self, l: &mut Layout) {
        let o = self.outcome;
        if let Some(before) = uncapped(self.q, o, self.lang) {
            let items = self.statements(o.caps.iter().map(|c| c.item.as_str()));
            l.field(
                self.tr("Plafond", "Cap"),
                &format!("{items} ({before})"),
                LABEL_W,
            );
        }
        if let Some(passed) = o.passed {
            let v = if passed {
                self.tr("réussi", "passed")
            } else {
                self.tr("non réussi", "not passed")
            };
            l.field(
                self.tr("Quiz", "Quiz"),
                &format!("{v} ({})", pass_mark(o.pass_mark.unwrap_or(0), self.lang)),
                LABEL_W,
            );
        }
        if let Some(note) = &self.q.scoring.note {
            l.field(self.tr("Règle", "Rule"), note.get(self.l()), LABEL_W);
        }
        // The sources, next to the rule's status, so a reader can trace every rating.
        for (n, line) in source_lines(self.q).iter().enumerate() {
            let label = if n == 0 {
                self.tr("Sources", "Sources")
            } else {
                ""
            };
            l.field(label, line, LABEL_W);
        }
        // One question a line: questions end on « ? » or stop before their colon, which
        // « ; » between them would not suit (« Laquelle ? ; Un·e… »).
        let missing = o.missing.iter().filter_map(|m| {
            let i = self.q.item(&m.item)?;
            let name = item_statement(self.q, i, self.lang);
            Some(crate::present::outcome::missing_entry(
                name, m.scored, self.lang,
            ))
        });
        for (n, statement) in missing.enumerate() {
            let label = if n == 0 {
                self.tr("Sans réponse", "Unanswered")
            } else {
                ""
            };
            l.field(label, &format!("• {statement}"), LABEL_W);
        }
        l.space(2.0);
    }

    /// The items named in full.
    fn statement_list<'i>(&self, ids: impl Iterator<Item = &'i str>) -> Vec<String> {
        ids.filter_map(|id| self.q.item(id))
            .map(|i| item_statement(self.q, i, self.lang))
            .collect()
    }

    /// The items named in full, on one line: « a ; b ».
    fn statements<'i>(&self, ids: impl Iterator<Item = &'i str>) -> String {
        self.statement_list(ids).join(list_sep(self.lang))
    }

    fn shown(&self, item: &Item) -> bool {
        self.visible.iter().any(|v| v == &item.id)
    }

    /// The answer as words ([`crate::present::answer::answer_words`]).
    fn answer_text(&self, item: &Item) -> Option<String> {
        crate::present::answer::answer_words(self.q, self.file, item, self.lang)
    }

    /// What an item's block keeps together: its question and its answer's first line.
    fn item_head_h(&self, l: &Layout, item: &Item) -> f32 {
        l.kept_h(item.text.get(self.l()), true, 9.5, line_h(9.5))
    }

    /// An item with its answer, evidence and comment, as in eTools' report: one block each.
    fn item_block(&self, l: &mut Layout, item: &Item) {
        l.ensure(self.item_head_h(l, item));
        l.paragraph(item.text.get(self.l()), true, 9.5, 0.0, BLACK);
        let res = self.outcome.items.iter().find(|r| r.item == item.id);
        let mut answer = self
            .answer_text(item)
            .unwrap_or_else(|| format!("— ({})", self.tr("sans réponse", "unanswered")));
        // Points explain capacity ratings; a risk's numbers are in the register instead.
        let counted = res.filter(|r| {
            matches!(r.effect, Effect::Counted | Effect::NaMet)
                && !matches!(item.kind, ItemKind::Risk { .. })
        });
        if let Some(r) = counted.filter(|r| r.correct.is_none()) {
            let points = item_points(self.q, &r.item, r.points, r.max, self.lang);
            if let Some(p) = points {
                answer.push_str(&format!(" — {p}"));
            }
        }
        l.field(self.tr("Réponse", "Answer"), &answer, 30.0);
        for p in self.outcome.problems.iter().filter(|p| p.item == item.id) {
            l.field(
                self.tr("Non retenue", "Not counted"),
                &problem_text(self.q, self.file, p, self.lang),
                30.0,
            );
        }
        if let Some(a) = self.file.answers.get(&item.id) {
            if !a.evidence.is_empty() {
                let mut ev: Vec<String> = a
                    .evidence
                    .iter()
                    .filter(|e| e.as_str() != OTHER)
                    .map(|e| {
                        item.evidence
                            .iter()
                            .find(|c| &c.id == e)
                            .map_or_else(|| e.clone(), |c| c.label.get(self.l()).to_owned())
                    })
                    .collect();
                if a.evidence.iter().any(|e| e == OTHER) {
                    ev.push(labelled(
                        self.lang,
                        crate::present::answer::other_label(
                            item.evidence_other_label.as_ref(),
                            self.lang,
                        ),
                        a.evidence_other.as_deref().unwrap_or("—"),
                    ));
                }
                l.field(
                    self.tr("Preuves", "Evidence"),
                    &ev.join(list_sep(self.lang)),
                    30.0,
                );
            }
            if let Some(c) = a.comment.as_deref().filter(|c| !c.trim().is_empty()) {
                l.field(self.tr("Commentaire", "Comment"), c, 30.0);
            }
        }
        l.space(2.0);
    }

    /// Section by section, under the section's title (`heading` size and weight), each shown
    /// item that `keep` keeps, drawn by `draw`; a section with none is left out.
    fn by_section(
        &self,
        l: &mut Layout,
        heading: (f32, bool),
        keep: impl Fn(&Item) -> bool,
        draw: impl Fn(&mut Layout, &Item),
    ) {
        for s in &self.q.sections {
            let items: Vec<&Item> = s
                .items
                .iter()
                .filter(|i| self.shown(i) && keep(i))
                .collect();
            if items.is_empty() {
                continue;
            }
            // A section's title stays with its first question and that one's answer.
            let first = self.item_head_h(l, items[0]);
            l.heading_kept(s.title.get(self.l()), heading.0, heading.1, first);
            for i in items {
                draw(l, i);
            }
        }
    }

    fn standards(&self, l: &mut Layout) {
        self.by_section(l, (11.0, true), |_| true, |l, i| self.item_block(l, i));
    }

    fn quiz(&self, l: &mut Layout) {
        self.by_section(l, (11.0, true), |_| true, |l, i| self.quiz_item(l, i));
    }

    /// A quiz question: the answer with its verdict, the right answer when it was missed, and
    /// the explanation.
    fn quiz_item(&self, l: &mut Layout, i: &Item) {
        l.ensure(self.item_head_h(l, i));
        l.paragraph(i.text.get(self.l()), true, 9.5, 0.0, BLACK);
        let verdict = self
            .outcome
            .items
            .iter()
            .find(|r| r.item == i.id)
            .and_then(|r| r.correct);
        let answer = self.answer_text(i);
        l.field(
            self.tr("Réponse", "Answer"),
            &quiz_answer_line(answer.as_deref(), verdict, self.lang),
            30.0,
        );
        // As in the app: the right answer and the explanation come with a verdict
        // only, never for a question not yet answered and validated.
        if let Some(correct) = verdict {
            let (right, explanation) = quiz_feedback(i, correct, self.lang);
            if let Some(right) = right {
                l.field(self.tr("Bonne réponse", "Right answer"), &right, 30.0);
            }
            if let Some(e) = explanation {
                l.field(self.tr("Explication", "Explanation"), &e, 30.0);
            }
        }
        l.space(2.0);
    }

    fn risks(&self, l: &mut Layout, r: &RiskMatrix) {
        l.heading_kept(
            self.tr("Matrice des risques résiduels", "Residual risk matrix"),
            11.0,
            true,
            heat_height(r),
        );
        self.heat_matrix(l, r);
        l.heading(self.tr("Registre des risques", "Risk register"), 11.0, true);
        let cols = self.columns(&[
            ("N°", "No.", 9.0),
            ("Risque", "Risk", 50.0),
            ("Inhérent", "Inherent", 30.0),
            ("Mesures", "Measures", 52.0),
            ("Résiduel", "Residual", CONTENT_W - 141.0),
        ]);
        let lang = self.lang;
        let rows: Vec<Vec<String>> = self
            .outcome
            .risks
            .iter()
            .map(|k| {
                let item = self.q.item(&k.item);
                let mut risk = item.map_or_else(String::new, |i| i.text.get(self.l()).to_owned());
                if let Some(c) = present_risk::category(r, k) {
                    risk = format!("{risk} [{}]", c.label.get(self.l()));
                }
                let measures = present_risk::measures(self.q, k, lang);
                let mut residual = format!(
                    "{} {}",
                    self.tr("calculé", "computed"),
                    present_risk::computed(r, k, lang)
                );
                if k.override_used {
                    residual = format!(
                        "{residual}\n{} {}",
                        self.tr("retenu", "retained"),
                        present_risk::retained(r, k, lang)
                    );
                }
                vec![
                    k.rank.to_string(),
                    risk,
                    present_risk::inherent(r, k, lang),
                    if measures.is_empty() {
                        "—".into()
                    } else {
                        measures.join(list_sep(self.lang))
                    },
                    residual,
                ]
            })
            .collect();
        l.table(&cols, &rows);
        let mut notes: Vec<String> = r
            .categories
            .iter()
            .filter_map(|c| {
                let floor = c.impact_floor?;
                Some(format!(
                    "{} {} ({}).",
                    self.tr("Impact compté au moins", "Impact counted at least"),
                    floor,
                    c.floor_label.as_ref().map_or("", |f| f.get(self.l()))
                ))
            })
            .collect();
        if let (Some(f), true) = (r.impact_floor, r.categories.is_empty()) {
            notes.push(format!(
                "{} {f}.",
                self.tr("Impact compté au moins", "Impact counted at least")
            ));
        }
        notes.extend(present_risk::bound_note(r, lang).map(|n| format!("{n}.")));
        for c in &r.categories {
            if let Some(e) = &c.escalation {
                notes.push(labelled(
                    lang,
                    &format!(
                        "{} {}",
                        self.tr("Escalade", "Escalation"),
                        c.label.get(self.l())
                    ),
                    e.get(self.l()),
                ));
            }
        }
        for n in notes {
            l.paragraph(&n, false, 8.0, 0.0, GREY);
        }
        // Context answers and comments, section by section.
        let commented = |i: &Item| {
            !matches!(i.kind, ItemKind::Risk { .. })
                || self
                    .file
                    .answers
                    .get(&i.id)
                    .is_some_and(|a| a.comment.as_deref().is_some_and(|c| !c.trim().is_empty()))
        };
        self.by_section(l, (10.5, false), commented, |l, i| self.item_block(l, i));
    }

    fn heat_matrix(&self, l: &mut Layout, r: &RiskMatrix) {
        heat_grid(l, r, self.lang, |li, ii| {
            self.outcome
                .risks
                .iter()
                .filter(|k| {
                    usize::from(k.residual_likelihood) == li && usize::from(k.residual_impact) == ii
                })
                .count()
        });
    }

    /// The reviewer's part: the self-assessed and the confirmed band side by side, the
    /// determination, and each disagreement (in words, never by colour alone).
    fn review(&self, l: &mut Layout) {
        let Some(review) = &self.file.review else {
            return;
        };
        l.heading(self.tr("Examen", "Review"), 12.0, true);
        let band = |o: &Outcome| {
            follow_up::band_name(self.q, o.band.as_ref().map(|b| b.id.as_str()), self.lang)
        };
        l.field(
            follow_up::self_assessed_label(self.lang),
            &band(self.outcome),
            REVIEW_W,
        );
        if let Some(official) = review::official(self.q, self.file) {
            l.field(
                follow_up::confirmed_label(self.lang),
                &band(&official),
                REVIEW_W,
            );
        }
        if let Some(d) = &review.determination {
            l.paragraph(
                &follow_up::determination(d, self.lang),
                false,
                9.5,
                0.0,
                BLACK,
            );
        }
        for d in review::disagreements(self.q, self.file) {
            l.paragraph(
                &format!("! {}", follow_up::disagreement(self.q, &d, self.lang)),
                true,
                9.5,
                0.0,
                BLACK,
            );
        }
        l.space(2.0);
    }

    /// « Suivi »: the comparison with the baseline, worded once by
    /// [`follow_up::text`] (the command line prints the same lines).
    fn follow_up(&self, l: &mut Layout, b: Baseline) {
        let Ok(c) = compare(b.q, b.file, self.q, self.file, self.today) else {
            return;
        };
        let text = follow_up::text(b.q, self.q, &c, self.lang);
        let mut lines = text.lines();
        if let Some(title) = lines.next() {
            l.heading(title, 12.0, true);
        }
        let mut after_blank = false;
        for line in lines {
            // A line after a blank one heads what follows it.
            match line.strip_prefix("- ") {
                _ if line.is_empty() => l.space(1.5),
                Some(entry) => l.paragraph(&format!("• {entry}"), false, 9.0, 4.0, BLACK),
                None => l.paragraph(line, after_blank, 9.5, 0.0, BLACK),
            }
            after_blank = line.is_empty();
        }
        l.space(2.0);
    }

    fn action_plan(&self, l: &mut Layout) {
        let mut entries = self.file.action_plan.clone();
        entries.extend(plan::draft(self.q, self.outcome, &entries, self.l()));
        l.heading(self.tr("Plan d’action", "Action plan"), 12.0, true);
        if !self.file.action_plan.is_empty() {
            let (done, total, late) =
                crate::engine::follow_up::progress(&self.file.action_plan, self.today);
            l.paragraph(
                &follow_up::progress(done, total, late, self.lang),
                false,
                9.5,
                0.0,
                BLACK,
            );
        }
        if entries.is_empty() {
            l.paragraph(
                crate::present::plan::nothing_to_plan(self.q, self.lang),
                false,
                9.5,
                0.0,
                BLACK,
            );
            return;
        }
        let mut cols = self.columns(&[
            ("", "", 48.0),
            ("Action", "Action", 55.0),
            // Wide enough for « Chargée de communication » cut at its spaces.
            ("Responsable", "Owner", 29.0),
            // Wide enough for « 12 sept. 2026 » on one line.
            ("Échéance", "Due", 25.0),
            ("Statut", "Status", CONTENT_W - 157.0),
        ]);
        cols[0].0 = crate::present::plan::gap_label(self.q, self.lang).to_owned();
        let rows: Vec<Vec<String>> = entries
            .iter()
            .map(|e| {
                vec![
                    crate::present::plan::gap(self.q, e, self.lang),
                    crate::present::plan::action(self.q, e, self.lang),
                    if e.owner.is_empty() {
                        "—".into()
                    } else {
                        e.owner.clone()
                    },
                    // A late entry is flagged under its due date, in words.
                    match e.due {
                        None => "—".into(),
                        Some(d) if crate::engine::follow_up::is_late(e, self.today) => format!(
                            "{}\n! {}",
                            date::short(d, self.lang),
                            follow_up::late_flag(self.lang)
                        ),
                        Some(d) => date::short(d, self.lang),
                    },
                    follow_up::status(e.status, self.lang).into(),
                ]
            })
            .collect();
        l.table(&cols, &rows);
    }

    /// Answers kept aside after a questionnaire revision: printed so nothing typed is lost.
    fn set_aside(&self, l: &mut Layout) {
        if self.file.unplaced.is_empty() {
            return;
        }
        l.heading(placement::title(self.lang), 11.0, true);
        for (key, line) in placement::unplaced(self.file, self.lang) {
            l.field(&key, &line, LABEL_W);
        }
    }
}

const HEAT_CELL_H: f32 = 11.0;

/// The height the heat matrix takes with its axes and legend (it is never split; its heading
/// is kept with it).
pub(crate) fn heat_height(r: &RiskMatrix) -> f32 {
    r.likelihood.len() as f32 * HEAT_CELL_H + 40.0
}

/// The heat matrix of a risk rule: one cell per likelihood × impact, coloured by its band,
/// with the number of risks rated there (`count(likelihood, impact)`, 1-based) drawn in it
/// and the L × I score, so that colour is never the only signal; then the legend.
fn heat_grid(l: &mut Layout, r: &RiskMatrix, lang: Lang, count: impl Fn(usize, usize) -> usize) {
    let (lp, ip) = (r.likelihood.len(), r.impact.len());
    let cell = (CONTENT_W - 48.0) / ip as f32;
    let cell_h = HEAT_CELL_H;
    l.ensure(heat_height(r));
    l.paragraph(crate::present::risk::heat_axes(lang), true, 8.0, 0.0, GREY);
    l.space(1.0);
    let x0 = MARGIN + 44.0;
    let top = l.y;
    let floor = r.min_floor();
    let rgb = |(r, g, b): (u8, u8, u8)| {
        (
            f32::from(r) / 255.0,
            f32::from(g) / 255.0,
            f32::from(b) / 255.0,
        )
    };
    let color = |score: i64| rgb(heat_colour(&r.bands, score));
    for li in (1..=lp).rev() {
        let row_top = top - (lp - li) as f32 * cell_h;
        let label = format!("{} {}", li, r.likelihood[li - 1].get(lang.code()));
        l.text_at(MARGIN, row_top - 3.5, &label, false, 7.5, BLACK);
        for ii in 1..=ip {
            let x = x0 + (ii - 1) as f32 * cell;
            let score = (li * ii) as i64;
            let count = count(li, ii);
            let possible = ii as u8 >= floor || count > 0;
            l.rect(
                x,
                row_top,
                cell,
                cell_h,
                Some(if possible {
                    color(score)
                } else {
                    rgb(HEAT_IMPOSSIBLE)
                }),
            );
            l.text_at(x + 1.0, row_top - 0.8, &score.to_string(), false, 6.0, GREY);
            if count > 0 {
                l.text_at(
                    x + cell / 2.0 - 2.0,
                    row_top - 3.0,
                    &count.to_string(),
                    true,
                    11.0,
                    BLACK,
                );
            } else if !possible {
                l.text_at(x + cell / 2.0 - 1.5, row_top - 3.5, "—", false, 9.0, GREY);
            }
        }
    }
    let bottom = top - lp as f32 * cell_h;
    for ii in 1..=ip {
        let x = x0 + (ii - 1) as f32 * cell;
        let label = format!("{} {}", ii, r.impact[ii - 1].get(lang.code()));
        for (k, line) in l.wrap(&label, false, 7.0, cell - 1.0).iter().enumerate() {
            l.text_at(
                x + 0.5,
                bottom - 1.0 - k as f32 * line_h(7.0),
                line,
                false,
                7.0,
                BLACK,
            );
        }
    }
    l.y = bottom - 9.0;
    let legend = band_legend(&r.bands, lang);
    l.paragraph(
        &format!(
            "{} {}. {}",
            t(
                lang,
                "Chaque case\u{a0}: nombre de risques (gras) et score P × I (petit). Bandes\u{a0}:",
                "Each cell: number of risks (bold) and L × I score (small). Bands:"
            ),
            legend.join(list_sep(lang)),
            if floor > 1 {
                t(
                    lang,
                    "«\u{a0}—\u{a0}»\u{a0}: impossible avec le plancher d’impact.",
                    "“—”: impossible with the impact floor.",
                )
            } else {
                ""
            }
        ),
        false,
        8.0,
        0.0,
        GREY,
    );
    l.space(2.0);
}

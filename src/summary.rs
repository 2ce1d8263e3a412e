//! Plain-text rendering of an [`Outcome`], in French or English: what `psea-assess score`
//! prints. French typography: no-break space before `:` and inside « ».

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::engine::answers::{AnswersFile, Placement};
use crate::engine::model::*;
use crate::engine::scoring::{Effect, Outcome};

pub use crate::present::Lang;
use crate::present::{quoted as quote, risk as present_risk, t};

/// The colon without its trailing space (callers write `{label}{c} {value}`).
fn colon(lang: Lang) -> &'static str {
    crate::present::colon(lang).trim_end()
}

/// Between items of a list on one line: « a ; b » in French (narrow no-break space).
pub fn list_sep(lang: Lang) -> &'static str {
    t(lang, "\u{202f}; ", "; ")
}

/// What a capacity self-assessment says wherever its rating is shown: the partner rates
/// itself, the agency (or its assessor) decides the official rating (UN common assessment,
/// components 2 and 5; UNICEF procedure for PSEA assessment of CSO partners, 2019).
pub fn self_assessment_notice(lang: Lang) -> &'static str {
    t(
        lang,
        "Auto-évaluation — notation indicative\u{202f}; la notation officielle est celle de l’agence",
        "Self-assessment — indicative rating; the official rating is the agency’s",
    )
}

/// The label of the date by which an assessment is to be reviewed. Not "valid until": a
/// self-assessment is not a rating that a reviewer confirmed.
pub fn review_before_label(lang: Lang) -> &'static str {
    t(lang, "À revoir avant le", "To be reviewed before")
}

/// Said after the review date when the questionnaire marks its period as unconfirmed.
pub fn provisional_period(lang: Lang) -> &'static str {
    t(
        lang,
        "durée PROVISOIRE, non confirmée par la source",
        "PROVISIONAL period, not confirmed by the source",
    )
}

/// The review date with its caveat: « 1er mars 2031 (durée PROVISOIRE, …) ».
pub fn review_before_text(q: &Questionnaire, d: NaiveDate, lang: Lang) -> String {
    let date = french_date(d, lang);
    if q.validity_provisional {
        format!("{date} ({})", provisional_period(lang))
    } else {
        date
    }
}

/// A problem with an answer, in `lang` when the engine's message is one we word: the refused
/// N/A is the one a user meets in normal use (UN standard 8 after an allegation).
pub fn problem_text(message: &str, lang: Lang) -> String {
    if message == crate::engine::scoring::NA_REFUSED {
        t(
            lang,
            "«\u{a0}sans objet\u{a0}» n’est accepté ici que sous sa condition (par exemple aucune allégation reçue)\u{202f}; répondre à la question",
            "“not applicable” is accepted here only under its condition (e.g. no allegation received); answer the question",
        )
        .to_owned()
    } else {
        message.to_owned()
    }
}

/// The result status that holds, if any.
pub fn result_status<'q>(q: &'q Questionnaire, o: &Outcome) -> Option<&'q ResultStatus> {
    o.result_status
        .as_ref()
        .and_then(|id| q.statuses.iter().find(|s| &s.id == id))
}

/// Each source as one line of text: « title — address ». Addresses are text, never links.
pub fn source_lines(q: &Questionnaire) -> Vec<String> {
    q.sources
        .iter()
        .map(|s| match &s.url {
            Some(u) => format!("{} — {u}", s.title),
            None => s.title.clone(),
        })
        .collect()
}

fn rule_name(rule: &str, lang: Lang) -> &'static str {
    match rule {
        "weighted_sum" => t(lang, "somme pondérée", "weighted sum"),
        "count_met" => t(
            lang,
            "nombre de normes respectées",
            "count of standards met",
        ),
        "risk_matrix" => t(
            lang,
            "matrice probabilité × impact",
            "likelihood × impact matrix",
        ),
        "flag_count" => t(lang, "nombre de signaux de risque", "count of risk flags"),
        _ => t(lang, "quiz", "quiz"),
    }
}

/// Who filled it in: the participant of a quiz, else the assessor.
pub fn person_label(q: &Questionnaire, lang: Lang) -> &'static str {
    if matches!(q.scoring.rule, Rule::Quiz(_)) {
        t(lang, "Participant·e", "Participant")
    } else {
        t(lang, "Évaluateur·rice", "Assessor")
    }
}

/// The label of an answer id for an item: the choice label, or yes/no/N/A words.
pub fn answer_label(item: &Item, answer: &str, lang: Lang) -> String {
    let l = lang.code();
    let from = |cs: &[Choice]| {
        cs.iter()
            .find(|c| c.id == answer)
            .map(|c| c.label.get(l).to_owned())
    };
    let found = match &item.kind {
        ItemKind::Scale { choices, .. } | ItemKind::Choice { choices } => from(choices),
        ItemKind::Checklist { options, .. } => Some(
            answer
                .split(',')
                .filter(|a| !a.is_empty())
                .map(|a| {
                    options
                        .iter()
                        .find(|c| c.id == a)
                        .map_or_else(|| a.to_owned(), |c| c.label.get(l).to_owned())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    found.unwrap_or_else(|| {
        match answer {
            YES => t(lang, "oui", "yes"),
            NO => t(lang, "non", "no"),
            PARTIAL => t(lang, "partiellement", "partly"),
            NA => t(lang, "sans objet", "not applicable"),
            "true" => t(lang, "vrai", "true"),
            "false" => t(lang, "faux", "false"),
            other => other,
        }
        .to_owned()
    })
}

/// Date the assessment is to be reviewed before, when it has a date and the questionnaire a
/// period (`validity_years`). Shown as "to be reviewed before", never as "valid until".
pub fn valid_until(q: &Questionnaire, file: &AnswersFile) -> Option<NaiveDate> {
    let date = file.assessment.date?;
    let years = q.validity_years? as i32;
    date.with_year(date.year() + years)
        .or_else(|| NaiveDate::from_ymd_opt(date.year() + years, 2, 28))
}

/// A date as people write it: « 1er mars 2026 », "1 March 2026". Written out by hand rather
/// than with chrono's `format`, whose pattern interpreter would otherwise be part of the
/// browser app's first load.
pub fn french_date(d: NaiveDate, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const MOIS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_owned()
            } else {
                d.day().to_string()
            };
            format!("{day} {} {}", MOIS[d.month0() as usize], d.year())
        }
        Lang::En => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
    }
}

pub fn outcome(q: &Questionnaire, file: &AnswersFile, o: &Outcome, lang: Lang) -> String {
    let l = lang.code();
    let c = colon(lang);
    let mut s = String::new();
    let _ = writeln!(s, "{} — version {}", q.title.get(l), q.version);
    let status = match o.status {
        RuleStatus::Verified => t(lang, "vérifiée", "verified"),
        RuleStatus::Provisional => t(
            lang,
            "PROVISOIRE (non confirmée par la source)",
            "PROVISIONAL (not confirmed by the source)",
        ),
    };
    let _ = writeln!(
        s,
        "{}{c} {} — {status}",
        t(lang, "Règle", "Rule"),
        rule_name(o.rule, lang)
    );
    if let Some(note) = &q.scoring.note {
        let _ = writeln!(s, "  {}", note.get(l));
    }
    if !q.sources.is_empty() {
        let _ = writeln!(s, "{}{c}", t(lang, "Sources", "Sources"));
        for line in source_lines(q) {
            let _ = writeln!(s, "  - {line}");
        }
    }
    let a = &file.assessment;
    for (label, value) in [
        (
            t(lang, "Organisation", "Organisation"),
            a.organisation.as_str(),
        ),
        (person_label(q, lang), a.assessor.as_str()),
        (t(lang, "Lieu", "Place"), a.place.as_str()),
    ] {
        if !value.is_empty() {
            let _ = writeln!(s, "{label}{c} {value}");
        }
    }
    if let Some(d) = a.date {
        let _ = writeln!(s, "{}{c} {}", t(lang, "Date", "Date"), french_date(d, lang));
    }
    if let Some(v) = valid_until(q, file) {
        let _ = writeln!(
            s,
            "{}{c} {}",
            review_before_label(lang),
            review_before_text(q, v, lang)
        );
    }
    s.push('\n');
    if let (Some(score), Some(max)) = (o.score, o.max) {
        let of = t(lang, "sur", "out of");
        let what = match o.rule {
            "risk_matrix" => t(
                lang,
                "Risque résiduel le plus élevé",
                "Highest residual risk",
            ),
            "quiz" => t(lang, "Bonnes réponses", "Right answers"),
            "flag_count" => t(lang, "Signaux de risque", "Risk flags"),
            "count_met" => t(lang, "Normes respectées", "Standards met"),
            _ => t(lang, "Note", "Score"),
        };
        let _ = write!(s, "{what}{c} {score} {of} {max}");
        if let Some(p) = o.percent {
            if o.rule != "risk_matrix" {
                let _ = write!(s, " ({})", percent(p, lang));
            }
        }
        s.push('\n');
    }
    if let Some(ctx) = o.context {
        let (label, value) = crate::present::context_flags(ctx, lang);
        let _ = writeln!(s, "{}", crate::present::labelled(lang, label, &value));
    }
    if let Some(st) = result_status(q, o) {
        let _ = writeln!(
            s,
            "{}{c} {}",
            t(lang, "Statut", "Status"),
            quote(lang, st.label.get(l))
        );
        if let Some(note) = &st.note {
            let _ = writeln!(s, "  {}", note.get(l));
        }
    }
    match &o.band {
        Some(b) => {
            let _ = writeln!(
                s,
                "{}{c} {} ({} {}–{})",
                t(lang, "Résultat", "Rating"),
                quote(lang, b.label.get(l)),
                t(lang, "bande", "band"),
                b.min,
                b.max
            );
            if q.self_assessment {
                let _ = writeln!(s, "  {}", self_assessment_notice(lang));
            }
            if let Some(r) = &b.risk {
                let _ = writeln!(s, "{}{c} {}", t(lang, "Risque", "Risk"), r.get(l));
            }
            if let Some(adv) = &b.advice {
                let _ = writeln!(s, "  {}", adv.get(l));
            }
            if let Some(before) = &o.uncapped_band {
                let items: Vec<&str> = o.caps.iter().map(|c| c.item.as_str()).collect();
                let _ = writeln!(
                    s,
                    "{}{c} {} ({} {before})",
                    t(
                        lang,
                        "Plafonné par des normes critiques non respectées",
                        "Capped by critical standards not met"
                    ),
                    items.join(", "),
                    t(
                        lang,
                        "sans plafond, la bande serait",
                        "without the cap the band would be"
                    )
                );
            }
        }
        None if !o.complete => {
            let n = o.missing.iter().filter(|m| m.scored).count();
            let _ = writeln!(
                s,
                "{}{c} {n} {}",
                t(lang, "Résultat partiel", "Partial result"),
                t(
                    lang,
                    "réponse(s) manquante(s) avant la note finale",
                    "answer(s) missing before the final rating"
                )
            );
        }
        None => {}
    }
    if let Some(passed) = o.passed {
        let mark = o.pass_mark.unwrap_or(0);
        let verdict = if passed {
            t(lang, "réussi", "passed")
        } else {
            t(lang, "non réussi", "not passed")
        };
        let _ = writeln!(
            s,
            "{}{c} {verdict} ({} {mark}\u{a0}%)",
            t(lang, "Quiz", "Quiz"),
            t(lang, "seuil", "pass mark")
        );
    }

    if !o.sections.is_empty() && o.rule != "risk_matrix" {
        let _ = writeln!(s, "\n{}{c}", t(lang, "Par section", "By section"));
        for r in &o.sections {
            let title = q
                .sections
                .iter()
                .find(|x| x.id == r.section)
                .map_or("", |x| x.title.get(l));
            let _ = writeln!(
                s,
                "  - {title}{c} {} / {} ({} {} {})",
                r.score,
                r.max,
                r.answered,
                t(lang, "réponse(s) sur", "answered of"),
                r.total
            );
        }
    }
    if !o.risks.is_empty() {
        let _ = writeln!(
            s,
            "\n{}{c}",
            t(
                lang,
                "Registre des risques (du plus élevé au plus faible)",
                "Risk register (highest first)"
            )
        );
        if let Rule::RiskMatrix(m) = &q.scoring.rule {
            risk_register(&mut s, q, m, o, lang);
        }
    }
    let _ = writeln!(
        s,
        "\n{}{c}",
        t(lang, "Pourquoi ce résultat", "Why this rating")
    );
    for r in &o.items {
        let Some(item) = q.item(&r.item) else {
            continue;
        };
        let text = item_name(q, item, lang);
        let detail = match (r.effect, &r.answer) {
            (Effect::Hidden, _) => {
                t(lang, "masqué, ne compte pas", "hidden, does not count").to_owned()
            }
            (Effect::Unanswered, _) => t(lang, "sans réponse", "unanswered").to_owned(),
            (Effect::NaExcluded, _) => t(
                lang,
                "sans objet, exclu du maximum",
                "not applicable, left out of the maximum",
            )
            .to_owned(),
            (Effect::NaMet, _) => format!(
                "{} {}",
                t(
                    lang,
                    "sans objet, compté comme respecté",
                    "not applicable, counted as met"
                ),
                points(r.points, r.max)
            ),
            (Effect::Counted, Some(ans)) if o.rule == "risk_matrix" => ans.replace('x', "×"),
            (Effect::Counted, Some(ans)) => {
                let mut d = format!(
                    "{} {}",
                    answer_label(item, ans, lang),
                    points(r.points, r.max)
                );
                if let Some(ok) = r.correct {
                    d.push_str(if ok {
                        t(lang, " — bonne réponse", " — right answer")
                    } else {
                        t(lang, " — réponse incorrecte", " — incorrect answer")
                    });
                }
                d
            }
            (Effect::Counted, None) => String::new(),
        };
        let _ = writeln!(s, "  - {text}{c} {detail}");
    }
    if !o.missing.is_empty() {
        let _ = writeln!(s, "\n{}{c}", t(lang, "Sans réponse", "Unanswered"));
        for m in &o.missing {
            let text = q
                .item(&m.item)
                .map_or_else(String::new, |i| item_name(q, i, lang));
            let _ = writeln!(s, "  - {text} [{}]", m.item);
        }
    }
    if !o.problems.is_empty() {
        let _ = writeln!(
            s,
            "\n{}{c}",
            t(
                lang,
                "Réponses qui ne correspondent pas à la question",
                "Answers that do not fit their question"
            )
        );
        for p in &o.problems {
            let _ = writeln!(s, "  - [{}] {}", p.item, problem_text(&p.message, lang));
        }
    }
    if !o.gaps.is_empty() {
        let _ = writeln!(
            s,
            "\n{}{c}",
            t(
                lang,
                "Écarts et actions proposées",
                "Gaps and suggested actions"
            )
        );
        for g in &o.gaps {
            let text = q
                .item(&g.item)
                .map_or_else(String::new, |i| item_name(q, i, lang));
            let action = g.action.as_ref().map_or("", |a| a.get(l));
            let _ = writeln!(s, "  - {text}\n      → {action}");
        }
    }
    s
}

/// A short name for an item: its section title when it is the section's only item, else
/// its text cut at a word boundary.
pub fn item_name(q: &Questionnaire, item: &Item, lang: Lang) -> String {
    let l = lang.code();
    if let Some(s) = q.section_of(&item.id).filter(|s| s.items.len() == 1) {
        return s.title.get(l).to_owned();
    }
    shorten(item.text.get(l), 90)
}

/// An item as a report names it in full (never cut): its section title when it is the
/// section's only item, else its whole text.
pub fn item_statement(q: &Questionnaire, item: &Item, lang: Lang) -> String {
    let l = lang.code();
    if let Some(s) = q.section_of(&item.id).filter(|s| s.items.len() == 1) {
        return s.title.get(l).to_owned();
    }
    item.text.get(l).trim_end_matches('.').to_owned()
}

/// The score as the app shows it: « — » before any scored answer (never « 0 / 0 »); a quiz
/// adds its percentage and, once complete, the verdict with the pass mark:
/// « 19 / 23 — 83 % — Réussi (seuil 80 %) ».
pub fn score_line(o: &Outcome, lang: Lang) -> String {
    let answered = o.items.iter().any(|r| {
        matches!(
            r.effect,
            Effect::Counted | Effect::NaExcluded | Effect::NaMet
        )
    });
    let (Some(score), Some(max), true) = (o.score, o.max, answered) else {
        return "—".to_owned();
    };
    let mut line = format!("{score} / {max}");
    if let (Some(p), Some(mark)) = (o.percent, o.pass_mark) {
        let pct = t(lang, "\u{202f}%", "%");
        let _ = write!(line, " — {}{pct}", shown_percent(p, mark));
        if let Some(passed) = o.passed {
            let verdict = if passed {
                t(lang, "Réussi", "Passed")
            } else {
                t(lang, "Non réussi", "Not passed")
            };
            let _ = write!(
                line,
                " — {verdict} ({}\u{a0}{mark}{pct})",
                t(lang, "seuil", "pass mark")
            );
        }
    }
    line
}

/// A percentage rounded to a whole number, but never rounded up to the pass mark it misses.
fn shown_percent(p: f64, mark: u8) -> i64 {
    let rounded = p.round() as i64;
    if p < f64::from(mark) && rounded >= i64::from(mark) {
        p.floor() as i64
    } else {
        rounded
    }
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim_end_matches('.');
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .trim_end_matches([',', ';', ':']);
    format!("{cut}…")
}

fn points(p: Option<i64>, max: Option<i64>) -> String {
    match (p, max) {
        (Some(p), Some(m)) => format!("({p}/{m})"),
        _ => String::new(),
    }
}

fn percent(p: f64, lang: Lang) -> String {
    let r = (p * 10.0).round() / 10.0;
    match lang {
        Lang::Fr => format!("{}\u{a0}%", r.to_string().replace('.', ",")),
        Lang::En => format!("{r}%"),
    }
}

/// Lines describing how an answers file was fitted to the questionnaire.
pub fn placement(p: &Placement, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((from, to)) = &p.version_change {
        out.push(format!(
            "{} {from} → {to}{} {} {}",
            t(
                lang,
                "Réponses faites pour la version",
                "Answers made for version"
            ),
            colon(lang),
            p.kept,
            t(lang, "réponse(s) reprise(s)", "answer(s) carried over")
        ));
    }
    for a in &p.set_aside {
        out.push(format!(
            "{} [{}]{} {}",
            t(
                lang,
                "Mise de côté (conservée dans le fichier)",
                "Set aside (kept in the file)"
            ),
            a.item,
            colon(lang),
            a.reason
        ));
    }
    out
}

/// `<questionnaire>-<organisation>-<date>.pdf`, with the organisation reduced to plain
/// letters, digits and hyphens so that any file system and messaging app accepts it.
pub fn report_file_name(q: &Questionnaire, file: &AnswersFile, generated: NaiveDate) -> String {
    let mut org = String::new();
    for c in file.assessment.organisation.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            org.push(c.to_ascii_lowercase());
        } else if !org.ends_with('-') && !org.is_empty() {
            org.push('-');
        }
    }
    let org = org.trim_end_matches('-');
    let org = if org.is_empty() { "organisation" } else { org };
    let org: String = org.chars().take(40).collect();
    format!(
        "{}-{}-{}.pdf",
        q.id,
        org.trim_end_matches('-'),
        generated.format("%Y-%m-%d")
    )
}

fn fold_accent(c: char) -> Vec<char> {
    let plain = match c {
        'à' | 'â' | 'ä' | 'á' => "a",
        'À' | 'Â' | 'Ä' | 'Á' => "A",
        'é' | 'è' | 'ê' | 'ë' | 'ɛ' => "e",
        'É' | 'È' | 'Ê' | 'Ë' | 'Ɛ' => "E",
        'î' | 'ï' | 'í' => "i",
        'Î' | 'Ï' => "I",
        'ô' | 'ö' | 'ó' | 'ɔ' => "o",
        'Ô' | 'Ö' | 'Ɔ' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' => "U",
        'ç' => "c",
        'Ç' => "C",
        'ñ' | 'ɲ' => "n",
        'Ñ' | 'Ɲ' => "N",
        'ŋ' => "ng",
        'Ŋ' => "NG",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'ÿ' => "y",
        other => return vec![other],
    };
    plain.chars().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_people_write_them() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(french_date(d(2026, 3, 1), Lang::Fr), "1er mars 2026");
        assert_eq!(french_date(d(2026, 8, 15), Lang::Fr), "15 août 2026");
        assert_eq!(french_date(d(2026, 3, 1), Lang::En), "1 March 2026");
        assert_eq!(french_date(d(2026, 12, 31), Lang::En), "31 December 2026");
    }
}

/// The register, highest residual first: inherent (with the floor), measures and their
/// status, computed and retained residual.
fn risk_register(s: &mut String, q: &Questionnaire, m: &RiskMatrix, o: &Outcome, lang: Lang) {
    use crate::present::labelled;
    for r in &o.risks {
        // The full statement: a risk is read by what it says, never by a cut text.
        let text = q
            .item(&r.item)
            .map_or_else(String::new, |i| i.text.get(lang.code()).to_owned());
        let _ = writeln!(s, "  {}. {text}", r.rank);
        let mut line = |label: &str, value: String| {
            let _ = writeln!(s, "     {}", labelled(lang, label, &value));
        };
        if let Some(c) = present_risk::category(m, r) {
            line(
                t(lang, "Catégorie", "Category"),
                c.label.get(lang.code()).to_owned(),
            );
        }
        line(
            t(lang, "Inhérent", "Inherent"),
            present_risk::inherent(m, r, lang),
        );
        let measures = present_risk::measures(q, r, lang);
        if !measures.is_empty() {
            line(
                t(lang, "Mesures", "Measures"),
                measures.join(list_sep(lang)),
            );
        }
        line(
            t(lang, "Résiduel calculé", "Computed residual"),
            present_risk::computed(m, r, lang),
        );
        if r.override_used {
            line(
                t(lang, "Résiduel retenu", "Retained residual"),
                present_risk::retained(m, r, lang),
            );
        } else if r.override_unjustified {
            let _ = writeln!(s, "     {}", present_risk::unjustified(lang));
        }
    }
    if let Some(note) = present_risk::bound_note(m, lang) {
        let _ = writeln!(s, "  {note}.");
    }
}

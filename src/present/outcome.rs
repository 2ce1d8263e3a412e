//! How a result is worded wherever it is shown: the score line, the rating's labels, the
//! review date, the self-assessment notice, the sources, the bands and their colours.

use chrono::NaiveDate;

use super::number::{percent_sign, shown_percent};
use super::{date, t, Lang};
use crate::engine::answers::AnswersFile;
use crate::engine::model::*;
use crate::engine::scoring::{Effect, Outcome};

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

/// A self-assessment's rating where the notice does not fit (the filling page's bar):
/// « Indicatif : Capacité moyenne (risque modéré) ».
pub fn indicative_rating(lang: Lang, band: &str) -> String {
    super::labelled(lang, t(lang, "Indicatif", "Indicative"), band)
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
    let date = date::written(d, lang);
    if q.validity_provisional {
        format!("{date} ({})", provisional_period(lang))
    } else {
        date
    }
}

/// Date the assessment is to be reviewed before, when it has a date, its result is complete
/// and the questionnaire has a period (`validity_years`). Shown as "to be reviewed before",
/// never as "valid until".
pub fn valid_until(q: &Questionnaire, file: &AnswersFile, o: &Outcome) -> Option<NaiveDate> {
    // A partial result has no rating to review yet.
    if !o.complete {
        return None;
    }
    q.review_before(file.assessment.date?)
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

/// The scoring rule's name.
pub fn rule_name(rule: &str, lang: Lang) -> &'static str {
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

/// What the score counts, by rule: « Signaux de risque », « Normes respectées »…
pub fn score_label(rule: &str, lang: Lang) -> &'static str {
    match rule {
        "risk_matrix" => t(lang, "Risque résiduel max.", "Highest residual"),
        "quiz" => t(lang, "Bonnes réponses", "Correct answers"),
        "flag_count" => t(lang, "Signaux de risque", "Risk flags"),
        "count_met" => t(lang, "Normes respectées", "Standards met"),
        _ => t(lang, "Note", "Score"),
    }
}

/// What the rows of the « why this result » table are: standards, or a programme's flags.
pub fn item_column(rule: &str, lang: Lang) -> &'static str {
    match rule {
        "flag_count" => t(lang, "Signal", "Flag"),
        "quiz" => t(lang, "Question", "Question"),
        _ => t(lang, "Norme", "Standard"),
    }
}

/// « hors note »: what the rating does not count.
fn not_scored(lang: Lang) -> &'static str {
    t(lang, "hors note", "not scored")
}

/// Whether an item is a context flag, counted apart from the rating (« hors note »).
pub fn is_context_flag(q: &Questionnaire, item: &str) -> bool {
    matches!(&q.scoring.rule, Rule::FlagCount(r) if r.is_context(item))
}

/// An item's points as a result lists them: « 2 / 3 »; « hors note » for a context flag,
/// which the rating does not count; `None` when it gave none.
pub fn item_points(
    q: &Questionnaire,
    item: &str,
    points: Option<i64>,
    max: Option<i64>,
    lang: Lang,
) -> Option<String> {
    if is_context_flag(q, item) {
        return Some(not_scored(lang).to_owned());
    }
    match (points, max) {
        (Some(p), Some(m)) => Some(format!("{p}\u{a0}/\u{a0}{m}")),
        _ => None,
    }
}

/// « 15 sur 18 (83,3 %) »: the score out of its maximum, with the percentage except for a
/// risk matrix (whose score is a likelihood × impact product); then, while questions wait
/// for an answer, [`partial`].
pub fn score_of(o: &Outcome, lang: Lang) -> Option<String> {
    let (score, max) = (o.score?, o.max?);
    let mut s = format!("{score} {} {max}", t(lang, "sur", "out of"));
    if let (Some(p), true) = (percent(o, lang), o.rule != "risk_matrix") {
        s.push_str(&format!(" ({p})"));
    }
    if let Some(partial) = partial(o, lang) {
        s.push_str(&format!(" — {partial}"));
    }
    Some(s)
}

/// The percentage as every output shows it: a quiz's whole (never rounded up to its pass
/// mark: 79,6 is « 79 % »), any other's with one decimal.
pub fn percent(o: &Outcome, lang: Lang) -> Option<String> {
    let p = o.percent?;
    Some(match o.pass_mark {
        Some(mark) => format!("{}{}", shown_percent(p, mark), percent_sign(lang)),
        None => super::number::percent(p, lang),
    })
}

/// « note partielle »: said after the score of an incomplete assessment. Its score counts
/// only the questions answered (out of their maximum), so « 13 / 15 » must not be read
/// beside a complete « 14 / 18 » as the better result.
pub fn partial(o: &Outcome, lang: Lang) -> Option<&'static str> {
    unanswered(o).map(|_| t(lang, "note partielle", "partial score"))
}

/// The heading over a result: a quiz's is a score, not a rating (« Résultat » in French).
pub fn result_title(rule: &str, lang: Lang) -> &'static str {
    match rule {
        "quiz" => t(lang, "Résultat", "Score"),
        _ => t(lang, "Résultat", "Rating"),
    }
}

/// The partial result of an incomplete assessment, as a labelled line of a report:
/// (« Résultat partiel », « 5 questions sans réponse avant la note finale »).
pub fn partial_result(o: &Outcome, lang: Lang) -> Option<(&'static str, String)> {
    let n = unanswered(o)?;
    // A quiz counts an answer once validated: a ticked but unvalidated one waits too.
    let what = match (n, lang, o.rule == "quiz") {
        (1, Lang::Fr, false) => "question sans réponse avant la note finale",
        (_, Lang::Fr, false) => "questions sans réponse avant la note finale",
        (1, Lang::Fr, true) => "question sans réponse validée avant la note finale",
        (_, Lang::Fr, true) => "questions sans réponse validée avant la note finale",
        (1, Lang::En, false) => "question unanswered before the final rating",
        (_, Lang::En, false) => "questions unanswered before the final rating",
        (1, Lang::En, true) => "question without a validated answer before the final score",
        (_, Lang::En, true) => "questions without a validated answer before the final score",
    };
    Some((
        t(lang, "Résultat partiel", "Partial result"),
        format!("{n} {what}"),
    ))
}

/// An unanswered question in a list of them, marked when the rating does not wait for it
/// (« Programme ou projet concerné (hors note) »): the lists name every unanswered question,
/// the partial result counts those the rating waits for.
pub fn missing_entry(name: String, scored: bool, lang: Lang) -> String {
    if scored {
        name
    } else {
        format!("{name} ({})", not_scored(lang))
    }
}

/// How many questions the rating waits for; `None` once complete.
fn unanswered(o: &Outcome) -> Option<usize> {
    let n = o.missing.iter().filter(|m| m.scored).count();
    (!o.complete && n > 0).then_some(n)
}

/// The rating as the app heads it: the band's label, or a quiz's « Réussi » / « Non réussi »;
/// `None` before there is either (the live result, the results page and the home page's
/// cards all say it this way).
pub fn rating(o: &Outcome, lang: Lang) -> Option<String> {
    use super::ui::{tr, K};
    match (&o.band, o.passed) {
        (Some(b), _) => Some(b.label.get(lang.code()).to_owned()),
        (None, Some(p)) => Some(tr(lang, if p { K::Passed } else { K::NotPassed }).to_owned()),
        _ => None,
    }
}

/// A quiz's verdict: « réussi (seuil 80 %) ».
pub fn quiz_verdict(passed: bool, mark: u8, lang: Lang) -> String {
    let verdict = if passed {
        t(lang, "réussi", "passed")
    } else {
        t(lang, "non réussi", "not passed")
    };
    format!("{verdict} ({})", pass_mark(mark, lang))
}

/// « seuil 80 % »
pub fn pass_mark(mark: u8, lang: Lang) -> String {
    format!(
        "{}\u{a0}{mark}{}",
        t(lang, "seuil", "pass mark"),
        percent_sign(lang)
    )
}

/// The score as the app shows it: « — » before any scored answer (never « 0 / 0 »); a quiz
/// adds its percentage and, once complete, the verdict with the pass mark:
/// « 19 / 23 — 83 % — Réussi (seuil 80 %) »; an incomplete one says so ([`partial`]):
/// « 13 / 15 — note partielle ».
pub fn score_line(o: &Outcome, lang: Lang) -> String {
    score_text(o, true, lang)
}

/// The score under a heading that already gives the rating (« Réussi »): the quiz's verdict
/// is not said twice, its pass mark stays: « 19 / 23 — 83 % (seuil 80 %) ».
pub fn score_under_rating(o: &Outcome, lang: Lang) -> String {
    score_text(o, false, lang)
}

fn score_text(o: &Outcome, verdict: bool, lang: Lang) -> String {
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
    if let (Some(pct), Some(mark)) = (percent(o, lang), o.pass_mark) {
        line.push_str(&format!(" — {pct}"));
        match o.passed {
            Some(passed) if verdict => {
                // « Non réussi » kept on one line in a narrow table cell.
                let verdict = if passed {
                    t(lang, "Réussi", "Passed")
                } else {
                    t(lang, "Non\u{a0}réussi", "Not\u{a0}passed")
                };
                line.push_str(&format!(" — {verdict} ({})", pass_mark(mark, lang)));
            }
            Some(_) => line.push_str(&format!(" ({})", pass_mark(mark, lang))),
            None => {}
        }
    }
    if let Some(partial) = partial(o, lang) {
        line.push_str(&format!(" — {partial}"));
    }
    line
}

/// Where a critical item capped the band: « sans plafond : « Pleine capacité » », naming the
/// band the score alone would give.
pub fn uncapped(q: &Questionnaire, o: &Outcome, lang: Lang) -> Option<String> {
    let id = o.uncapped_band.as_ref()?;
    let label = q
        .scoring
        .bands()
        .iter()
        .find(|b| &b.id == id)
        .map_or(id.as_str(), |b| b.label.get(lang.code()));
    Some(super::labelled(
        lang,
        t(lang, "sans plafond", "without the cap"),
        &super::quoted(lang, label),
    ))
}

/// A band's range: « 10–14 ».
pub fn band_range(b: &Band) -> String {
    format!("{}–{}", b.min, b.max)
}

/// The name of the band a score falls in: « Élevé ».
pub fn band_label(bands: &[Band], score: i64, lang: Lang) -> Option<String> {
    bands
        .iter()
        .find(|b| (b.min..=b.max).contains(&score))
        .map(|b| b.label.get(lang.code()).to_owned())
}

/// The bands from lowest to highest, as a heat matrix's legend names them: « Faible 1–4 »,
/// each with no-break spaces, so that a line never ends on « Très » or « Très élevé ».
pub fn band_legend(bands: &[Band], lang: Lang) -> Vec<String> {
    sorted(bands)
        .iter()
        .map(|b| {
            let label = b.label.get(lang.code()).replace(' ', "\u{a0}");
            format!("{label}\u{a0}{}", band_range(b))
        })
        .collect()
}

fn sorted(bands: &[Band]) -> Vec<&Band> {
    let mut v: Vec<&Band> = bands.iter().collect();
    crate::engine::order::sort_by_key(&mut v, |b| b.min);
    v
}

/// The heat colours from low to high risk, as RGB: the screen and the PDF draw the same.
pub const HEAT: [(u8, u8, u8); 4] = [
    (0xcf, 0xe8, 0xcf),
    (0xfd, 0xe9, 0xa6),
    (0xf9, 0xc0, 0x8a),
    (0xef, 0x9a, 0x9a),
];

/// Grey for a cell the impact floor makes impossible.
pub const HEAT_IMPOSSIBLE: (u8, u8, u8) = (0xee, 0xee, 0xee);

/// The colour of a score in the heat matrix: the bands, lowest first, spread over [`HEAT`].
pub fn heat_colour(bands: &[Band], score: i64) -> (u8, u8, u8) {
    let bands = sorted(bands);
    let idx = bands
        .iter()
        .position(|b| (b.min..=b.max).contains(&score))
        .unwrap_or(0);
    let scaled = if bands.len() <= 1 {
        0
    } else {
        idx * (HEAT.len() - 1) / (bands.len() - 1)
    };
    HEAT[scaled.min(HEAT.len() - 1)]
}

/// `#rrggbb`, for SVG.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

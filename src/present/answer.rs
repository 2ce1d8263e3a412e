//! How items and answers are named: choice labels, yes/no words, short and full item names,
//! who filled the form in.

use super::{labelled, t, Lang};
use crate::engine::answers::{AnswersFile, Value};
use crate::engine::model::*;

/// An item's answer in `file` as words: choice labels (a checklist's in the question's
/// order, with what « other » says), yes/no, the text, the number and date as written in
/// `lang`, a risk's two ratings; `None` when unanswered. The PDF report says answers so.
pub fn answer_words(
    q: &Questionnaire,
    file: &AnswersFile,
    item: &Item,
    lang: Lang,
) -> Option<String> {
    let l = lang.code();
    let raw = file.answers.get(&item.id)?;
    let value = file.value(q, item).ok().flatten()?;
    Some(match value {
        Value::Id(id) => answer_label(item, &id, lang),
        Value::Na => answer_label(item, NA, lang),
        Value::Bool(b) => answer_label(item, &b.to_string(), lang),
        Value::Ids(ids) => {
            let listed: Vec<&str> = ids
                .iter()
                .map(String::as_str)
                .filter(|id| *id != OTHER)
                .collect();
            let mut parts = Vec::new();
            if !listed.is_empty() {
                parts.push(answer_label(item, &listed.join(","), lang));
            }
            if ids.iter().any(|i| i == OTHER) {
                let said = raw.other.as_deref().unwrap_or("—");
                parts.push(labelled(
                    lang,
                    other_label(item.other_label.as_ref(), lang),
                    said,
                ));
            }
            if parts.is_empty() {
                nothing_ticked(lang).to_owned()
            } else {
                parts.join(super::list_sep(lang))
            }
        }
        Value::Text(s) => s,
        Value::Number(n) => super::number::number(n, lang),
        Value::Date(d) => super::date::written(d, lang),
        Value::Risk(r) => {
            let Rule::RiskMatrix(m) = &q.scoring.rule else {
                return Some(String::new());
            };
            let scale = |labels: &[Text], n: u8| {
                labels
                    .get(usize::from(n) - 1)
                    .map_or(String::new(), |t| t.get(l).to_owned())
            };
            format!(
                "{} {} ({}) × {} {} ({})",
                t(lang, "probabilité", "likelihood"),
                r.likelihood,
                scale(&m.likelihood, r.likelihood),
                t(lang, "impact", "impact"),
                r.impact,
                scale(&m.impact, r.impact)
            )
        }
    })
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
        ItemKind::Checklist { options, .. } => {
            // In the question's order, however they were ticked; an id not in the list last.
            // (Picked in order rather than sorted: a sort's code would cost every page.)
            let ticked: Vec<&str> = answer.split(',').filter(|a| !a.is_empty()).collect();
            let known = options
                .iter()
                .filter(|c| ticked.contains(&c.id.as_str()))
                .map(|c| c.label.get(l).to_owned());
            let unknown = ticked
                .iter()
                .filter(|a| !options.iter().any(|c| c.id == **a))
                .map(|a| (*a).to_owned());
            let labels: Vec<String> = known.chain(unknown).collect();
            Some(if labels.is_empty() {
                nothing_ticked(lang).to_owned()
            } else {
                labels.join(super::list_sep(lang))
            })
        }
        _ => None,
    };
    found.unwrap_or_else(|| word(answer, lang).to_owned())
}

/// The name of an « other » choice: the questionnaire's own, else « autre ».
pub fn other_label(own: Option<&Text>, lang: Lang) -> &str {
    own.map_or_else(|| t(lang, "autre", "other"), |t| t.get(lang.code()))
}

/// A checklist answered with no box ticked.
pub fn nothing_ticked(lang: Lang) -> &'static str {
    t(lang, "aucune case cochée", "nothing ticked")
}

/// A quiz question's right answer: « Faux », or the options to tick in the question's order.
pub fn right_answer(item: &Item, lang: Lang) -> Option<String> {
    Some(match item.correct.as_ref()? {
        Correct::Bool(b) => answer_label(item, &b.to_string(), lang),
        Correct::One(id) => answer_label(item, id, lang),
        Correct::Many(ids) => answer_label(item, &ids.join(","), lang),
    })
}

/// What a quiz question's review says once validated (the quiz page, the results page and
/// the PDF): the right answer when it was missed (`None` when right, and when the explanation
/// already opens with it: « Faux. L’erreur sur l’âge… » says it once), then the explanation.
pub fn quiz_feedback(item: &Item, correct: bool, lang: Lang) -> (Option<String>, Option<String>) {
    let explanation = item
        .explanation
        .as_ref()
        .map(|e| e.get(lang.code()).to_owned())
        .filter(|e| !e.is_empty());
    let right = (!correct)
        .then(|| right_answer(item, lang))
        .flatten()
        .filter(|r| !explanation.as_deref().is_some_and(|e| opens_with(e, r)));
    (right, explanation)
}

/// Whether `text` begins with the words `start`, not with a longer word; the first letter's
/// case aside (« Faux. » opens with « faux »). ASCII case only: Unicode's case tables would
/// cost the pages that show a quiz about 5 KB.
fn opens_with(text: &str, start: &str) -> bool {
    let (mut t, mut s) = (text.chars(), start.trim().chars());
    let same_first = match (t.next(), s.next()) {
        (Some(a), Some(b)) => a == b || a.eq_ignore_ascii_case(&b),
        _ => false,
    };
    same_first
        && t.as_str()
            .strip_prefix(s.as_str())
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// A stored choice answer as the ids [`answer_label`] reads: `true`, `faute_grave`, or
/// `money,goods` for ticks (`""` when none is ticked); `None` when unanswered or not a choice.
/// The results page reads a quiz's answers so, validated or not, without the full reader.
pub fn stored_ids(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value as Json;
    match value {
        Json::Bool(b) => Some(b.to_string()),
        Json::String(s) if !s.is_empty() => Some(s.clone()),
        Json::Array(ids) => Some(
            ids.iter()
                .filter_map(Json::as_str)
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    }
}

/// A quiz question's answer with where it stands: « Faux — réponse incorrecte »,
/// « Vrai — pas encore validée », « sans réponse ». `answer` is the answer given, in words.
pub fn quiz_answer_line(answer: Option<&str>, correct: Option<bool>, lang: Lang) -> String {
    match (answer, correct) {
        (None, _) => t(lang, "sans réponse", "unanswered").to_owned(),
        (Some(a), Some(true)) => format!("{a} — {}", t(lang, "bonne réponse", "correct answer")),
        (Some(a), Some(false)) => {
            format!(
                "{a} — {}",
                t(lang, "réponse incorrecte", "incorrect answer")
            )
        }
        (Some(a), None) => format!(
            "{a} — {}",
            t(lang, "pas encore validée", "not validated yet")
        ),
    }
}

/// The words for the answers every item kind shares (yes, no, N/A, true, false), capitalised
/// as the form's choices read; any other id as it is.
pub fn word(answer: &str, lang: Lang) -> &str {
    match answer {
        YES => t(lang, "Oui", "Yes"),
        NO => t(lang, "Non", "No"),
        PARTIAL => t(lang, "Partiellement", "Partly"),
        NA => t(lang, "Sans objet", "Not applicable"),
        "true" => t(lang, "Vrai", "True"),
        "false" => t(lang, "Faux", "False"),
        other => other,
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

/// A short name for an item: its section title when it is the section's only item (a
/// standard: « Norme 1 – Politique organisationnelle »), else its text cut at a word boundary.
/// A risk is always named by its statement: a register row named « Suivi » (its section)
/// would not say which harm it rates.
pub fn item_name(q: &Questionnaire, item: &Item, lang: Lang) -> String {
    let l = lang.code();
    if let Some(title) = named_by_section(q, item, lang) {
        return title;
    }
    shorten(item.text.get(l), 90)
}

/// The title of `item`'s section when that names it: the section's only item, not a risk.
fn named_by_section(q: &Questionnaire, item: &Item, lang: Lang) -> Option<String> {
    if matches!(item.kind, ItemKind::Risk { .. }) {
        return None;
    }
    let s = q.section_of(&item.id).filter(|s| s.items.len() == 1)?;
    Some(s.title.get(lang.code()).to_owned())
}

/// An item as a report names it in full (never cut): its section title when that names it
/// (the section's only item, not a risk), else its whole text, without the full stop or the
/// colon that ends it (« …constituent : » in a list would read « …constituent : ; Une
/// relation… »).
pub fn item_statement(q: &Questionnaire, item: &Item, lang: Lang) -> String {
    let l = lang.code();
    if let Some(title) = named_by_section(q, item, lang) {
        return title;
    }
    item.text
        .get(l)
        .trim_end_matches(['.', ':', ' ', '\u{a0}', '\u{202f}'])
        .to_owned()
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim_end_matches('.');
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let mut cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    // An aside cut in its middle, « programme (listes, numéros… », goes whole.
    if cut.matches('(').count() > cut.matches(')').count() {
        if let Some((before, _)) = cut.rsplit_once('(').filter(|(b, _)| !b.trim().is_empty()) {
            cut = before;
        }
    }
    let cut = cut.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '.')
    });
    // A question whole before an aside or the next sentence ends on its own mark (« …justes ? »,
    // not « …justes ?… »).
    if cut.ends_with(['?', '!']) {
        return cut.to_owned();
    }
    format!("{cut}…")
}

/// A problem with an answer, in `lang`: the refused N/A (the one a user meets in normal use,
/// UN standard 8 after an allegation), or why the stored value does not fit its item.
pub fn problem_text(
    q: &Questionnaire,
    file: &AnswersFile,
    p: &crate::engine::scoring::Problem,
    lang: Lang,
) -> String {
    if p.message == crate::engine::scoring::NA_REFUSED {
        return t(
            lang,
            "«\u{a0}sans objet\u{a0}» n’est accepté ici que sous sa condition (par exemple aucune allégation reçue)\u{202f}; répondre à la question",
            "“not applicable” is accepted here only under its condition (e.g. no allegation received); answer the question",
        )
        .to_owned();
    }
    // Scoring keeps the English words; read the value again for the user's language.
    let why = q
        .item(&p.item)
        .zip(file.answers.get(&p.item))
        .and_then(|(item, a)| crate::engine::answers::read_value_msg(q, item, &a.value).err());
    match why {
        Some(m) if m.en == p.message => m.text(lang).to_owned(),
        _ => p.message.clone(),
    }
}

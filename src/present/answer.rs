//! How items and answers are named: choice labels, yes/no words, short and full item names,
//! who filled the form in.

use super::{t, Lang};
use crate::engine::answers::AnswersFile;
use crate::engine::model::*;

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
    found.unwrap_or_else(|| word(answer, lang).to_owned())
}

/// The words for the answers every item kind shares (yes, no, N/A, true, false); any other
/// id as it is.
pub fn word(answer: &str, lang: Lang) -> &str {
    match answer {
        YES => t(lang, "oui", "yes"),
        NO => t(lang, "non", "no"),
        PARTIAL => t(lang, "partiellement", "partly"),
        NA => t(lang, "sans objet", "not applicable"),
        "true" => t(lang, "vrai", "true"),
        "false" => t(lang, "faux", "false"),
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
    let cut = cut
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–'));
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

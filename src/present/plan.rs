//! How an entry of the action plan reads, on the screen, in the PDF and in the text report:
//! the gap it addresses and its action, in the reader's language.
//!
//! The plan drafts its entries in the language of the moment (`engine::plan::draft`) and
//! keeps what the user writes as written. An action still as drafted is the questionnaire's
//! own text: it is read in the reader's language, so a plan drafted in French reads in
//! English after a switch, while an action the user changed stays theirs.

use super::answer::item_statement;
use super::Lang;
use crate::engine::answers::ActionEntry;
use crate::engine::model::{ItemKind, Questionnaire, Text};

/// What an entry's first column names: a capacity standard's gap, a programme's flag, a
/// risk (its statement).
pub fn gap_label(q: &Questionnaire, lang: Lang) -> &'static str {
    match q.scoring.rule.name() {
        "flag_count" => super::t(lang, "Signal relevé", "Flag raised"),
        "risk_matrix" => super::t(lang, "Risque", "Risk"),
        _ => super::t(lang, "Écart", "Gap"),
    }
}

/// What the plan says when there is nothing to put in it.
pub fn nothing_to_plan(q: &Questionnaire, lang: Lang) -> &'static str {
    match q.scoring.rule.name() {
        "flag_count" => super::t(lang, "Aucun signal relevé.", "No flag raised."),
        "risk_matrix" => super::t(lang, "Aucune mesure à planifier.", "No measure to plan."),
        _ => super::t(lang, "Aucun écart relevé.", "No gap found."),
    }
}

/// The gap an entry addresses: its item's statement in `lang`, else the text kept with it
/// (an entry whose item this version of the questionnaire no longer has).
pub fn gap(q: &Questionnaire, e: &ActionEntry, lang: Lang) -> String {
    e.item
        .as_ref()
        .and_then(|id| q.item(id))
        .map_or_else(|| e.gap.clone(), |i| item_statement(q, i, lang))
}

/// An entry's action: the questionnaire's suggestion in `lang` while the entry still holds
/// that suggestion (in any of its languages), else the user's text as written.
pub fn action(q: &Questionnaire, e: &ActionEntry, lang: Lang) -> String {
    match suggested(q, e) {
        Some(t) if t.0.values().any(|s| *s == e.action) => t.get(lang.code()).to_owned(),
        _ => e.action.clone(),
    }
}

/// The action the questionnaire suggests for an entry: its risk measure's label, else its
/// item's action.
fn suggested<'q>(q: &'q Questionnaire, e: &ActionEntry) -> Option<&'q Text> {
    let item = q.item(e.item.as_deref()?)?;
    match (&item.kind, e.measure.as_deref()) {
        (ItemKind::Risk { mitigations, .. }, Some(m)) => {
            mitigations.iter().find(|d| d.id == m).map(|d| &d.label)
        }
        _ => item.action.as_ref(),
    }
}

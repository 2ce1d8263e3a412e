//! The capacity-strengthening (or risk-mitigation) plan drafted from an outcome's gaps.
//!
//! Drafting never touches entries the user already has: it only adds entries for gaps that
//! have none, so owners, due dates and statuses typed by the user are kept.
//!
//! A risk register drafts from its measures: each risk whose residual is above the lowest
//! band gets one entry per measure not in place (a planned measure brings its owner and due
//! date), highest residual first; a risk with no open measure gets one entry from its
//! `action`.

use super::answers::{ActionEntry, ActionStatus, MeasureStatus};
use super::model::{Item, ItemKind, Questionnaire};
use super::scoring::Outcome;

/// Entries to add to `existing` for the gaps of `outcome`, worded in `lang`.
pub fn draft(
    q: &Questionnaire,
    outcome: &Outcome,
    existing: &[ActionEntry],
    lang: &str,
) -> Vec<ActionEntry> {
    if !outcome.risks.is_empty() {
        return draft_risks(q, outcome, existing, lang);
    }
    outcome
        .gaps
        .iter()
        .filter(|g| {
            !existing
                .iter()
                .any(|e| e.item.as_deref() == Some(g.item.as_str()))
        })
        .filter_map(|g| Some(whole_item_entry(q.item(&g.item)?, lang)))
        .collect()
}

/// An entry for a whole item, with its suggested action.
fn whole_item_entry(item: &Item, lang: &str) -> ActionEntry {
    ActionEntry {
        item: Some(item.id.clone()),
        gap: item.text.get(lang).to_owned(),
        action: item
            .action
            .as_ref()
            .map(|a| a.get(lang).to_owned())
            .unwrap_or_default(),
        ..ActionEntry::default()
    }
}

fn draft_risks(
    q: &Questionnaire,
    outcome: &Outcome,
    existing: &[ActionEntry],
    lang: &str,
) -> Vec<ActionEntry> {
    let has = |item: &str, measure: Option<&str>| {
        existing
            .iter()
            .any(|e| e.item.as_deref() == Some(item) && e.measure.as_deref() == measure)
    };
    let mut out = Vec::new();
    // `risks` is ranked: highest residual first.
    for risk in &outcome.risks {
        let in_gaps = outcome.gaps.iter().any(|g| g.item == risk.item);
        let Some(item) = q.item(&risk.item) else {
            continue;
        };
        // An entry for the whole risk (drafted before measures had statuses) stands for it.
        if !in_gaps || has(&risk.item, None) {
            continue;
        }
        let ItemKind::Risk { mitigations, .. } = &item.kind else {
            continue;
        };
        let gap = item.text.get(lang).to_owned();
        let open: Vec<_> = risk
            .measures
            .iter()
            .filter(|m| risk.open_mitigations.contains(&m.id))
            .collect();
        for m in &open {
            if has(&risk.item, Some(&m.id)) {
                continue;
            }
            let Some(def) = mitigations.iter().find(|d| d.id == m.id) else {
                continue;
            };
            out.push(ActionEntry {
                item: Some(risk.item.clone()),
                measure: Some(m.id.clone()),
                gap: gap.clone(),
                action: def.label.get(lang).to_owned(),
                owner: m.owner.clone(),
                due: m.due,
                status: match m.status {
                    MeasureStatus::Partly => ActionStatus::InProgress,
                    _ => ActionStatus::NotStarted,
                },
                history: Vec::new(),
            });
        }
        if open.is_empty() {
            out.push(whole_item_entry(item, lang));
        }
    }
    out
}

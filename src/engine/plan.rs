//! The capacity-strengthening (or risk-mitigation) plan drafted from an outcome's gaps.
//!
//! Drafting never touches entries the user already has: it only adds an entry for each gap
//! that has none, so owners, due dates and statuses typed by the user are kept.

use super::answers::{ActionEntry, ActionStatus};
use super::model::{ItemKind, Questionnaire};
use super::scoring::Outcome;

/// Entries to add to `existing` for the gaps of `outcome`, worded in `lang`.
pub fn draft(
    q: &Questionnaire,
    outcome: &Outcome,
    existing: &[ActionEntry],
    lang: &str,
) -> Vec<ActionEntry> {
    outcome
        .gaps
        .iter()
        .filter(|g| {
            !existing
                .iter()
                .any(|e| e.item.as_deref() == Some(g.item.as_str()))
        })
        .filter_map(|g| {
            let item = q.item(&g.item)?;
            let mut action = g
                .action
                .as_ref()
                .map(|a| a.get(lang).to_owned())
                .unwrap_or_default();
            // For a risk, name the mitigations not yet in place: they are the concrete steps.
            if let (ItemKind::Risk { mitigations, .. }, Some(risk)) =
                (&item.kind, outcome.risks.iter().find(|r| r.item == g.item))
            {
                let open: Vec<&str> = mitigations
                    .iter()
                    .filter(|m| risk.open_mitigations.contains(&m.id))
                    .map(|m| m.label.get(lang))
                    .collect();
                if !open.is_empty() {
                    action = format!("{action} — {}", open.join(" ; "));
                }
            }
            Some(ActionEntry {
                item: Some(g.item.clone()),
                gap: item.text.get(lang).to_owned(),
                action,
                owner: String::new(),
                due: None,
                status: ActionStatus::NotStarted,
            })
        })
        .collect()
}

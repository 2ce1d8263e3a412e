//! The action plan drafted from gaps.

mod common;

use common::*;
use psea_assess::engine::answers::{ActionEntry, ActionStatus};
use psea_assess::engine::plan::draft;
use psea_assess::engine::scoring::score;
use serde_json::json;

#[test]
fn one_entry_per_gap_with_the_suggested_action() {
    let q = load_file("unicef-psea-2020.toml");
    let a = answers(
        &q,
        &[
            ("cs1_policy", json!("adequate")),
            ("cs2_management", json!("absent")),
            ("cs3_training", json!("adequate")),
            ("cs4_reporting", json!("progressing")),
            ("cs5_assistance", json!("adequate")),
            ("cs6_investigations", json!("adequate")),
        ],
    );
    let out = score(&q, &a);
    let plan = draft(&q, &out, &[], "fr");
    assert_eq!(
        plan.iter()
            .map(|e| e.item.as_deref().unwrap())
            .collect::<Vec<_>>(),
        ["cs2_management", "cs4_reporting"]
    );
    assert!(plan[0].action.starts_with("Ajouter la clause PEAS"));
    assert!(plan[0].gap.starts_with("Les contrats et accords"));
    assert_eq!(plan[0].status, ActionStatus::NotStarted);
    let en = draft(&q, &out, &[], "en");
    assert!(en[0].action.starts_with("Add the PSEA clause"));
}

#[test]
fn drafting_again_keeps_what_the_user_typed() {
    let q = load_file("unicef-psea-2020.toml");
    let pairs: Vec<_> = UNICEF_STANDARDS
        .iter()
        .map(|s| (*s, json!("progressing")))
        .collect();
    let out = score(&q, &answers(&q, &pairs));
    let mine = ActionEntry {
        item: Some("cs1_policy".into()),
        gap: "Politique".into(),
        action: "Atelier avec le réseau PEAS".into(),
        owner: "Directrice".into(),
        due: chrono::NaiveDate::from_ymd_opt(2027, 3, 31),
        status: ActionStatus::InProgress,
        ..ActionEntry::default()
    };
    let added = draft(&q, &out, std::slice::from_ref(&mine), "fr");
    assert_eq!(added.len(), 5, "cs1 already has an entry");
    assert!(added
        .iter()
        .all(|e| e.item.as_deref() != Some("cs1_policy")));
}

/// A plan drafted in French reads in English after a switch, on every output (they all word an
/// entry through `present::plan`); an action the user rewrote stays as they wrote it.
#[test]
fn a_drafted_action_reads_in_the_readers_language_a_rewritten_one_as_written() {
    use psea_assess::present::{plan, Lang};
    let q = load_file("unicef-psea-2020.toml");
    let pairs: Vec<_> = UNICEF_STANDARDS
        .iter()
        .map(|s| (*s, json!("absent")))
        .collect();
    let out = score(&q, &answers(&q, &pairs));
    let fr = draft(&q, &out, &[], "fr");
    let en = draft(&q, &out, &[], "en");
    assert!(fr.len() >= 2);
    for (f, e) in fr.iter().zip(&en) {
        assert_ne!(
            f.action, e.action,
            "{:?} has one action for both languages",
            f.item
        );
        assert_eq!(plan::action(&q, f, Lang::En), e.action);
        assert_eq!(plan::action(&q, e, Lang::Fr), f.action);
        assert_eq!(plan::action(&q, f, Lang::Fr), f.action);
        // The gap is the item's statement in the reader's language, whatever was stored.
        assert_eq!(plan::gap(&q, f, Lang::En), plan::gap(&q, e, Lang::En));
        assert_ne!(plan::gap(&q, f, Lang::En), plan::gap(&q, f, Lang::Fr));
    }
    let mut mine = fr[0].clone();
    mine.action = format!("{} avant mars", fr[0].action);
    assert_eq!(plan::action(&q, &mine, Lang::En), mine.action);
    mine.action.clear();
    assert_eq!(
        plan::action(&q, &mine, Lang::En),
        "",
        "an action the user emptied stays empty"
    );
}

/// A risk's measure drafted as an action follows the language too.
#[test]
fn a_drafted_risk_measure_reads_in_the_readers_language() {
    use psea_assess::present::{plan, Lang};
    let q = load_file("cash-transfer-sea-risk.toml");
    let (item, measure, label) = q
        .items()
        .find_map(|(_, i)| match &i.kind {
            psea_assess::engine::model::ItemKind::Risk { mitigations, .. } => mitigations
                .first()
                .map(|m| (i.id.clone(), m.id.clone(), m.label.clone())),
            _ => None,
        })
        .expect("the cash form has a risk with a measure");
    let entry = ActionEntry {
        item: Some(item),
        measure: Some(measure),
        action: label.get("fr").to_owned(),
        ..ActionEntry::default()
    };
    assert_ne!(label.get("fr"), label.get("en"));
    assert_eq!(plan::action(&q, &entry, Lang::En), label.get("en"));
}

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

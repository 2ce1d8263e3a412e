//! The bundled questionnaires: complete in French and English, faithful to their sources,
//! and scoring realistic filled examples to results worked out by hand.

mod common;

use common::*;
use psea_assess::engine::model::{ItemKind, RuleStatus};
use psea_assess::engine::scoring::{score, Effect};
use psea_assess::engine::Questionnaire;
use serde_json::json;

const FILES: [&str; 6] = [
    "unicef-psea-2020.toml",
    "un-common-psea.toml",
    "cash-transfer-sea-risk.toml",
    "distribution-sea-risk.toml",
    "programme-sea-risk-flags.toml",
    "psea-training-quiz.toml",
];

/// Words spelled the same in French and English, which may legitimately be identical.
const SAME_IN_BOTH: [&str; 2] = ["Rare", "Possible"];

fn all() -> Vec<(&'static str, Questionnaire)> {
    FILES.iter().map(|f| (*f, load_file(f))).collect()
}

#[test]
fn every_bundled_file_is_listed_here() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(format!("{}/questionnaires", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".toml"))
            .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FILES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_file_is_in_french_and_english() {
    for (f, q) in all() {
        assert_eq!(q.languages, ["fr", "en"], "{f}");
        for (at, t) in q.texts() {
            assert!(
                !t.get("fr").trim().is_empty() && t.0.contains_key("en"),
                "{f}: {at}"
            );
        }
    }
}

#[test]
fn french_strings_are_not_copies_of_the_english() {
    let mut copies = Vec::new();
    for (f, q) in all() {
        for (at, t) in q.texts() {
            let (fr, en) = (t.get("fr"), t.get("en"));
            if fr == en && !SAME_IN_BOTH.contains(&fr) {
                copies.push(format!("{f}: {at}: {fr}"));
            }
        }
    }
    assert!(
        copies.is_empty(),
        "French identical to English:\n{}",
        copies.join("\n")
    );
}

#[test]
fn french_typography_uses_typographic_apostrophes() {
    // "l'aide" with a straight quote is a typo in our French: ’ (U+2019) is the house style.
    for (f, q) in all() {
        for (at, t) in q.texts() {
            assert!(
                !t.get("fr").contains('\''),
                "{f}: {at}: straight apostrophe in {:?}",
                t.get("fr")
            );
            assert!(
                !t.get("fr").contains('"'),
                "{f}: {at}: use « » in French, not \""
            );
        }
    }
}

#[test]
fn every_item_has_guidance_and_every_gap_an_action() {
    for (f, q) in all() {
        assert!(!q.sources.is_empty(), "{f} lists no source");
        for (_, i) in q.items() {
            let scored = psea_assess::engine::scoring::scored_items(&q)
                .iter()
                .any(|s| s.id == i.id);
            match &q.scoring.rule {
                // Quiz questions explain the answer afterwards; guidance would give it away.
                psea_assess::engine::model::Rule::Quiz(_) => {
                    assert!(i.explanation.is_some(), "{f}: {}", i.id)
                }
                _ => assert!(i.guidance.is_some(), "{f}: item {} has no guidance", i.id),
            }
            if scored && !matches!(q.scoring.rule, psea_assess::engine::model::Rule::Quiz(_)) {
                assert!(
                    i.action.is_some(),
                    "{f}: scored item {} has no action for a gap",
                    i.id
                );
            }
            if let ItemKind::Risk { mitigations, .. } = &i.kind {
                assert!(
                    mitigations.len() >= 2,
                    "{f}: risk {} needs mitigations",
                    i.id
                );
            }
        }
    }
}

#[test]
fn provisional_rules_are_marked_and_explained() {
    for (f, q) in all() {
        let expected = match f {
            "unicef-psea-2020.toml" | "psea-training-quiz.toml" => RuleStatus::Verified,
            _ => RuleStatus::Provisional,
        };
        assert_eq!(q.scoring.status, expected, "{f}");
        if expected == RuleStatus::Provisional {
            let note = q
                .scoring
                .note
                .as_ref()
                .unwrap_or_else(|| panic!("{f}: provisional rule without a note"));
            assert!(note.get("fr").starts_with("PROVISOIRE"), "{f}");
            assert!(note.get("en").starts_with("PROVISIONAL"), "{f}");
        }
    }
}

#[test]
fn unicef_example_ngo_in_mopti() {
    let q = load_file("unicef-psea-2020.toml");
    let a = answers(
        &q,
        &[
            ("cs1_policy", json!("adequate")),        // 3
            ("cs2_management", json!("progressing")), // 2
            ("cs3_training", json!("progressing")),   // 2
            ("cs4_reporting", json!("absent")),       // 1
            ("cs5_assistance", json!("progressing")), // 2
            ("cs6_investigations", json!("absent")),  // 1
        ],
    );
    let out = score(&q, &a);
    // 3 + 2 + 2 + 1 + 2 + 1 = 11, within 9–14.
    assert_eq!(out.score, Some(11));
    let band = out.band.unwrap();
    assert_eq!(band.label.get("fr"), "Capacité moyenne (risque modéré)");
    assert_eq!(band.risk.unwrap().get("fr"), "Risque d’EAS modéré");
    assert_eq!(
        out.gaps.len(),
        5,
        "every standard below adequate feeds the plan"
    );
    assert_eq!(q.validity_years, Some(5));
}

#[test]
fn un_common_example_with_no_past_allegation() {
    let q = load_file("un-common-psea.toml");
    let a = answers(
        &q,
        &[
            ("staff_count", json!(24)),
            ("volunteer_count", json!(60)),
            ("beneficiary_contact", json!("yes")),
            ("allegations_received", json!("no")),
            (
                "allegations_handling",
                json!("texte resté d’une saisie précédente"),
            ),
            ("std1_policy", json!("yes")),
            ("std2_contracts", json!("yes")),
            ("std3_vetting", json!("no")),
            ("std4_training", json!("yes")),
            ("std5_reporting", json!("yes")),
            ("std6_assistance", json!("yes")),
            ("std7_investigations", json!("no")),
            ("std8_corrective", json!("na")),
        ],
    );
    let visible = psea_assess::engine::condition::visible_items(&q, &a);
    assert!(
        !visible.iter().any(|i| i.id == "allegations_handling"),
        "shown only when allegations were received"
    );
    let out = score(&q, &a);
    // Met: 1, 2, 4, 5, 6 = 5; standard 8 N/A counts as met = 6 of 8 → medium (6–7).
    assert_eq!((out.score, out.max), (Some(6), Some(8)));
    assert_eq!(
        out.band.unwrap().label.get("fr"),
        "Capacité moyenne (risque modéré)"
    );
    assert_eq!(out.status, RuleStatus::Provisional);
    assert_eq!(
        out.gaps.iter().map(|g| g.item.as_str()).collect::<Vec<_>>(),
        ["std3_vetting", "std7_investigations"]
    );
    assert_eq!(
        out.items
            .iter()
            .find(|r| r.item == "std8_corrective")
            .unwrap()
            .effect,
        Effect::NaMet
    );
}

#[test]
fn cash_transfer_example_mobile_money_in_segou() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let a = answers(
        &q,
        &[
            ("programme", json!("Transferts d’urgence, cercle de Ségou")),
            ("review_stage", json!("before")),
            ("modalities", json!(["mobile_money", "cash_in_hand"])),
            ("households", json!(1200)),
            // inherent 4×4 = 16; two likelihood mitigations → 2×4 = 8
            (
                "r_gatekeeping",
                json!({"likelihood": 4, "impact": 4, "mitigations": ["public_criteria", "public_validation"]}),
            ),
            // rated 3×3, floor lifts impact to 4: 12; one mitigation → 2×4 = 8
            (
                "r_stigma",
                json!({"likelihood": 3, "impact": 3, "mitigations": ["broad_criteria"]}),
            ),
            // 4×4 = 16; three mitigations → 1×4 = 4
            (
                "r_not_free",
                json!({"likelihood": 4, "impact": 4, "mitigations": ["free_message", "entitlement_posters", "radio"]}),
            ),
            // 3×5 = 15; two mitigations → 1×5 = 5
            (
                "r_fsp_agents",
                json!({"likelihood": 3, "impact": 5, "mitigations": ["fsp_clause", "agent_briefing"]}),
            ),
            // hidden: no vouchers are used, so this rating must not count
            ("r_vendors", json!({"likelihood": 5, "impact": 5})),
            // 3×4 = 12, nothing in place
            ("r_access", json!({"likelihood": 3, "impact": 4})),
            // 2×4 = 8; the impact mitigation cannot go below the floor of 4 → 2×4 = 8
            (
                "r_household_control",
                json!({"likelihood": 2, "impact": 4, "mitigations": ["referral_shared"]}),
            ),
            // 2×5 = 10; one mitigation → 1×5 = 5
            (
                "r_extortion",
                json!({"likelihood": 2, "impact": 5, "mitigations": ["discreet_payment"]}),
            ),
            // 2×4 = 8; two mitigations → likelihood stops at 1 → 1×4 = 4
            (
                "r_data_misuse",
                json!({"likelihood": 2, "impact": 4, "mitigations": ["minimisation", "access_control"]}),
            ),
            // 3×4 = 12; one mitigation → 2×4 = 8
            (
                "r_no_safe_channel",
                json!({"likelihood": 3, "impact": 4, "mitigations": ["several_channels"]}),
            ),
            // 4×4 = 16, nothing in place
            ("r_monitoring_misses", json!({"likelihood": 4, "impact": 4})),
        ],
    );
    let out = score(&q, &a);
    assert!(out.complete, "missing: {:?}", out.missing);
    let residual: Vec<(&str, i64, i64)> = out
        .risks
        .iter()
        .map(|r| (r.item.as_str(), r.inherent_score, r.residual_score))
        .collect();
    assert_eq!(
        residual,
        [
            ("r_monitoring_misses", 16, 16),
            ("r_access", 12, 12),
            ("r_gatekeeping", 16, 8),
            ("r_stigma", 12, 8),
            ("r_no_safe_channel", 12, 8),
            ("r_household_control", 8, 8),
            ("r_fsp_agents", 15, 5),
            ("r_extortion", 10, 5),
            ("r_not_free", 16, 4),
            ("r_data_misuse", 8, 4),
        ]
    );
    // Worst residual 16 → "Élevé" (10–16): mitigation required before the transfer.
    assert_eq!(out.score, Some(16));
    let band = out.band.unwrap();
    assert_eq!(band.label.get("fr"), "Élevé");
    assert!(band
        .advice
        .unwrap()
        .get("fr")
        .contains("avant le transfert"));
    assert_eq!(
        out.items
            .iter()
            .find(|r| r.item == "r_vendors")
            .unwrap()
            .effect,
        Effect::Hidden
    );
    // Residual bands other than low are gaps: all but r_not_free and r_data_misuse.
    assert_eq!(out.gaps.len(), 8);
}

#[test]
fn distribution_example_committee_managed_nfi() {
    let q = load_file("distribution-sea-risk.toml");
    let a = answers(
        &q,
        &[
            ("site", json!("Site de déplacés de Sévaré")),
            ("items_distributed", json!(["nfi", "hygiene"])),
            ("community_managed", json!("yes")),
            (
                "r_no_women_staff",
                json!({"likelihood": 4, "impact": 4, "mitigations": ["women_roles", "women_help_desk"]}),
            ), // 16 → 2×4 = 8
            (
                "r_code_not_signed",
                json!({"likelihood": 3, "impact": 4, "mitigations": ["staff_signed"]}),
            ), // 12 → 2×4 = 8
            (
                "r_not_free",
                json!({"likelihood": 3, "impact": 4, "mitigations": ["entitlement_banners", "free_announcement"]}),
            ), // 12 → 1×4 = 4
            (
                "r_gatekeepers",
                json!({"likelihood": 5, "impact": 5, "mitigations": ["master_list"]}),
            ), // 25 → 4×5 = 20
            (
                "r_timing",
                json!({"likelihood": 2, "impact": 4, "mitigations": ["ends_by_daylight"]}),
            ), // 8 → 1×4 = 4
            ("r_queues", json!({"likelihood": 3, "impact": 2})), // floor: 3×4 = 12, no mitigation
            (
                "r_no_site_channel",
                json!({"likelihood": 3, "impact": 4, "mitigations": ["help_desk", "bypass_channel"]}),
            ), // 12 → 1×4 = 4
            (
                "r_no_referral",
                json!({"likelihood": 2, "impact": 5, "mitigations": ["referral_list"]}),
            ), // 10 → 2×4 = 8
            ("r_pdm_misses", json!({"likelihood": 3, "impact": 4})), // 12
            (
                "r_committee_pdm",
                json!({"likelihood": 4, "impact": 4, "mitigations": ["committee_agreement"]}),
            ), // 16 → 3×4 = 12
            ("r_site_management", json!("na")),
        ],
    );
    let out = score(&q, &a);
    assert!(out.complete, "missing: {:?}", out.missing);
    // No food or shelter: heavy loads hidden; committee-managed: its risk shown and rated.
    assert_eq!(
        out.items
            .iter()
            .find(|r| r.item == "r_heavy_loads")
            .unwrap()
            .effect,
        Effect::Hidden
    );
    let top = &out.risks[0];
    assert_eq!(
        (top.item.as_str(), top.inherent_score, top.residual_score),
        ("r_gatekeepers", 25, 20)
    );
    // Worst residual 20 → "Très élevé" (20–25): postpone the distribution.
    assert_eq!(out.band.unwrap().label.get("fr"), "Très élevé");
    let queues = out.risks.iter().find(|r| r.item == "r_queues").unwrap();
    assert_eq!(
        (queues.impact_rated, queues.impact, queues.residual_score),
        (2, 4, 12)
    );
    // 12 risks in the file: heavy loads hidden, site management N/A, 10 in the register.
    assert_eq!(out.risks.len(), 10);
}

#[test]
fn programme_flags_example() {
    let q = load_file("programme-sea-risk-flags.toml");
    let a = answers(
        &q,
        &[
            ("f_displaced", json!(true)),
            ("f_existing_violence", json!(true)),
            ("f_women_children", json!(true)),
            ("f_most_vulnerable", json!(true)),
            ("f_home_visits", json!(false)),
            ("f_delegated_decisions", json!(false)),
            ("f_high_value", json!(true)),
            ("f_information_not_shared", json!(true)),
            ("f_design_without_community", json!(false)),
            ("f_women_not_consulted", json!(false)),
            ("f_code_not_briefed", json!(false)),
        ],
    );
    let out = score(&q, &a);
    // 6 true of 11 → 4–7 "Risque accru".
    assert_eq!((out.score, out.max), (Some(6), Some(11)));
    assert_eq!(out.band.unwrap().label.get("fr"), "Risque accru");
    assert_eq!(out.gaps.len(), 6);
    assert!(out.gaps.iter().all(|g| g.action.is_some()));
}

#[test]
fn quiz_example_trainee_with_four_mistakes() {
    let q = load_file("psea-training-quiz.toml");
    let questions: Vec<_> = q.items().map(|(_, i)| i).collect();
    assert!(questions.len() >= 20, "at least 20 questions");
    let mut pairs = Vec::new();
    for (n, i) in questions.iter().enumerate() {
        let right = match i.correct.as_ref().unwrap() {
            psea_assess::engine::model::Correct::Bool(b) => json!(b),
            psea_assess::engine::model::Correct::One(s) => json!(s),
            psea_assess::engine::model::Correct::Many(v) => json!(v),
        };
        // Get the 2nd, 5th, 9th and 14th questions wrong.
        let answer = if [1, 4, 8, 13].contains(&n) {
            match &i.kind {
                ItemKind::TrueFalse { .. } => json!(!right.as_bool().unwrap()),
                ItemKind::Choice { choices } => {
                    json!(choices.iter().find(|c| json!(c.id) != right).unwrap().id)
                }
                _ => json!([]),
            }
        } else {
            right
        };
        pairs.push((i.id.as_str(), answer));
    }
    let out = score(&q, &answers(&q, &pairs));
    let n = questions.len() as i64;
    assert_eq!(out.score, Some(n - 4));
    // 19 of 23 = 82.6 % ≥ 80 %: passed.
    assert_eq!(n, 23);
    assert!((out.percent.unwrap() - 1900.0 / 23.0).abs() < 1e-9);
    assert_eq!(out.passed, Some(true));
    assert_eq!(
        out.items
            .iter()
            .filter(|r| r.correct == Some(false))
            .count(),
        4
    );
}

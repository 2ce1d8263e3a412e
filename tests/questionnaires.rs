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
    // Worked by hand with the rule of cash-transfer-sea-risk.toml 2.1.0:
    // - inherent = likelihood × impact counted, impact counted = max(rated, floor): floor 4 for
    //   SEA risks, none (1) for gbv and fraud risks;
    // - only measures `in_place` take steps off (« partly » is ignored, « planned » and
    //   « not applicable » lower nothing); at most 2 steps of likelihood, 1 of impact, 2 in all,
    //   impact first (within its cap), then likelihood; likelihood never below 1, impact never below the floor;
    // - bands: 1–4 Faible, 5–9 Moyen, 10–16 Élevé, 20–25 Très élevé;
    // - rank: residual high to low, ties by inherent, then file order.
    let q = load_file("cash-transfer-sea-risk.toml");
    let a = answers(
        &q,
        &[
            ("programme", json!("Transferts d’urgence, cercle de Ségou")),
            ("review_stage", json!("before")),
            ("modalities", json!(["mobile_money", "cash_in_hand"])),
            ("households", json!(1200)),
            // SEA: 4×4 = 16 Élevé. In place: code_signed, visits_in_pairs: L 4−2 = 2.
            // psea_training planned: lowers nothing. Residual 2×4 = 8 Moyen.
            (
                "r_own_staff",
                json!({"likelihood": 4, "impact": 4, "measures": {
                    "code_signed": {"status": "in_place"},
                    "psea_training": {"status": "planned", "owner": "Responsable RH", "due": "2026-12-01"},
                    "visits_in_pairs": {"status": "in_place"}}}),
            ),
            // SEA: 4×4 = 16. Three likelihood measures in place (independent_check only partly:
            // ignored) = 3 steps, bounded to 2: computed 2×4 = 8. The assessor's justified
            // choice 3×4 = 12 Élevé is retained (above the computed value, not below the bound).
            (
                "r_gatekeeping",
                json!({"likelihood": 4, "impact": 4, "measures": {
                    "public_criteria": {"status": "in_place"},
                    "public_validation": {"status": "in_place"},
                    "mixed_teams": {"status": "in_place"},
                    "independent_check": {"status": "partly"}},
                    "residual": {"likelihood": 3, "impact": 4,
                        "justification": "Des comités de Markala ont déjà fait payer l’inscription en 2025."}}),
            ),
            // GBV, no floor: 3×3 = 9 Moyen. broad_criteria: L 3−1 = 2 → 2×3 = 6 Moyen.
            (
                "r_stigma",
                json!({"likelihood": 3, "impact": 3, "measures": {"broad_criteria": {"status": "in_place"}}}),
            ),
            // SEA: 4×4 = 16. Three likelihood measures in place, bounded to 2 → 2×4 = 8.
            (
                "r_not_free",
                json!({"likelihood": 4, "impact": 4, "measures": {
                    "free_message": {"status": "in_place"},
                    "entitlement_posters": {"status": "in_place"},
                    "radio": {"status": "in_place"},
                    "adapted_awareness": {"status": "planned", "owner": "Chargée de communication", "due": "2026-12-15"}}}),
            ),
            // SEA, shown for mobile money and cash in hand: 3×5 = 15 Élevé. Two likelihood
            // measures: L 3−2 = 1 → 1×5 = 5 Moyen.
            (
                "r_fsp_agents",
                json!({"likelihood": 3, "impact": 5, "measures": {
                    "fsp_clause": {"status": "in_place"}, "agent_briefing": {"status": "in_place"}}}),
            ),
            // Hidden: no vouchers are used, so this rating must not count.
            ("r_vendors", json!({"likelihood": 5, "impact": 5})),
            // GBV: 3×4 = 12 Élevé, nothing in place → 12.
            ("r_access", json!({"likelihood": 3, "impact": 4})),
            // SEA: 2×5 = 10 Élevé. child_survivor_referral: I 5−1 = 4 (the floor allows it),
            // taken first; adult_recipient and cp_referral (both likelihood) get the 1 step left
            // of the 2 in all: L 2−1 = 1 → 1×4 = 4 Faible.
            (
                "r_children_collect",
                json!({"likelihood": 2, "impact": 5, "measures": {
                    "adult_recipient": {"status": "in_place"}, "cp_referral": {"status": "in_place"},
                    "child_survivor_referral": {"status": "in_place"}}}),
            ),
            // Fraud, no floor: rated 3×2, counted 3×2 = 6 Moyen. own_sim: L 3−1 = 2 → 2×2 = 4 Faible.
            (
                "r_sim_pin",
                json!({"likelihood": 3, "impact": 2, "measures": {"own_sim": {"status": "in_place"}}}),
            ),
            // GBV: 2×4 = 8 Moyen. referral_shared lowers impact: 4−1 = 3 → 2×3 = 6 Moyen.
            (
                "r_household_control",
                json!({"likelihood": 2, "impact": 4, "measures": {"referral_shared": {"status": "in_place"}}}),
            ),
            // GBV: 2×5 = 10 Élevé. discreet_payment: L 2−1 = 1 → 1×5 = 5 Moyen.
            (
                "r_extortion",
                json!({"likelihood": 2, "impact": 5, "measures": {"discreet_payment": {"status": "in_place"}}}),
            ),
            // SEA: rated 2×2, impact counted 4 (SEA floor) → 2×4 = 8 Moyen. Two likelihood
            // measures, but likelihood stops at 1 → 1×4 = 4 Faible.
            (
                "r_data_misuse",
                json!({"likelihood": 2, "impact": 2, "measures": {
                    "minimisation": {"status": "in_place"}, "access_control": {"status": "in_place"}}}),
            ),
            // GBV, no floor: 3×4 = 12 Élevé. leak_response lowers impact: 4−1 = 3; secure_transfer
            // planned lowers nothing → 3×3 = 9 Moyen.
            (
                "r_data_leak",
                json!({"likelihood": 3, "impact": 4, "measures": {
                    "secure_transfer": {"status": "planned", "owner": "Chargé de suivi-évaluation", "due": "2026-12-01"},
                    "leak_response": {"status": "in_place"}}}),
            ),
            // SEA: 3×4 = 12. several_channels: L 3−1 = 2; gbv_referral cannot take impact under
            // the floor of 4 → 2×4 = 8 Moyen.
            (
                "r_no_safe_channel",
                json!({"likelihood": 3, "impact": 4, "measures": {
                    "several_channels": {"status": "in_place"}, "gbv_referral": {"status": "in_place"}}}),
            ),
            // SEA: 4×4 = 16 Élevé, nothing in place → 16.
            ("r_monitoring_misses", json!({"likelihood": 4, "impact": 4})),
        ],
    );
    let out = score(&q, &a);
    assert!(out.complete, "missing: {:?}", out.missing);
    // (item, inherent L, impact counted, inherent, residual L, residual I, residual), by rank.
    let register: Vec<(&str, u8, u8, i64, u8, u8, i64)> = out
        .risks
        .iter()
        .map(|r| {
            (
                r.item.as_str(),
                r.likelihood,
                r.impact,
                r.inherent_score,
                r.residual_likelihood,
                r.residual_impact,
                r.residual_score,
            )
        })
        .collect();
    assert_eq!(
        register,
        [
            ("r_monitoring_misses", 4, 4, 16, 4, 4, 16),
            ("r_gatekeeping", 4, 4, 16, 3, 4, 12), // justified choice; inherent 16 first
            ("r_access", 3, 4, 12, 3, 4, 12),
            ("r_data_leak", 3, 4, 12, 3, 3, 9),
            ("r_own_staff", 4, 4, 16, 2, 4, 8), // file order before r_not_free
            ("r_not_free", 4, 4, 16, 2, 4, 8),
            ("r_no_safe_channel", 3, 4, 12, 2, 4, 8),
            ("r_stigma", 3, 3, 9, 2, 3, 6),
            ("r_household_control", 2, 4, 8, 2, 3, 6),
            ("r_fsp_agents", 3, 5, 15, 1, 5, 5),
            ("r_extortion", 2, 5, 10, 1, 5, 5),
            ("r_children_collect", 2, 5, 10, 1, 4, 4),
            ("r_data_misuse", 2, 4, 8, 1, 4, 4),
            ("r_sim_pin", 3, 2, 6, 2, 2, 4),
        ]
    );
    for (n, r) in out.risks.iter().enumerate() {
        assert_eq!(r.rank, n + 1, "{}", r.item);
    }
    let risk = |id: &str| out.risks.iter().find(|r| r.item == id).unwrap();
    // The assessor's choice is kept next to the computed value.
    let g = risk("r_gatekeeping");
    assert_eq!(
        (g.computed_likelihood, g.computed_impact, g.computed_score),
        (2, 4, 8)
    );
    assert!(g.override_used && g.bounded);
    assert_eq!(g.residual_band.as_deref(), Some("high"));
    assert_eq!(g.inherent_band.as_deref(), Some("high"));
    // Three ticks would have taken 3 steps: the bound keeps 2.
    assert!(risk("r_not_free").bounded);
    // Floor shown as « noté 2, compté 4 » for SEA, not applied to fraud.
    let d = risk("r_data_misuse");
    assert_eq!(
        (d.impact_rated, d.impact, d.category.as_deref()),
        (2, 4, Some("sea"))
    );
    let s = risk("r_sim_pin");
    assert_eq!(
        (s.impact_rated, s.impact, s.category.as_deref()),
        (2, 2, Some("fraud"))
    );
    assert_eq!(risk("r_household_control").category.as_deref(), Some("gbv"));
    assert_eq!(
        risk("r_no_safe_channel").residual_impact,
        4,
        "inert under the floor"
    );
    assert_eq!(
        risk("r_children_collect").residual_impact,
        4,
        "counts from 5"
    );
    // Worst residual 16 → « Élevé » (10–16): measures required before the transfer.
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
    // Residual bands other than low are gaps: all but the three « Faible » ones.
    assert_eq!(out.gaps.len(), 11);
}

#[test]
fn distribution_example_committee_managed_nfi() {
    // Same rule as the cash check (see the cash example above for the arithmetic rules).
    let q = load_file("distribution-sea-risk.toml");
    let a = answers(
        &q,
        &[
            ("site", json!("Site de déplacés de Sévaré")),
            ("items_distributed", json!(["nfi", "hygiene"])),
            ("community_managed", json!("yes")),
            // SEA: 4×4 = 16; two likelihood measures: L 4−2 = 2 → 2×4 = 8 Moyen.
            (
                "r_no_women_staff",
                json!({"likelihood": 4, "impact": 4, "measures": {
                    "women_roles": {"status": "in_place"}, "women_help_desk": {"status": "in_place"}}}),
            ),
            // SEA: 3×4 = 12; staff_signed: L 3−1 = 2; day_workers_signed only partly: ignored
            // → 2×4 = 8 Moyen.
            (
                "r_code_not_signed",
                json!({"likelihood": 3, "impact": 4, "measures": {
                    "staff_signed": {"status": "in_place"}, "day_workers_signed": {"status": "partly"}}}),
            ),
            // SEA: 3×4 = 12; two likelihood measures: L 3−2 = 1 → 1×4 = 4 Faible.
            (
                "r_not_free",
                json!({"likelihood": 3, "impact": 4, "measures": {
                    "entitlement_banners": {"status": "in_place"}, "free_announcement": {"status": "in_place"}}}),
            ),
            // SEA: 5×5 = 25 Très élevé; master_list: L 5−1 = 4 → 4×5 = 20 Très élevé.
            (
                "r_gatekeepers",
                json!({"likelihood": 5, "impact": 5, "measures": {"master_list": {"status": "in_place"}}}),
            ),
            // GBV (protection): 3×4 = 12. escort_last_resort not applicable and armed_outside
            // planned lower nothing; protection_monitor: L 3−1 = 2 → 2×4 = 8 Moyen.
            (
                "r_armed_presence",
                json!({"likelihood": 3, "impact": 4, "measures": {
                    "escort_last_resort": {"status": "not_applicable"},
                    "armed_outside": {"status": "planned", "owner": "Chef de site", "due": "2026-11-30"},
                    "protection_monitor": {"status": "in_place"}}}),
            ),
            // GBV: 2×4 = 8; ends_by_daylight: L 2−1 = 1 → 1×4 = 4 Faible.
            (
                "r_timing",
                json!({"likelihood": 2, "impact": 4, "measures": {"ends_by_daylight": {"status": "in_place"}}}),
            ),
            // SEA: rated 3×2, impact counted 4 (floor) → 3×4 = 12 Élevé, nothing in place.
            ("r_queues", json!({"likelihood": 3, "impact": 2})),
            // SEA, shown for bulky household items now: 3×4 = 12; transport_help → 2×4 = 8.
            (
                "r_heavy_loads",
                json!({"likelihood": 3, "impact": 4, "measures": {"transport_help": {"status": "in_place"}}}),
            ),
            // SEA: 2×5 = 10; child_priority: L 2−1 = 1 → 1×5 = 5 Moyen (no impact measure in place).
            (
                "r_children_alone",
                json!({"likelihood": 2, "impact": 5, "measures": {"child_priority": {"status": "in_place"}}}),
            ),
            // SEA: 3×4 = 12; lists_controlled: L 3−1 = 2 → 2×4 = 8.
            (
                "r_data_misuse",
                json!({"likelihood": 3, "impact": 4, "measures": {"lists_controlled": {"status": "in_place"}}}),
            ),
            // SEA: 3×5 = 15; help_desk: L 3−1 = 2; referral_ready lowers impact as it claims:
            // 5−1 = 4 (2 steps in all) → 2×4 = 8.
            (
                "r_no_site_channel",
                json!({"likelihood": 3, "impact": 5, "measures": {
                    "help_desk": {"status": "in_place"}, "referral_ready": {"status": "in_place"}}}),
            ),
            // Fraud: 4×3 = 12; committee_agreement: L 4−1 = 3 → computed 3×3 = 9 Moyen; the
            // justified choice 4×3 = 12 Élevé is retained.
            (
                "r_committee_diversion",
                json!({"likelihood": 4, "impact": 3, "measures": {"committee_agreement": {"status": "in_place"}},
                    "residual": {"likelihood": 4, "impact": 3,
                        "justification": "L’accord signé n’a pas encore été vérifié par un suivi."}}),
            ),
            ("r_site_management", json!("na")),
        ],
    );
    let out = score(&q, &a);
    assert!(out.complete, "missing: {:?}", out.missing);
    let register: Vec<(&str, i64, u8, u8, i64)> = out
        .risks
        .iter()
        .map(|r| {
            (
                r.item.as_str(),
                r.inherent_score,
                r.residual_likelihood,
                r.residual_impact,
                r.residual_score,
            )
        })
        .collect();
    assert_eq!(
        register,
        [
            ("r_gatekeepers", 25, 4, 5, 20),
            ("r_queues", 12, 3, 4, 12), // ties at 12/12: file order
            ("r_committee_diversion", 12, 4, 3, 12),
            ("r_no_women_staff", 16, 2, 4, 8),
            ("r_no_site_channel", 15, 2, 4, 8),
            ("r_code_not_signed", 12, 2, 4, 8),
            ("r_armed_presence", 12, 2, 4, 8),
            ("r_heavy_loads", 12, 2, 4, 8),
            ("r_data_misuse", 12, 2, 4, 8),
            ("r_children_alone", 10, 1, 5, 5),
            ("r_not_free", 12, 1, 4, 4),
            ("r_timing", 8, 1, 4, 4),
        ]
    );
    assert_eq!(out.risks.last().unwrap().rank, 12);
    let risk = |id: &str| out.risks.iter().find(|r| r.item == id).unwrap();
    let queues = risk("r_queues");
    assert_eq!((queues.impact_rated, queues.impact), (2, 4));
    let c = risk("r_committee_diversion");
    assert_eq!((c.computed_score, c.override_used), (9, true));
    assert_eq!(c.category.as_deref(), Some("fraud"));
    // Not applicable measures leave the plan; planned and partly ones stay in it.
    assert_eq!(risk("r_armed_presence").open_mitigations, ["armed_outside"]);
    assert_eq!(
        risk("r_code_not_signed").open_mitigations,
        ["day_workers_signed", "visible_id"]
    );
    // Worst residual 20 → « Très élevé »: review before going ahead, and say that pausing harms.
    assert_eq!(out.score, Some(20));
    let band = out.band.unwrap();
    assert_eq!(band.label.get("fr"), "Très élevé");
    let advice = band.advice.unwrap();
    assert!(advice.get("fr").contains("personnel de protection"));
    assert!(advice
        .get("fr")
        .contains("stratégies d’adaptation négatives"));
    // 13 risks: site management N/A, 12 in the register (heavy loads shown for NFI).
    assert_eq!(out.risks.len(), 12);
}

/// Every risk of the cash and distribution checks rated « Presque certaine × Majeur » (5 × 4)
/// with every measure in place stays « Élevé »: the bound (2 steps in all) keeps it at 12.
#[test]
fn all_measures_in_place_cannot_talk_down_almost_certain_major() {
    for (file, context) in [
        (
            "cash-transfer-sea-risk.toml",
            vec![(
                "modalities",
                json!(["cash_in_hand", "mobile_money", "agent_bank", "vouchers"]),
            )],
        ),
        (
            "distribution-sea-risk.toml",
            vec![
                (
                    "items_distributed",
                    json!(["food", "nfi", "shelter", "hygiene"]),
                ),
                ("community_managed", json!("yes")),
            ],
        ),
    ] {
        let q = load_file(file);
        let mut pairs = context;
        for (_, i) in q.items() {
            if let ItemKind::Risk { mitigations, .. } = &i.kind {
                let all: serde_json::Map<String, serde_json::Value> = mitigations
                    .iter()
                    .map(|m| (m.id.clone(), json!({"status": "in_place"})))
                    .collect();
                pairs.push((
                    i.id.as_str(),
                    json!({"likelihood": 5, "impact": 4, "measures": all}),
                ));
            }
        }
        let out = score(&q, &answers(&q, &pairs));
        let risks = q
            .items()
            .filter(|(_, i)| matches!(i.kind, ItemKind::Risk { .. }))
            .count();
        assert_eq!(out.risks.len(), risks, "{file}: every risk shown");
        for r in &out.risks {
            // 5×4 = 20; at most 2 steps: 3×4 or 4×3 = 12.
            assert_eq!(r.inherent_score, 20, "{file}: {}", r.item);
            assert!(
                r.residual_score >= 10,
                "{file}: {} fell to {}",
                r.item,
                r.residual_score
            );
            assert_eq!(r.residual_score, 12, "{file}: {}", r.item);
            assert_eq!(
                r.residual_band.as_deref(),
                Some("high"),
                "{file}: {}",
                r.item
            );
        }
        assert_eq!(out.band.unwrap().label.get("fr"), "Élevé", "{file}");
    }
}

/// Issue #11: every risk says it is rated without its measures, and names its category.
#[test]
fn risks_are_rated_without_their_measures_and_categorised() {
    for file in ["cash-transfer-sea-risk.toml", "distribution-sea-risk.toml"] {
        let q = load_file(file);
        for (_, i) in q.items() {
            if let ItemKind::Risk { category, .. } = &i.kind {
                let g = i.guidance.as_ref().unwrap();
                assert!(
                    g.get("fr").contains("Notez sans les mesures ci-dessous"),
                    "{file}: {}",
                    i.id
                );
                assert!(
                    g.get("en").contains("Rate without the measures below"),
                    "{file}: {}",
                    i.id
                );
                assert!(
                    matches!(category.as_deref(), Some("sea" | "gbv" | "fraud")),
                    "{file}: {} has category {category:?}",
                    i.id
                );
            }
        }
    }
}

/// The schema-1 example of cash 1.0.0 still loads into 2.1.0: every item and measure id it
/// uses still exists, so nothing is set aside; its ticks mean « in place ».
#[test]
fn cash_schema1_example_still_loads() {
    use psea_assess::engine::answers::{place, AnswersFile};
    let q = load_file("cash-transfer-sea-risk.toml");
    let file = AnswersFile::from_json(&questionnaire_text(
        "examples/legacy/cash-transfer-sea-risk-schema1.json",
    ))
    .unwrap();
    assert_eq!(file.schema, 1);
    let (file, placed) = place(&q, file).unwrap();
    assert_eq!(
        placed.version_change,
        Some(("1.0.0".to_string(), "2.1.0".to_string()))
    );
    assert!(placed.set_aside.is_empty(), "{:?}", placed.set_aside);
    let out = score(&q, &file);
    // The risks new in 2.0.0 and 2.1.0 that its modalities show are still to be rated.
    let mut missing: Vec<&str> = out.missing.iter().map(|m| m.item.as_str()).collect();
    missing.sort();
    assert_eq!(
        missing,
        [
            "r_children_collect",
            "r_data_leak",
            "r_own_staff",
            "r_sim_pin"
        ]
    );
    assert!(!out.complete && out.band.is_none());
    let risk = |id: &str| out.risks.iter().find(|r| r.item == id).unwrap();
    // Three ticks on 4×4: 1.0.0 gave 1×4 = 4; the bound now keeps 2×4 = 8.
    let nf = risk("r_not_free");
    assert_eq!((nf.residual_likelihood, nf.residual_score), (2, 8));
    // r_stigma is GBV now: rated 3×3 counts 3×3 = 9 (1.0.0 floored it to 12); one tick → 2×3 = 6.
    let st = risk("r_stigma");
    assert_eq!((st.inherent_score, st.residual_score), (9, 6));
}

#[test]
fn programme_flags_example() {
    let q = load_file("programme-sea-risk-flags.toml");
    let a = answers(
        &q,
        &[
            // Context flags (counted apart): 4 true of 5.
            ("f_displaced", json!(true)),
            ("f_existing_violence", json!(true)),
            ("f_women_children", json!(false)), // general food distribution
            ("f_most_vulnerable", json!(true)),
            ("f_high_value", json!(true)),
            // Design flags (banded): 1 true of 6.
            ("f_home_visits", json!(false)),
            ("f_delegated_decisions", json!(false)),
            ("f_information_not_shared", json!(true)),
            ("f_design_without_community", json!(false)),
            ("f_women_not_consulted", json!(false)),
            ("f_code_not_briefed", json!(false)),
        ],
    );
    let out = score(&q, &a);
    // Design: 1 of 6 → 0–1 « Risque de base », however hard the context (4 of 5).
    assert_eq!((out.score, out.max), (Some(1), Some(6)));
    let context = out.context.unwrap();
    assert_eq!((context.raised, context.counted), (4, 5));
    assert_eq!(out.band.unwrap().label.get("fr"), "Risque de base");
    // Every « vrai », context or design, calls for its action.
    assert_eq!(out.gaps.len(), 5);
    assert!(out.gaps.iter().all(|g| g.action.is_some()));

    // The same context with four design flags raised is « Risque élevé » (4–6).
    let mut worse = a.clone();
    for id in [
        "f_home_visits",
        "f_delegated_decisions",
        "f_women_not_consulted",
    ] {
        worse.answers.get_mut(id).unwrap().value = json!(true);
    }
    let out = score(&q, &worse);
    assert_eq!(out.score, Some(4));
    assert_eq!(out.band.unwrap().label.get("fr"), "Risque élevé");
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

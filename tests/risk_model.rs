//! The risk model (issue #11): inherent risk rated without the measures, measures with a
//! status, a bound on what they may take off, the assessor's justified residual, impact
//! floors per category, and the plan drafted from measures not in place.

mod common;

use common::*;
use psea_assess::engine::answers::{ActionStatus, AnswersFile, MeasureStatus};
use psea_assess::engine::model::Rule;
use psea_assess::engine::plan::draft;
use psea_assess::engine::scoring::{score, Outcome, RiskResult};
use psea_assess::present::{risk as present_risk, Lang};
use serde_json::{json, Value};

/// A small register: `sea` (floor 4) and `gbv` (no floor) categories, bound 2/1/2 unless
/// `extra` overrides the scoring keys.
fn q_with(partly: &str) -> String {
    with_header(&format!(
        r#"
[scoring]
rule = "risk_matrix"
status = "provisional"
partly_in_place = "{partly}"
max_reduction = {{ likelihood = 2, impact = 1, total = 2 }}

[[scoring.categories]]
id = "sea"
label = {{ fr = "EAS", en = "SEA" }}
impact_floor = 4
floor_label = {{ fr = "plancher EAS", en = "SEA floor" }}
escalation = {{ fr = "Point focal PEAS", en = "PSEA focal point" }}

[[scoring.categories]]
id = "gbv"
label = {{ fr = "VBG", en = "GBV" }}
escalation = {{ fr = "Sous-cluster VBG", en = "GBV sub-cluster" }}

[[scoring.bands]]
id = "low"
min = 1
max = 4
label = {{ fr = "Faible", en = "Low" }}
[[scoring.bands]]
id = "medium"
min = 5
max = 9
label = {{ fr = "Moyen", en = "Medium" }}
[[scoring.bands]]
id = "high"
min = 10
max = 16
label = {{ fr = "Élevé", en = "High" }}
[[scoring.bands]]
id = "very_high"
min = 20
max = 25
label = {{ fr = "Très élevé", en = "Very high" }}

[[sections]]
id = "s"
title = {t}
[[sections.items]]
id = "sea1"
kind = "risk"
category = "sea"
text = {sea1}
action = {act}
mitigations = [
  {{ id = "l1", lowers = "likelihood", by = 1, label = {l1} }},
  {{ id = "l2", lowers = "likelihood", by = 1, label = {l2} }},
  {{ id = "l3", lowers = "likelihood", by = 1, label = {l3} }},
  {{ id = "l4", lowers = "likelihood", by = 1, label = {l4} }},
  {{ id = "i1", lowers = "impact", by = 1, label = {i1} }},
]
[[sections.items]]
id = "gbv1"
kind = "risk"
category = "gbv"
text = {gbv1}
action = {act}
mitigations = [
  {{ id = "l1", lowers = "likelihood", by = 1, label = {l1} }},
  {{ id = "i1", lowers = "impact", by = 1, label = {i1} }},
]
"#,
        t = text("S"),
        sea1 = text("sea1"),
        gbv1 = text("gbv1"),
        act = text("act"),
        l1 = text("l1"),
        l2 = text("l2"),
        l3 = text("l3"),
        l4 = text("l4"),
        i1 = text("i1"),
    ))
}

fn run(partly: &str, pairs: &[(&str, Value)]) -> (psea_assess::engine::Questionnaire, Outcome) {
    let q = load(&q_with(partly));
    let out = score(&q, &answers(&q, pairs));
    (q, out)
}

fn risk<'o>(out: &'o Outcome, id: &str) -> &'o RiskResult {
    out.risks
        .iter()
        .find(|r| r.item == id)
        .expect("risk in register")
}

fn in_place(ids: &[&str]) -> Value {
    Value::Object(
        ids.iter()
            .map(|id| (id.to_string(), json!({"status": "in_place"})))
            .collect(),
    )
}

#[test]
fn every_measure_in_place_cannot_bring_almost_certain_major_below_high() {
    // 5 × 4 = 20. Four likelihood measures and one impact measure in place would take 5
    // steps; the bound allows 2 in total. Impact is taken first but the floor holds it at 4,
    // so both steps go to likelihood: 3 × 4 = 12, « Élevé ».
    let (_, out) = run(
        "ignored",
        &[
            (
                "sea1",
                json!({"likelihood": 5, "impact": 4, "measures": in_place(&["l1", "l2", "l3", "l4", "i1"])}),
            ),
            (
                "gbv1",
                json!({"likelihood": 5, "impact": 4, "measures": in_place(&["l1", "i1"])}),
            ),
        ],
    );
    let sea = risk(&out, "sea1");
    assert_eq!(
        (sea.inherent_score, sea.inherent_band.as_deref()),
        (20, Some("very_high"))
    );
    assert_eq!((sea.steps_likelihood, sea.steps_impact), (2, 0));
    assert!(sea.bounded, "the bound cut 3 steps");
    assert_eq!(
        (
            sea.residual_likelihood,
            sea.residual_impact,
            sea.residual_score
        ),
        (3, 4, 12)
    );
    assert_eq!(sea.residual_band.as_deref(), Some("high"));
    // gbv1 (no floor): one step each way is within the bound: 4 × 3 = 12, still « Élevé ».
    let gbv = risk(&out, "gbv1");
    assert_eq!((gbv.residual_likelihood, gbv.residual_impact), (4, 3));
    assert!(!gbv.bounded);
    assert_eq!(gbv.residual_band.as_deref(), Some("high"));
    assert_eq!(out.band.as_ref().map(|b| b.id.as_str()), Some("high"));
}

#[test]
fn only_measures_in_place_lower_the_risk() {
    let measures = json!({
        "l1": {"status": "partly"},
        "l2": {"status": "planned", "owner": "Cheffe de projet", "due": "2026-12-15"},
        "l3": {"status": "not_applicable"},
        "l4": {"status": "not_in_place"},
    });
    let (_, out) = run(
        "ignored",
        &[
            (
                "sea1",
                json!({"likelihood": 4, "impact": 4, "measures": measures}),
            ),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    let sea = risk(&out, "sea1");
    assert_eq!((sea.residual_likelihood, sea.residual_impact), (4, 4));
    assert!(sea.mitigations.is_empty());
    // Open: everything but "not applicable" (and what is in place).
    assert_eq!(sea.open_mitigations, ["l1", "l2", "l4", "i1"]);
    let status: Vec<MeasureStatus> = sea.measures.iter().map(|m| m.status).collect();
    assert_eq!(
        status,
        [
            MeasureStatus::Partly,
            MeasureStatus::Planned,
            MeasureStatus::NotApplicable,
            MeasureStatus::NotInPlace,
            MeasureStatus::NotInPlace
        ]
    );
}

#[test]
fn partly_in_place_counts_half_when_the_rule_says_so() {
    let two_partly = json!({"likelihood": 4, "impact": 4,
        "measures": {"l1": {"status": "partly"}, "l2": {"status": "partly"}, "l3": {"status": "partly"}}});
    // "half": three partly measures of 1 step = 1.5 → 1 step: 3 × 4 = 12.
    let (_, out) = run(
        "half",
        &[
            ("sea1", two_partly.clone()),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    assert_eq!(risk(&out, "sea1").residual_likelihood, 3);
    // "ignored": nothing.
    let (_, out) = run(
        "ignored",
        &[
            ("sea1", two_partly),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    assert_eq!(risk(&out, "sea1").residual_likelihood, 4);
}

#[test]
fn the_impact_floor_applies_to_sea_risks_only_and_is_shown() {
    let (q, out) = run(
        "ignored",
        &[
            ("sea1", json!({"likelihood": 2, "impact": 2})),
            ("gbv1", json!({"likelihood": 2, "impact": 2})),
        ],
    );
    let sea = risk(&out, "sea1");
    assert_eq!((sea.impact_rated, sea.impact, sea.impact_floor), (2, 4, 4));
    assert_eq!(sea.inherent_score, 8);
    let gbv = risk(&out, "gbv1");
    assert_eq!((gbv.impact_rated, gbv.impact, gbv.impact_floor), (2, 2, 1));
    let Rule::RiskMatrix(m) = &q.scoring.rule else {
        unreachable!()
    };
    assert_eq!(
        present_risk::floor_note(m, sea, Lang::Fr).as_deref(),
        Some("impact noté 2, compté\u{a0}4\u{a0}: plancher EAS")
    );
    assert_eq!(
        present_risk::floor_note(m, sea, Lang::En).as_deref(),
        Some("impact rated 2, counted\u{a0}4: SEA floor")
    );
    assert_eq!(present_risk::floor_note(m, gbv, Lang::Fr), None);
    assert_eq!(
        present_risk::inherent(m, sea, Lang::Fr),
        "2\u{a0}×\u{a0}4\u{a0}=\u{a0}8 (Moyen) — impact noté 2, compté\u{a0}4\u{a0}: plancher EAS"
    );
    // Category routing: each risk says where it is escalated.
    assert_eq!(
        present_risk::category_line(m, sea, Lang::Fr).as_deref(),
        Some("Catégorie\u{a0}: EAS — Escalade\u{a0}: Point focal PEAS")
    );
    assert_eq!(
        present_risk::category_line(m, gbv, Lang::En).as_deref(),
        Some("Category: GBV — Escalation: GBV sub-cluster")
    );
}

#[test]
fn a_residual_set_by_hand_counts_only_with_a_justification() {
    let base = json!({"likelihood": 5, "impact": 4, "measures": in_place(&["l1", "l2"])});
    let mut unjustified = base.clone();
    unjustified["residual"] = json!({"likelihood": 1});
    let (_, out) = run(
        "ignored",
        &[
            ("sea1", unjustified),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    let sea = risk(&out, "sea1");
    assert!(sea.override_unjustified && !sea.override_used);
    assert_eq!((sea.residual_likelihood, sea.residual_score), (3, 12));

    let mut justified = base;
    justified["residual"] =
        json!({"likelihood": 1, "justification": "Distribution annulée sur ce site"});
    let (q, out) = run(
        "ignored",
        &[
            ("sea1", justified),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    let sea = risk(&out, "sea1");
    assert!(sea.override_used && !sea.override_unjustified);
    // Computed kept beside the choice.
    assert_eq!(
        (
            sea.computed_likelihood,
            sea.computed_impact,
            sea.computed_score
        ),
        (3, 4, 12)
    );
    assert_eq!(
        (
            sea.residual_likelihood,
            sea.residual_impact,
            sea.residual_score
        ),
        (1, 4, 4)
    );
    // The lowest the measures could reach from 5 × 4 (floor 4) with 2 steps is 3 × 4 = 12.
    assert_eq!(sea.lowest_by_measures, 12);
    assert!(sea.below_bound);
    let Rule::RiskMatrix(m) = &q.scoring.rule else {
        unreachable!()
    };
    let text = present_risk::retained(m, sea, Lang::Fr);
    assert!(
        text.contains("1\u{a0}×\u{a0}4\u{a0}=\u{a0}4 (Faible)"),
        "{text}"
    );
    assert!(
        text.contains("«\u{a0}Distribution annulée sur ce site\u{a0}»"),
        "{text}"
    );
    assert!(
        text.contains("⚠ sous le minimum que les mesures permettent (12)"),
        "{text}"
    );
}

#[test]
fn lowest_by_measures_looks_at_every_split_of_the_bound() {
    // 5 × 5 with (likelihood 2, impact 1, total 2): 3×5 = 15, 4×4 = 16 → lowest 15.
    let (_, out) = run(
        "ignored",
        &[
            ("sea1", json!({"likelihood": 5, "impact": 5})),
            ("gbv1", json!({"likelihood": 5, "impact": 4})),
        ],
    );
    assert_eq!(risk(&out, "sea1").lowest_by_measures, 15);
    // 5 × 4 without floor: 3×4 = 12, 4×3 = 12 (5 × 2 is out: impact takes 1 step at most).
    assert_eq!(risk(&out, "gbv1").lowest_by_measures, 12);
}

#[test]
fn the_plan_drafts_open_measures_highest_residual_first() {
    let (q, out) = run(
        "ignored",
        &[
            // 3 × 4 = 12 after l1: l2 planned (owner, date), l3 partly, l4 and i1 open.
            (
                "sea1",
                json!({"likelihood": 4, "impact": 4, "measures": {
                    "l1": {"status": "in_place"},
                    "l2": {"status": "planned", "owner": "Cheffe de projet", "due": "2026-12-15"},
                    "l3": {"status": "partly"},
                    "i1": {"status": "not_applicable"},
                }}),
            ),
            // 5 × 5 = 25 with nothing in place: first in the plan.
            ("gbv1", json!({"likelihood": 5, "impact": 5})),
        ],
    );
    let plan = draft(&q, &out, &[], "fr");
    let order: Vec<(&str, Option<&str>)> = plan
        .iter()
        .map(|e| (e.item.as_deref().unwrap(), e.measure.as_deref()))
        .collect();
    assert_eq!(
        order,
        [
            ("gbv1", Some("l1")),
            ("gbv1", Some("i1")),
            ("sea1", Some("l2")),
            ("sea1", Some("l3")),
            ("sea1", Some("l4")),
        ]
    );
    let planned = &plan[2];
    assert_eq!(planned.owner, "Cheffe de projet");
    assert_eq!(planned.due, chrono::NaiveDate::from_ymd_opt(2026, 12, 15));
    assert_eq!(planned.action, "l2 (fr)");
    assert_eq!(plan[3].status, ActionStatus::InProgress, "partly in place");
    // Drafting again adds nothing; a risk already in the plan as a whole is left alone.
    assert!(draft(&q, &out, &plan, "fr").is_empty());
}

#[test]
fn a_risk_in_the_lowest_band_drafts_nothing_and_one_without_open_measures_drafts_its_action() {
    let (q, out) = run(
        "ignored",
        &[
            ("sea1", json!({"likelihood": 1, "impact": 1})),
            (
                "gbv1",
                json!({"likelihood": 5, "impact": 5, "measures": in_place(&["l1", "i1"])}),
            ),
        ],
    );
    // sea1: 1 × 4 = 4, « Faible »: nothing. gbv1: 4 × 4 = 16 with every measure in place.
    let plan = draft(&q, &out, &[], "en");
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].item.as_deref(), Some("gbv1"));
    assert_eq!(plan[0].measure, None);
    assert_eq!(plan[0].action, "act");
}

#[test]
fn schema_1_lists_mean_in_place_and_read_like_schema_2() {
    let (_, old) = run(
        "ignored",
        &[
            (
                "sea1",
                json!({"likelihood": 4, "impact": 4, "mitigations": ["l1"]}),
            ),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    let (_, new) = run(
        "ignored",
        &[
            (
                "sea1",
                json!({"likelihood": 4, "impact": 4, "measures": in_place(&["l1"])}),
            ),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    assert_eq!(risk(&old, "sea1"), risk(&new, "sea1"));
    assert_eq!(risk(&old, "sea1").residual_likelihood, 3);
    // A whole schema-1 file reads and is raised to the current schema when placed.
    let q = load(&q_with("ignored"));
    let file = AnswersFile::from_json(
        r#"{"schema": 1, "questionnaire": {"id": "t", "version": "1"},
            "answers": {"sea1": {"value": {"likelihood": 4, "impact": 4, "mitigations": ["l1"]}}}}"#,
    )
    .unwrap();
    let (placed, report) = psea_assess::engine::answers::place(&q, file).unwrap();
    assert!(report.set_aside.is_empty());
    assert_eq!(placed.schema, psea_assess::engine::answers::SCHEMA);
    assert_eq!(risk(&score(&q, &placed), "sea1").residual_likelihood, 3);
}

#[test]
fn bad_measure_statuses_are_reported_not_crashed_on() {
    let (_, out) = run(
        "ignored",
        &[
            (
                "sea1",
                json!({"likelihood": 4, "impact": 4, "measures": {"l1": {"status": "maybe"}}}),
            ),
            (
                "gbv1",
                json!({"likelihood": 4, "impact": 4, "measures": {"zz": {"status": "in_place"}}}),
            ),
        ],
    );
    let msgs: Vec<String> = out
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.item, p.message))
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].starts_with("sea1: measure `l1`"), "{msgs:?}");
    assert!(msgs[1].contains("unknown mitigation `zz`"), "{msgs:?}");
}

// ---- validation ----------------------------------------------------------------------

#[test]
fn the_validator_rejects_measures_that_can_never_change_a_result() {
    // Impact may not be lowered at all: the impact measure is inert.
    let src = q_with("ignored").replace(
        "max_reduction = { likelihood = 2, impact = 1, total = 2 }",
        "max_reduction = { likelihood = 2, impact = 0, total = 2 }",
    );
    let errs = errors(&src);
    assert_eq!(
        errs.iter()
            .filter(|e| e.contains("can never change a result"))
            .count(),
        2,
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("measure `i1` of risk `sea1` can never change a result: max_reduction allows no step of impact")),
        "{errs:?}"
    );
    // A floor at the top of the scale makes impact measures inert too.
    let src = q_with("ignored").replace("impact_floor = 4", "impact_floor = 5");
    let errs = errors(&src);
    assert!(
        errs.iter().any(|e| e.contains("measure `i1` of risk `sea1` can never change a result: the impact floor of this risk (5) is the top of the scale")),
        "{errs:?}"
    );
    assert!(
        !errs.iter().any(|e| e.contains("`gbv1` can never")),
        "{errs:?}"
    );
}

#[test]
fn every_risk_names_a_declared_category() {
    let src = q_with("ignored").replace("category = \"gbv\"", "category = \"gvb\"");
    let errs = errors(&src);
    assert!(
        errs.iter()
            .any(|e| e.contains("risk `gbv1` has unknown category `gvb`")
                && e.contains("categories: sea, gbv")),
        "{errs:?}"
    );
    let src = q_with("ignored").replace("category = \"sea\"\n", "");
    let errs = errors(&src);
    assert!(
        errs.iter()
            .any(|e| e.contains("risk `sea1` has no `category`")),
        "{errs:?}"
    );
}

#[test]
fn rule_options_are_checked() {
    let src = q_with("sometimes");
    let errs = errors(&src);
    assert!(
        errs.iter().any(|e| e
            .contains("`partly_in_place` must be \"ignored\" or \"half\", found \"sometimes\"")),
        "{errs:?}"
    );
    let src = q_with("ignored").replace("total = 2 }", "totl = 2 }");
    let errs = errors(&src);
    assert!(
        errs.iter().any(|e| e.contains("unknown key `totl`")),
        "{errs:?}"
    );
    let src = q_with("ignored").replace(
        "floor_label = { fr = \"plancher EAS\", en = \"SEA floor\" }\n",
        "",
    );
    let errs = errors(&src);
    assert!(
        errs.iter().any(|e| e.contains("has no `floor_label`")),
        "{errs:?}"
    );
}

// ---- programme flags: context apart from design --------------------------------------

fn flags_q() -> String {
    with_header(&format!(
        r#"
[scoring]
rule = "flag_count"
status = "provisional"
context_items = ["c1", "c2"]
[[scoring.bands]]
id = "low"
min = 0
max = 1
label = {{ fr = "Faible", en = "Low" }}
[[scoring.bands]]
id = "high"
min = 2
max = 2
label = {{ fr = "Élevé", en = "High" }}
[[sections]]
id = "s"
title = {t}
[[sections.items]]
id = "c1"
kind = "true_false"
text = {c1}
[[sections.items]]
id = "c2"
kind = "true_false"
text = {c2}
[[sections.items]]
id = "d1"
kind = "true_false"
text = {d1}
[[sections.items]]
id = "d2"
kind = "true_false"
text = {d2}
"#,
        t = text("S"),
        c1 = text("c1"),
        c2 = text("c2"),
        d1 = text("d1"),
        d2 = text("d2"),
    ))
}

#[test]
fn context_flags_are_counted_apart_from_the_design_rating() {
    let q = load(&flags_q());
    // A hard context (both context flags) with a careful design (no design flag): « Faible ».
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("c1", json!(true)),
                ("c2", json!(true)),
                ("d1", json!(false)),
                ("d2", json!(false)),
            ],
        ),
    );
    assert_eq!((out.score, out.max), (Some(0), Some(2)));
    assert_eq!(out.band.as_ref().map(|b| b.id.as_str()), Some("low"));
    let c = out.context.expect("context counted");
    assert_eq!((c.raised, c.counted), (2, 2));
    assert_eq!(
        psea_assess::present::context_flags(c, Lang::Fr),
        (
            "Signaux de contexte (comptés à part, hors note)",
            "2 sur 2".to_owned()
        )
    );
    // The same context with a careless design: « Élevé ».
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("c1", json!(true)),
                ("c2", json!(true)),
                ("d1", json!(true)),
                ("d2", json!(true)),
            ],
        ),
    );
    assert_eq!(out.band.as_ref().map(|b| b.id.as_str()), Some("high"));
    // Bands must cover the design flags only: a band for 3 or 4 flags can never be reached.
    let src = flags_q().replace(
        "[[sections]]",
        "[[scoring.bands]]\nid = \"very_high\"\nmin = 3\nmax = 4\nlabel = { fr = \"Très élevé\", en = \"Very high\" }\n[[sections]]",
    );
    let errs = errors(&src);
    assert!(errs.iter().any(|e| e.contains("very_high")), "{errs:?}");
}

#[test]
fn a_harm_reducing_measure_still_counts_when_likelihood_measures_fill_the_bound() {
    // 5 × 5 on an SEA risk (floor 4): two likelihood measures and the impact measure in place
    // would take 3 steps; the total is 2. Impact is taken first (5 → 4), then one step of
    // likelihood: 4 × 4 = 16. The referral-type measure is credited, not left inert.
    let (_, out) = run(
        "ignored",
        &[
            (
                "sea1",
                json!({"likelihood": 5, "impact": 5, "measures": in_place(&["l1", "l2", "i1"])}),
            ),
            ("gbv1", json!({"likelihood": 1, "impact": 1})),
        ],
    );
    let sea = risk(&out, "sea1");
    assert_eq!((sea.steps_likelihood, sea.steps_impact), (1, 1));
    assert_eq!(
        (
            sea.residual_likelihood,
            sea.residual_impact,
            sea.residual_score
        ),
        (4, 4, 16)
    );
    assert!(sea.bounded);
}

/// What « répondues » counts (the filling page's bar and section tabs, the home card): every
/// shown question, scored or not — the bar had counted the scored ones only (« 0 / 15 » over a
/// first section saying « 3/5 »); a quiz's answer once validated.
#[test]
fn progress_counts_every_shown_question_and_a_quiz_answer_once_validated() {
    use psea_assess::engine::condition::{answered, answered_by_section, visible_items};
    let q = load_file("cash-transfer-sea-risk.toml");
    let a = answers(
        &q,
        &[
            ("programme", json!("Transferts Mopti 2026")),
            ("households", json!(120)),
            ("first_payment", json!("2026-12-01")),
        ],
    );
    let visible = visible_items(&q, &a)
        .into_iter()
        .map(|i| i.id.clone())
        .collect();
    let sections = answered_by_section(&q, &a, &visible);
    assert_eq!(sections[0], ("context", 3, 5));
    let shown: usize = sections.iter().map(|s| s.2).sum();
    assert_eq!(answered(&q, &a), (3, shown));
    // The scored questions alone would have said 0 answered.
    assert!(score(&q, &a).missing.iter().filter(|m| m.scored).count() < shown);

    let quiz = load_file("psea-training-quiz.toml");
    let mut f = answers(
        &quiz,
        &[
            ("q_age_of_consent", json!(false)),
            ("q_mistaken_age", json!(false)),
        ],
    );
    assert_eq!(answered(&quiz, &f).0, 2);
    f.answers.get_mut("q_mistaken_age").unwrap().validated = false;
    assert_eq!(answered(&quiz, &f).0, 1);
}

//! count_met, risk_matrix, flag_count and quiz rules.

mod common;

use common::*;
use psea_assess::engine::model::RuleStatus;
use psea_assess::engine::scoring::{score, Effect};
use serde_json::json;

fn yes_no(id: &str, extra: &str) -> String {
    format!(
        "[[sections.items]]\nid = \"{id}\"\nkind = \"yes_no\"\ntext = {}\n{extra}\n",
        text(id)
    )
}

fn count_met_q(na: &str, critical: &str) -> String {
    let mut items = String::new();
    for i in 1..=4 {
        items += &yes_no(
            &format!("s{i}"),
            if i == 4 {
                "na = true\npartial = true"
            } else {
                "partial = true"
            },
        );
    }
    with_header(&format!(
        r#"[scoring]
rule = "count_met"
status = "provisional"
na = "{na}"
[[scoring.bands]]
id = "low"
min = 0
max = 2
label = {{ fr = "faible", en = "low" }}
[[scoring.bands]]
id = "medium"
min = 3
max = 3
label = {{ fr = "moyenne", en = "medium" }}
[[scoring.bands]]
id = "full"
min = 4
max = 4
label = {{ fr = "pleine", en = "full" }}
{critical}
[[sections]]
id = "s"
title = {t}
{items}"#,
        t = text("S")
    ))
}

#[test]
fn count_met_counts_yes_and_bands_the_count() {
    let q = load(&count_met_q("met", ""));
    assert_eq!(q.scoring.status, RuleStatus::Provisional);
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("s1", json!("yes")),
                ("s2", json!("yes")),
                ("s3", json!("partial")),
                ("s4", json!("yes")),
            ],
        ),
    );
    // partial is not met by default: 3 of 4.
    assert_eq!((out.score, out.max), (Some(3), Some(4)));
    assert_eq!(out.band.as_ref().unwrap().id, "medium");
    assert_eq!(
        out.gaps.iter().map(|g| g.item.as_str()).collect::<Vec<_>>(),
        ["s3"]
    );
    assert_eq!(
        out.status,
        RuleStatus::Provisional,
        "the result carries the rule's status"
    );
}

#[test]
fn count_met_na_as_met_reaches_full() {
    let q = load(&count_met_q("met", ""));
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("s1", json!("yes")),
                ("s2", json!("yes")),
                ("s3", json!("yes")),
                ("s4", json!("na")),
            ],
        ),
    );
    assert_eq!((out.score, out.max), (Some(4), Some(4)));
    assert_eq!(out.band.unwrap().id, "full");
    assert_eq!(out.items[3].effect, Effect::NaMet);
}

#[test]
fn count_met_critical_standard_not_met_caps_at_low() {
    let critical = "[[scoring.critical]]\nitem = \"s1\"\ncap = \"low\"\n";
    let q = load(&count_met_q("met", critical));
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("s1", json!("no")),
                ("s2", json!("yes")),
                ("s3", json!("yes")),
                ("s4", json!("yes")),
            ],
        ),
    );
    assert_eq!(out.score, Some(3));
    assert_eq!(out.band.as_ref().unwrap().id, "low");
    assert_eq!(out.uncapped_band.as_deref(), Some("medium"));
    // A non-critical standard not met gives the same count but no cap.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("s1", json!("yes")),
                ("s2", json!("no")),
                ("s3", json!("yes")),
                ("s4", json!("yes")),
            ],
        ),
    );
    assert_eq!(out.band.unwrap().id, "medium");
}

#[test]
fn count_met_partial_result_lists_missing() {
    let q = load(&count_met_q("met", ""));
    let out = score(&q, &answers(&q, &[("s1", json!("yes"))]));
    assert!(!out.complete);
    assert_eq!(out.band, None);
    assert_eq!(
        out.missing
            .iter()
            .map(|m| m.item.as_str())
            .collect::<Vec<_>>(),
        ["s2", "s3", "s4"]
    );
}

fn risk_q(floor: &str) -> String {
    with_header(&format!(
        r#"[scoring]
rule = "risk_matrix"
status = "provisional"
{floor}
[[scoring.bands]]
id = "low"
min = 1
max = 4
label = {{ fr = "faible", en = "low" }}
[[scoring.bands]]
id = "medium"
min = 5
max = 9
label = {{ fr = "moyen", en = "medium" }}
[[scoring.bands]]
id = "high"
min = 10
max = 16
label = {{ fr = "élevé", en = "high" }}
[[scoring.bands]]
id = "very_high"
min = 20
max = 25
label = {{ fr = "très élevé", en = "very high" }}

[[sections]]
id = "s"
title = {t}
[[sections.items]]
id = "r1"
kind = "risk"
text = {r1}
mitigations = [
  {{ id = "m_l1", lowers = "likelihood", by = 1, label = {m} }},
  {{ id = "m_l2", lowers = "likelihood", by = 2, label = {m} }},
  {{ id = "m_i1", lowers = "impact", by = 1, label = {m} }},
]
[[sections.items]]
id = "r2"
kind = "risk"
na = true
text = {r2}
mitigations = [{{ id = "m", lowers = "likelihood", by = 1, label = {m} }}]
[[sections.items]]
id = "r3"
kind = "risk"
text = {r3}
"#,
        t = text("S"),
        r1 = text("r1"),
        r2 = text("r2"),
        r3 = text("r3"),
        m = text("m")
    ))
}

#[test]
fn risk_matrix_inherent_residual_and_ranking() {
    let q = load(&risk_q(""));
    let out = score(
        &q,
        &answers(
            &q,
            &[
                // 5 × 5 = 25 inherent; likelihood −3, impact −1 → 2 × 4 = 8.
                (
                    "r1",
                    json!({"likelihood": 5, "impact": 5, "mitigations": ["m_l1", "m_l2", "m_i1"]}),
                ),
                // 3 × 4 = 12, no mitigation.
                ("r2", json!({"likelihood": 3, "impact": 4})),
                // 1 × 2 = 2.
                ("r3", json!({"likelihood": 1, "impact": 2})),
            ],
        ),
    );
    assert!(out.complete);
    let r1 = out.risks.iter().find(|r| r.item == "r1").unwrap();
    assert_eq!(
        (r1.inherent_score, r1.inherent_band.as_deref()),
        (25, Some("very_high"))
    );
    assert_eq!(
        (
            r1.residual_likelihood,
            r1.residual_impact,
            r1.residual_score
        ),
        (2, 4, 8)
    );
    assert_eq!(r1.residual_band.as_deref(), Some("medium"));
    // Ranked by residual: r2 (12), r1 (8), r3 (2).
    let order: Vec<(&str, usize)> = out
        .risks
        .iter()
        .map(|r| (r.item.as_str(), r.rank))
        .collect();
    assert_eq!(order, [("r2", 1), ("r1", 2), ("r3", 3)]);
    // Overall = worst residual band.
    assert_eq!(out.score, Some(12));
    assert_eq!(out.band.unwrap().id, "high");
    // r3 residual is in the lowest band: not a gap; r1 and r2 are.
    let gaps: Vec<&str> = out.gaps.iter().map(|g| g.item.as_str()).collect();
    assert_eq!(gaps, ["r1", "r2"]);
}

#[test]
fn risk_mitigations_never_go_below_one() {
    let q = load(&risk_q(""));
    let out = score(
        &q,
        &answers(
            &q,
            &[
                (
                    "r1",
                    json!({"likelihood": 2, "impact": 1, "mitigations": ["m_l2", "m_i1"]}),
                ),
                ("r2", json!("na")),
                ("r3", json!({"likelihood": 1, "impact": 1})),
            ],
        ),
    );
    let r1 = &out.risks.iter().find(|r| r.item == "r1").unwrap();
    assert_eq!(
        (
            r1.residual_likelihood,
            r1.residual_impact,
            r1.residual_score
        ),
        (1, 1, 1)
    );
    // The N/A risk is out of the register and does not block completeness.
    assert!(out.complete);
    assert_eq!(out.risks.len(), 2);
    assert_eq!(
        out.items.iter().find(|r| r.item == "r2").unwrap().effect,
        Effect::NaExcluded
    );
}

#[test]
fn impact_floor_raises_low_impact_and_holds_after_mitigation() {
    let q = load(&risk_q("impact_floor = 4"));
    let out = score(
        &q,
        &answers(
            &q,
            &[
                (
                    "r1",
                    json!({"likelihood": 1, "impact": 2, "mitigations": ["m_i1"]}),
                ),
                ("r2", json!("na")),
                ("r3", json!({"likelihood": 5, "impact": 5})),
            ],
        ),
    );
    let r1 = out.risks.iter().find(|r| r.item == "r1").unwrap();
    // Rated 1 × 2 but the floor makes impact 4: a "rare" SEA risk still scores 4.
    assert_eq!((r1.impact_rated, r1.impact, r1.inherent_score), (2, 4, 4));
    // The impact mitigation cannot push impact below the floor.
    assert_eq!((r1.residual_impact, r1.residual_score), (4, 4));
}

#[test]
fn risk_matrix_partial_lists_unrated_risks() {
    let q = load(&risk_q(""));
    // r2 has only mitigations ticked: not yet a rating.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("r1", json!({"likelihood": 3, "impact": 3})),
                ("r2", json!({"mitigations": ["m"]})),
            ],
        ),
    );
    assert!(!out.complete);
    assert_eq!(out.band, None);
    assert_eq!(
        out.missing
            .iter()
            .map(|m| m.item.as_str())
            .collect::<Vec<_>>(),
        ["r2", "r3"]
    );
    assert_eq!(
        out.risks.len(),
        1,
        "rated risks still appear in the register"
    );
}

fn flags_q(bands: &str) -> String {
    let mut items = String::new();
    for i in 1..=5 {
        items += &format!(
            "[[sections.items]]\nid = \"f{i}\"\nkind = \"true_false\"\nna = true\ntext = {}\n",
            text("f")
        );
    }
    with_header(&format!("[scoring]\nrule = \"flag_count\"\nstatus = \"verified\"\n{bands}\n[[sections]]\nid = \"s\"\ntitle = {}\n{items}", text("S")))
}

#[test]
fn flag_count_counts_true_statements_with_optional_bands() {
    let q = load(&flags_q(""));
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("f1", json!(true)),
                ("f2", json!(false)),
                ("f3", json!(true)),
                ("f4", json!("na")),
                ("f5", json!(false)),
            ],
        ),
    );
    assert_eq!((out.score, out.max), (Some(2), Some(4)));
    assert_eq!(out.band, None, "no bands declared: a count only");
    assert_eq!(out.gaps.len(), 2);

    let bands = r#"
[[scoring.bands]]
id = "few"
min = 0
max = 2
label = { fr = "peu", en = "few" }
[[scoring.bands]]
id = "many"
min = 3
max = 5
label = { fr = "beaucoup", en = "many" }
"#;
    let q = load(&flags_q(bands));
    let all_true: Vec<_> = (1..=5).map(|i| (format!("f{i}"), json!(true))).collect();
    let pairs: Vec<(&str, serde_json::Value)> = all_true
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let out = score(&q, &answers(&q, &pairs));
    assert_eq!(out.score, Some(5));
    assert_eq!(out.band.unwrap().id, "many");
}

fn quiz_q() -> String {
    with_header(&format!(
        r#"[scoring]
rule = "quiz"
status = "verified"
pass_mark = 75
[[sections]]
id = "s"
title = {t}
[[sections.items]]
id = "q1"
kind = "choice"
text = {t}
correct = "b"
explanation = {t}
choices = [{{ id = "a", label = {t} }}, {{ id = "b", label = {t} }}]
[[sections.items]]
id = "q2"
kind = "true_false"
text = {t}
correct = false
explanation = {t}
[[sections.items]]
id = "q3"
kind = "checklist"
text = {t}
correct = ["x", "z"]
explanation = {t}
options = [{{ id = "x", label = {t} }}, {{ id = "y", label = {t} }}, {{ id = "z", label = {t} }}]
[[sections.items]]
id = "q4"
kind = "true_false"
text = {t}
correct = true
explanation = {t}
"#,
        t = text("t")
    ))
}

#[test]
fn quiz_percentage_and_pass_mark() {
    let q = load(&quiz_q());
    // 3 of 4 right = 75 %: exactly the pass mark.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("q1", json!("b")),
                ("q2", json!(false)),
                ("q3", json!(["z", "x"])),
                ("q4", json!(false)),
            ],
        ),
    );
    assert_eq!(
        (out.score, out.max, out.percent),
        (Some(3), Some(4), Some(75.0))
    );
    assert_eq!(out.passed, Some(true));
    let right: Vec<Option<bool>> = out.items.iter().map(|r| r.correct).collect();
    assert_eq!(right, [Some(true), Some(true), Some(true), Some(false)]);
    // A checklist needs all and only the right options: 2 of 4 = 50 %, not passed.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("q1", json!("b")),
                ("q2", json!(false)),
                ("q3", json!(["x"])),
                ("q4", json!(false)),
            ],
        ),
    );
    assert_eq!((out.score, out.passed), (Some(2), Some(false)));
}

#[test]
fn quiz_unfinished_gives_no_verdict() {
    let q = load(&quiz_q());
    let out = score(&q, &answers(&q, &[("q1", json!("b"))]));
    assert!(!out.complete);
    assert_eq!(out.passed, None);
    assert_eq!(out.missing.len(), 3);
}

#[test]
fn quiz_answer_counts_only_once_validated_and_the_flag_is_kept_in_the_file() {
    let q = load(&quiz_q());
    let mut file = answers(&q, &[("q1", json!("a")), ("q2", json!(false))]);
    // q1 ticked but not validated: no verdict, listed as unanswered, not in the score.
    file.answers.get_mut("q1").unwrap().validated = false;
    let out = score(&q, &file);
    let q1 = out.items.iter().find(|r| r.item == "q1").unwrap();
    assert_eq!((q1.correct, q1.effect), (None, Effect::Unanswered));
    assert!(out.missing.iter().any(|m| m.item == "q1"));
    assert_eq!((out.score, out.max), (Some(1), Some(4)));
    // Validated: it counts (wrong), and a reload keeps it validated.
    assert!(psea_assess::engine::edit::validate(
        file.answers.get_mut("q1").unwrap()
    ));
    let json = file.to_json();
    assert!(json.contains("\"validated\": true"), "{json}");
    let back = psea_assess::engine::answers::AnswersFile::from_json(&json).unwrap();
    let q1 = score(&q, &back)
        .items
        .into_iter()
        .find(|r| r.item == "q1")
        .unwrap();
    assert_eq!(q1.correct, Some(false));
    // An unanswered question cannot be validated; "false" is omitted from the file.
    let mut empty = psea_assess::engine::answers::Answer::default();
    assert!(!psea_assess::engine::edit::validate(&mut empty));
    assert!(!serde_json::to_string(&empty).unwrap().contains("validated"));
    // A new attempt clears every answer and keeps the details.
    back.clone_into(&mut file);
    file.assessment.organisation = "Session de Kayes".into();
    psea_assess::engine::edit::restart_quiz(&mut file);
    assert!(file.answers.is_empty());
    assert_eq!(file.assessment.organisation, "Session de Kayes");
    assert_eq!(score(&q, &file).score, Some(0));
}

//! The weighted-sum rule: the UNICEF 2020 rule on every combination, band edges, N/A,
//! hidden items, partial answers and critical caps.

mod common;

use common::*;
use psea_assess::engine::scoring::{score, Effect};
use serde_json::json;

const STANDARDS: [&str; 6] = UNICEF_STANDARDS;
const CHOICES: [&str; 3] = ["absent", "progressing", "adequate"];

/// eTools' rule written out independently of the engine: weights 1/2/3, sum, ≤ 8 low,
/// 9–14 medium, ≥ 15 full (psea/models.py, overall_rating_display).
fn etools_rating(choices: &[usize; 6]) -> (i64, &'static str) {
    let total: i64 = choices.iter().map(|&c| c as i64 + 1).sum();
    let rating = if total <= 8 {
        "low"
    } else if total <= 14 {
        "medium"
    } else {
        "full"
    };
    (total, rating)
}

#[test]
fn unicef_2020_rule_matches_etools_on_all_729_combinations() {
    let q = load_file("unicef-psea-2020.toml");
    let mut seen = std::collections::BTreeMap::new();
    for n in 0..3usize.pow(6) {
        let mut combo = [0usize; 6];
        let mut x = n;
        for c in combo.iter_mut() {
            *c = x % 3;
            x /= 3;
        }
        let pairs: Vec<(&str, serde_json::Value)> = STANDARDS
            .iter()
            .zip(combo)
            .map(|(s, c)| (*s, json!(CHOICES[c])))
            .collect();
        let out = score(&q, &answers(&q, &pairs));
        let (total, rating) = etools_rating(&combo);
        assert!(out.complete);
        assert_eq!(out.score, Some(total), "combination {combo:?}");
        assert_eq!(out.max, Some(18));
        assert_eq!(
            out.band.as_ref().map(|b| b.id.as_str()),
            Some(rating),
            "combination {combo:?}"
        );
        *seen.entry(rating).or_insert(0) += 1;
    }
    // Every band is reached, and the counts add up to 3^6.
    assert_eq!(seen.values().sum::<i32>(), 729);
    assert_eq!(seen.len(), 3);
}

#[test]
fn unicef_band_edges_and_french_labels() {
    let q = load_file("unicef-psea-2020.toml");
    let rate = |values: [&str; 6]| {
        let pairs: Vec<_> = STANDARDS
            .iter()
            .zip(values)
            .map(|(s, v)| (*s, json!(v)))
            .collect();
        let out = score(&q, &answers(&q, &pairs));
        (out.score.unwrap(), out.band.unwrap())
    };
    // 8 = 1+1+1+1+2+2: the top of low capacity.
    let (s, b) = rate([
        "absent",
        "absent",
        "absent",
        "absent",
        "progressing",
        "progressing",
    ]);
    assert_eq!(
        (s, b.label.get("fr")),
        (8, "Faible capacité (risque élevé)")
    );
    // 9: the bottom of medium capacity.
    let (s, b) = rate([
        "absent",
        "absent",
        "absent",
        "progressing",
        "progressing",
        "progressing",
    ]);
    assert_eq!(
        (s, b.label.get("fr")),
        (9, "Capacité moyenne (risque modéré)")
    );
    // 14 = 3+3+2+2+2+2: top of medium.
    let (s, b) = rate([
        "adequate",
        "adequate",
        "progressing",
        "progressing",
        "progressing",
        "progressing",
    ]);
    assert_eq!((s, b.id.as_str()), (14, "medium"));
    // 15 = 3+3+3+2+2+2: bottom of full capacity.
    let (s, b) = rate([
        "adequate",
        "adequate",
        "adequate",
        "progressing",
        "progressing",
        "progressing",
    ]);
    assert_eq!(
        (s, b.label.get("fr")),
        (15, "Pleine capacité (faible risque)")
    );
    assert_eq!(b.label.get("en"), "Full Capacity (Low Risk)");
}

#[test]
fn unicef_gives_no_rating_until_every_standard_is_rated() {
    let q = load_file("unicef-psea-2020.toml");
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("cs1_policy", json!("adequate")),
                ("cs2_management", json!("adequate")),
            ],
        ),
    );
    assert!(!out.complete);
    assert_eq!(out.band, None);
    assert_eq!(out.score, Some(6), "the partial sum is still shown");
    let missing: Vec<&str> = out.missing.iter().map(|m| m.item.as_str()).collect();
    assert_eq!(
        missing,
        [
            "cs3_training",
            "cs4_reporting",
            "cs5_assistance",
            "cs6_investigations"
        ]
    );
    assert!(out.missing.iter().all(|m| m.scored));
}

fn scale(id: &str, extra: &str) -> String {
    format!(
        r#"[[sections.items]]
id = "{id}"
kind = "scale"
text = {t}
{extra}
choices = [
  {{ id = "low", value = 0, label = {l} }},
  {{ id = "mid", value = 1, label = {m} }},
  {{ id = "high", value = 2, label = {h} }},
]
"#,
        t = text(id),
        l = text("low"),
        m = text("mid"),
        h = text("high")
    )
}

fn three_items(scoring: &str, extra_b: &str, extra_c: &str) -> String {
    with_header(&format!(
        "{scoring}\n[[sections]]\nid = \"s\"\ntitle = {}\n{}{}{}[[sections.items]]\nid = \"gate\"\nkind = \"yes_no\"\ntext = {}\nrequired = false\n",
        text("S"),
        scale("a", ""),
        scale("b", extra_b),
        scale("c", extra_c),
        text("gate")
    ))
}

const BANDS_0_6: &str = r#"
[[scoring.bands]]
id = "weak"
min = 0
max = 3
label = { fr = "faible", en = "weak" }
[[scoring.bands]]
id = "strong"
min = 4
max = 6
label = { fr = "fort", en = "strong" }
"#;

#[test]
fn na_counted_as_met_scores_the_item_maximum() {
    let src = three_items(
        &format!(
            "[scoring]\nrule = \"weighted_sum\"\nstatus = \"verified\"\nna = \"met\"\n{BANDS_0_6}"
        ),
        "na = true",
        "",
    );
    let q = load(&src);
    let out = score(
        &q,
        &answers(
            &q,
            &[("a", json!("mid")), ("b", json!("na")), ("c", json!("mid"))],
        ),
    );
    // 1 + 2 (N/A as met) + 1 = 4 of 6.
    assert_eq!((out.score, out.max), (Some(4), Some(6)));
    assert_eq!(out.band.unwrap().id, "strong");
    let b = out.items.iter().find(|r| r.item == "b").unwrap();
    assert_eq!(
        (b.effect, b.points, b.max),
        (Effect::NaMet, Some(2), Some(2))
    );
}

#[test]
fn na_excluded_leaves_the_item_out_of_the_maximum() {
    let bands = r#"
[[scoring.bands]]
id = "weak"
min = 0
max = 49
label = { fr = "faible", en = "weak" }
[[scoring.bands]]
id = "strong"
min = 50
max = 100
label = { fr = "fort", en = "strong" }
"#;
    let src = three_items(&format!("[scoring]\nrule = \"weighted_sum\"\nstatus = \"verified\"\nna = \"exclude\"\nbasis = \"percent\"\n{bands}"), "na = true", "");
    let q = load(&src);
    let out = score(
        &q,
        &answers(
            &q,
            &[("a", json!("mid")), ("b", json!("na")), ("c", json!("mid"))],
        ),
    );
    // (1 + 1) / (2 + 2) = 50 %: on the edge of "strong".
    assert_eq!((out.score, out.max), (Some(2), Some(4)));
    assert_eq!(out.percent, Some(50.0));
    assert_eq!(out.banded_on, Some(50));
    assert_eq!(out.band.unwrap().id, "strong");
    // Just under the edge: 1 / 4 = 25 %.
    let out = score(
        &q,
        &answers(
            &q,
            &[("a", json!("low")), ("b", json!("na")), ("c", json!("mid"))],
        ),
    );
    assert_eq!(out.band.unwrap().id, "weak");
}

#[test]
fn hidden_items_never_count_even_when_answered() {
    let src = three_items(
        &format!("[scoring]\nrule = \"weighted_sum\"\nstatus = \"verified\"\n{BANDS_0_6}"),
        "",
        "show_if = { item = \"gate\", is = \"yes\" }",
    );
    let q = load(&src);
    // `c` is answered "high" but hidden (gate is not yes): it must not count, nor block the rating.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("a", json!("high")),
                ("b", json!("mid")),
                ("c", json!("high")),
                ("gate", json!("no")),
            ],
        ),
    );
    assert!(out.complete);
    assert_eq!((out.score, out.max), (Some(3), Some(4)));
    assert_eq!(
        out.items.iter().find(|r| r.item == "c").unwrap().effect,
        Effect::Hidden
    );
    // Shown once gate is yes: now it counts.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("a", json!("high")),
                ("b", json!("mid")),
                ("c", json!("high")),
                ("gate", json!("yes")),
            ],
        ),
    );
    assert_eq!((out.score, out.max), (Some(5), Some(6)));
}

#[test]
fn critical_item_caps_the_rating() {
    let src = three_items(
        &format!(
            "[scoring]\nrule = \"weighted_sum\"\nstatus = \"provisional\"\n{BANDS_0_6}\n[[scoring.critical]]\nitem = \"a\"\ncap = \"weak\"\nwhen = [\"low\"]\n"
        ),
        "",
        "",
    );
    let q = load(&src);
    // 0 + 2 + 2 = 4 would be "strong", but `a` is critical and "low".
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("a", json!("low")),
                ("b", json!("high")),
                ("c", json!("high")),
            ],
        ),
    );
    assert_eq!(out.score, Some(4));
    assert_eq!(out.band.as_ref().unwrap().id, "weak");
    assert_eq!(out.uncapped_band.as_deref(), Some("strong"));
    assert_eq!(out.caps.len(), 1);
    // Without the critical answer there is no cap.
    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("a", json!("mid")),
                ("b", json!("high")),
                ("c", json!("high")),
            ],
        ),
    );
    assert_eq!(
        (out.band.unwrap().id.as_str(), out.uncapped_band),
        ("strong", None)
    );
}

#[test]
fn every_result_explains_each_item_and_the_gaps() {
    let q = load_file("unicef-psea-2020.toml");
    let pairs: Vec<_> = STANDARDS
        .iter()
        .map(|s| (*s, json!("progressing")))
        .collect();
    let out = score(&q, &answers(&q, &pairs));
    assert_eq!(out.items.len(), 6);
    assert!(out
        .items
        .iter()
        .all(|r| r.points == Some(2) && r.max == Some(3) && r.effect == Effect::Counted));
    // Every standard below "adequate" is a gap with the file's suggested action.
    assert_eq!(out.gaps.len(), 6);
    assert!(out
        .gaps
        .iter()
        .all(|g| g.action.as_ref().is_some_and(|a| !a.get("fr").is_empty())));
    assert_eq!(out.sections.len(), 6);
    assert_eq!(out.sections[0].score, 2);
}

#[test]
fn an_answer_that_does_not_fit_is_reported_and_counts_as_unanswered() {
    let q = load_file("unicef-psea-2020.toml");
    let mut pairs: Vec<_> = STANDARDS.iter().map(|s| (*s, json!("adequate"))).collect();
    pairs[2].1 = json!("excellent");
    let out = score(&q, &answers(&q, &pairs));
    assert!(!out.complete);
    assert_eq!(out.problems.len(), 1);
    assert_eq!(out.problems[0].item, "cs3_training");
    assert!(out.problems[0]
        .message
        .contains("`excellent` is not one of absent, progressing, adequate"));
}

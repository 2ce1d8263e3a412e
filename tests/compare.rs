//! Follow-up comparison (engine::compare): a baseline and its reassessment, on the same
//! questionnaire version and across a revision that moved and removed questions.

mod common;

use common::*;
use psea_assess::engine::answers::{ActionEntry, ActionStatus, AnswersFile};
use psea_assess::engine::compare::{compare, same_partner, CompareError, Direction};
use psea_assess::engine::scoring::score;
use serde_json::json;

#[test]
fn same_version_two_answers_better_moves_the_band_up() {
    // 1+1+2+2+2+2 = 10, « moyenne »; after: 3+3+2+2+2+2 = 14 is still medium, so raise a third.
    let (q, before) = unicef_rated([
        "absent",
        "absent",
        "progressing",
        "progressing",
        "progressing",
        "progressing",
    ]);
    let (_, after) = unicef_rated([
        "adequate",
        "adequate",
        "adequate",
        "progressing",
        "progressing",
        "progressing",
    ]);
    let c = compare(&q, &before, &q, &after, day("2026-11-24")).unwrap();
    // Independent reading: 10 → 15 on eTools' bands (≤ 8 low, 9–14 medium, ≥ 15 full).
    assert_eq!((c.before.score, c.after.score), (Some(10), Some(15)));
    assert_eq!(c.before.band.as_deref(), Some("medium"));
    assert_eq!(c.after.band.as_deref(), Some("full"));
    assert_eq!(c.band, Direction::Better);
    let dir = |id: &str| c.items.iter().find(|i| i.item == id).map(|i| i.direction);
    assert_eq!(dir("cs1_policy"), Some(Direction::Better));
    assert_eq!(dir("cs3_training"), Some(Direction::Better));
    assert_eq!(dir("cs4_reporting"), Some(Direction::Same));
    let cs1 = c.items.iter().find(|i| i.item == "cs1_policy").unwrap();
    assert_eq!(
        (cs1.before.as_deref(), cs1.after.as_deref()),
        (Some("absent"), Some("adequate"))
    );
    let s1 = c.sections.iter().find(|s| s.section == "cs1").unwrap();
    assert_eq!((s1.before, s1.after), (Some((1, 3)), Some((3, 3))));
    assert_eq!(s1.direction, Direction::Better);

    // Back the other way: the same change read as a fall.
    let back = compare(&q, &after, &q, &before, day("2026-11-24")).unwrap();
    assert_eq!(back.band, Direction::Worse);
    assert_eq!(
        back.items
            .iter()
            .find(|i| i.item == "cs1_policy")
            .unwrap()
            .direction,
        Direction::Worse
    );
}

fn yes_no(id: &str) -> String {
    format!(
        "[[sections.items]]\nid = \"{id}\"\nkind = \"yes_no\"\ntext = {}\n",
        text(id)
    )
}

/// A count_met questionnaire: `sections` as (section id, item ids).
fn versioned(version: &str, sections: &[(&str, &[&str])]) -> String {
    let mut body = String::new();
    for (s, items) in sections {
        body += &format!("[[sections]]\nid = \"{s}\"\ntitle = {}\n", text(s));
        for i in *items {
            body += &yes_no(i);
        }
    }
    with_header(&format!(
        r#"[scoring]
rule = "count_met"
status = "provisional"
[[scoring.bands]]
id = "low"
min = 0
max = 1
label = {{ fr = "faible", en = "low" }}
[[scoring.bands]]
id = "high"
min = 2
max = 9
label = {{ fr = "haute", en = "high" }}
{body}"#
    ))
    .replace("version = \"1\"", &format!("version = \"{version}\""))
}

#[test]
fn across_a_revision_a_moved_question_is_the_same_and_a_removed_one_is_reported() {
    // v1: a = {s1, s2, s3}, b = {s4}. v2: s2 moved to b, s3 removed, s5 added.
    let v1 = load(&versioned(
        "1",
        &[("a", &["s1", "s2", "s3"]), ("b", &["s4"])],
    ));
    let v2 = load(&versioned(
        "2",
        &[("a", &["s1"]), ("b", &["s2", "s4", "s5"])],
    ));
    let before = answers(
        &v1,
        &[
            ("s1", json!("no")),
            ("s2", json!("no")),
            ("s3", json!("yes")),
            ("s4", json!("no")),
        ],
    );
    let after = answers(
        &v2,
        &[
            ("s1", json!("yes")),
            ("s2", json!("yes")),
            ("s4", json!("no")),
            ("s5", json!("yes")),
        ],
    );
    let c = compare(&v1, &before, &v2, &after, day("2026-11-24")).unwrap();
    // The baseline keeps the rating its own version gave it: 1 of 4 met, « faible ».
    assert_eq!(c.before.version, "1");
    assert_eq!((c.before.score, c.before.max), (Some(1), Some(4)));
    assert_eq!(c.before.band.as_deref(), Some("low"));
    assert_eq!((c.after.score, c.after.max), (Some(3), Some(4)));
    assert_eq!(c.after.band.as_deref(), Some("high"));
    assert_eq!(c.band, Direction::Better);
    let find = |id: &str| c.items.iter().find(|i| i.item == id).unwrap();
    assert_eq!(find("s2").moved_from.as_deref(), Some("a"));
    assert_eq!(find("s2").section, "b");
    assert_eq!(find("s2").direction, Direction::Better);
    assert_eq!(find("s3").direction, Direction::Removed);
    assert_eq!(find("s3").before.as_deref(), Some("yes"));
    assert_eq!(find("s5").direction, Direction::Added);
    assert_eq!(find("s4").direction, Direction::Same);
    assert_eq!(find("s1").moved_from, None);

    // Scored with the newer version instead, the same baseline would read differently
    // (s3 gone, s2 counted in b): the comparison used the baseline's own version.
    let rescored = score(&v2, &before);
    assert_ne!(rescored.max, c.before.max);
}

#[test]
fn risk_register_measures_put_in_place_lower_the_residual() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let example: AnswersFile =
        AnswersFile::from_json(&questionnaire_text("examples/cash-transfer-sea-risk.json"))
            .unwrap();
    let before_outcome = score(&q, &example);
    // Each open measure put in place, one at a time: at least one must lower its risk.
    let candidates: Vec<(String, String)> = before_outcome
        .risks
        .iter()
        .flat_map(|r| {
            r.open_mitigations
                .iter()
                .map(|m| (r.item.clone(), m.clone()))
        })
        .collect();
    assert!(!candidates.is_empty(), "the example has open measures");
    let mut lowered = None;
    for (risk, measure) in candidates {
        let mut after = example.clone();
        psea_assess::engine::edit::set_measure_status(
            after.answers.get_mut(&risk).unwrap(),
            &measure,
            psea_assess::engine::answers::MeasureStatus::InPlace,
        );
        let c = compare(&q, &example, &q, &after, day("2026-11-24")).unwrap();
        let r = c.risks.iter().find(|r| r.item == risk).unwrap().clone();
        assert_eq!(r.put_in_place, vec![measure.clone()]);
        let (b, a) = (r.before_score.unwrap(), r.after_score.unwrap());
        assert!(a <= b, "{risk}/{measure}: {b} → {a}");
        let expected = if a < b {
            Direction::Better
        } else {
            Direction::Same
        };
        assert_eq!(r.direction, expected, "{risk}/{measure}");
        if a < b && lowered.is_none() {
            lowered = Some((risk, c));
        }
    }
    let (risk, c) = lowered.expect("some measure lowers its risk");
    // Every other risk is unchanged.
    assert!(c
        .risks
        .iter()
        .filter(|x| x.item != risk)
        .all(|x| x.direction == Direction::Same && x.put_in_place.is_empty()));
}

#[test]
fn action_plan_progress_counts_done_late_and_done_since_the_baseline() {
    let (q, mut before) = unicef_rated(["absent"; 6]);
    let entry = |item: &str, due: &str, status| ActionEntry {
        item: Some(item.into()),
        action: format!("act {item}"),
        due: Some(day(due)),
        status,
        ..ActionEntry::default()
    };
    before.action_plan = vec![
        entry("cs1_policy", "2026-10-01", ActionStatus::NotStarted),
        entry("cs2_management", "2027-01-01", ActionStatus::Done),
        entry("cs3_training", "2026-11-01", ActionStatus::InProgress),
    ];
    let mut after = before.clone();
    after.action_plan[0].status = ActionStatus::Done;
    after.action_plan.push(entry(
        "cs4_reporting",
        "2026-12-31",
        ActionStatus::NotStarted,
    ));
    let p = compare(&q, &before, &q, &after, day("2026-11-24"))
        .unwrap()
        .actions;
    assert_eq!(
        (p.total, p.done, p.in_progress, p.not_started),
        (4, 2, 1, 1)
    );
    // cs3 was due 2026-11-01 and is not done; cs4 is due later; done ones are never late.
    assert_eq!(p.late, vec![2]);
    // cs1 is done since; cs2 was done already.
    assert_eq!(p.done_since, vec![0]);
}

#[test]
fn an_entry_rewritten_or_drafted_in_the_other_language_is_still_the_same_entry() {
    let (q, mut before) = unicef_rated(["absent"; 6]);
    let entry = |item: &str, action: &str| ActionEntry {
        item: Some(item.into()),
        action: action.into(),
        status: ActionStatus::Done,
        ..ActionEntry::default()
    };
    before.action_plan = vec![
        entry("cs1_policy", "Adopter une politique PEAS"),
        entry("cs2_management", "Désigner un point focal"),
    ];
    let mut after = before.clone();
    // Drafted again in English, and rewritten by hand: both were done at the baseline.
    after.action_plan[0].action = "Adopt a PSEA policy".into();
    after.action_plan[1].action = "Désigner deux points focaux".into();
    let p = compare(&q, &before, &q, &after, day("2026-11-24"))
        .unwrap()
        .actions;
    assert_eq!(p.done, 2);
    assert!(p.done_since.is_empty(), "{:?}", p.done_since);
    // An entry for another item is another entry, whatever its words.
    after.action_plan[1].item = Some("cs3_training".into());
    let p = compare(&q, &before, &q, &after, day("2026-11-24"))
        .unwrap()
        .actions;
    assert_eq!(p.done_since, vec![1]);
}

#[test]
fn files_of_two_questionnaires_are_refused() {
    let (q, f) = unicef_rated(["absent"; 6]);
    let other = load_file("un-common-psea.toml");
    let g = answers(&other, &[]);
    assert!(matches!(
        compare(&q, &f, &other, &g, day("2026-11-24")),
        Err(CompareError::DifferentQuestionnaires { .. })
    ));
}

#[test]
fn only_the_same_partners_assessments_are_offered_for_comparison() {
    let (_, f) = unicef_rated(["absent"; 6]);
    let named = |name: &str| {
        let mut a = f.assessment.clone();
        a.organisation = name.into();
        a
    };
    let this = named("ONG Kènèya");
    assert!(same_partner(&this, &named("  ong  KENEYA ")));
    assert!(!same_partner(&this, &named("ONG Sabati")));
    // A name not given yet (either side) does not rule a file out.
    assert!(same_partner(&this, &named("")));
    assert!(same_partner(&named(" "), &named("ONG Sabati")));
}

//! Follow-up and review in the answers file (schema 3): a follow-up started from a
//! baseline, a reviewer's confirmed ratings changing the band, a baseline keeping the
//! rating its own version recorded, and the schema migration both ways.

mod common;

use common::*;
use psea_assess::engine::answers::{ActionEntry, ActionStatus, AnswersFile, SCHEMA};
use psea_assess::engine::compare::{compare, Direction};
use psea_assess::engine::follow_up::{self, StatusChange};
use psea_assess::engine::review::{self, Determination, Stage};
use psea_assess::engine::scoring::score;
use serde_json::json;

#[test]
fn a_review_with_lower_ratings_gives_the_official_band_beside_the_self_assessed_one() {
    // Self-assessed 3+3+3+2+2+2 = 15: « full » (≥ 15 on eTools' bands).
    let (q, mut f) = unicef_rated([
        "adequate",
        "adequate",
        "adequate",
        "progressing",
        "progressing",
        "progressing",
    ]);
    assert_eq!(score(&q, &f).band.unwrap().id, "full");
    assert!(review::official(&q, &f).is_none(), "no review yet");
    // The reviewer confirms cs1 as progressing and cs5 as absent: 2+3+3+2+1+2 = 13, medium.
    review::set_rating(&mut f, "cs1_policy", json!("progressing"));
    review::set_comment(&mut f, "cs1_policy", "Politique non signée");
    review::set_rating(&mut f, "cs5_assistance", json!("absent"));
    review::set_rating(&mut f, "cs2_management", json!("adequate")); // agrees
    review::set_determination(
        &mut f,
        Some(Determination {
            stage: Stage::Preliminary,
            date: Some(day("2026-11-20")),
            reviewer: "UNICEF Mopti, point focal PEAS".into(),
            comment: String::new(),
        }),
    );
    let official = review::official(&q, &f).unwrap();
    assert_eq!(official.score, Some(13));
    assert_eq!(official.band.unwrap().id, "medium");
    // The self-assessed result is untouched.
    assert_eq!(score(&q, &f).score, Some(15));
    let d = review::disagreements(&q, &f);
    let ids: Vec<&str> = d.iter().map(|d| d.item.as_str()).collect();
    assert_eq!(ids, ["cs1_policy", "cs5_assistance"]);
    assert!(d.iter().all(|d| d.direction == Direction::Worse));
    assert_eq!(d[0].self_assessed.as_deref(), Some("adequate"));
    assert_eq!(d[0].confirmed, "progressing");
    assert_eq!(d[0].comment, "Politique non signée");

    // The review travels in the file and reads back whole.
    let back = AnswersFile::from_json(&f.to_json()).unwrap();
    assert_eq!(back.review, f.review);
    assert_eq!(
        back.review.unwrap().determination.unwrap().stage,
        Stage::Preliminary
    );

    // Clearing every rating, comment and the determination removes the review.
    for id in ["cs1_policy", "cs5_assistance", "cs2_management"] {
        review::set_rating(&mut f, id, serde_json::Value::Null);
    }
    review::set_comment(&mut f, "cs1_policy", "");
    review::set_determination(&mut f, None);
    assert_eq!(f.review, None);
    assert!(!f.to_json().contains("\"review\""));
}

#[test]
fn a_follow_up_carries_answers_marked_and_the_plan_with_its_statuses() {
    let (q, mut base) = unicef_rated(["absent"; 6]);
    base.assessment.id = "a1b2".into();
    base.assessment.date = Some(day("2026-05-01"));
    base.assessment.organisation = "ONG Ségou".into();
    base.action_plan = vec![ActionEntry {
        item: Some("cs1_policy".into()),
        action: "Adopter une politique".into(),
        status: ActionStatus::InProgress,
        ..ActionEntry::default()
    }];
    review::set_rating(&mut base, "cs1_policy", json!("absent"));
    base.result = Some(follow_up::record(&q, &base));

    let next = follow_up::start(&base, day("2026-11-24"));
    assert_eq!(follow_up::carried(&next), 6);
    assert!(next.answers.values().all(|a| a.carried));
    assert_eq!(next.answers["cs1_policy"].value, json!("absent"));
    let link = next.baseline.as_ref().unwrap();
    assert_eq!(
        (link.id.as_str(), link.date, link.version.as_str()),
        ("a1b2", Some(day("2026-05-01")), q.version.as_str())
    );
    assert_eq!(next.assessment.date, Some(day("2026-11-24")));
    assert_eq!(next.assessment.organisation, "ONG Ségou");
    assert!(next.assessment.id.is_empty(), "the caller gives a new id");
    assert_eq!(
        next.review, None,
        "a new determination is for the new assessment"
    );
    assert_eq!(next.action_plan[0].status, ActionStatus::InProgress);

    // The link survives export and import.
    let back = AnswersFile::from_json(&next.to_json()).unwrap();
    assert_eq!(back.baseline, next.baseline);
    assert!(back.answers["cs1_policy"].carried);
}

#[test]
fn action_status_changes_are_dated_and_progress_counts_late_entries() {
    let mut e = ActionEntry {
        due: Some(day("2026-11-01")),
        ..ActionEntry::default()
    };
    follow_up::set_action_status(&mut e, ActionStatus::InProgress, day("2026-10-02"));
    follow_up::set_action_status(&mut e, ActionStatus::InProgress, day("2026-10-03"));
    assert_eq!(
        e.history,
        vec![StatusChange {
            date: day("2026-10-02"),
            status: ActionStatus::InProgress
        }],
        "setting the same status again is no change"
    );
    let done = ActionEntry {
        status: ActionStatus::Done,
        due: Some(day("2026-01-01")),
        ..ActionEntry::default()
    };
    let plan = vec![e.clone(), done];
    assert_eq!(follow_up::progress(&plan, day("2026-11-24")), (1, 2, 1));
    assert_eq!(follow_up::progress(&plan, day("2026-10-31")), (1, 2, 0));
    follow_up::set_action_status(&mut e, ActionStatus::Done, day("2026-11-24"));
    assert_eq!(e.history.len(), 2);
    assert!(!follow_up::is_late(&e, day("2026-12-01")));
}

#[test]
fn a_baseline_made_with_an_older_version_keeps_the_rating_it_recorded() {
    let (q, mut base) = unicef_rated(["absent"; 6]);
    // Recorded by version 0.9, which this machine no longer has: 6 / 18, « low ».
    base.questionnaire.version = "0.9".into();
    base.result = Some(follow_up::RecordedResult {
        version: "0.9".into(),
        band: Some("low".into()),
        score: Some(6),
        max: Some(18),
        complete: true,
    });
    let (_, after) = unicef_rated(["adequate"; 6]);
    let c = compare(&q, &base, &q, &after, day("2026-11-24")).unwrap();
    assert!(c.before.recorded);
    assert_eq!(c.before.version, "0.9");
    assert_eq!(
        (c.before.score, c.before.band.as_deref()),
        (Some(6), Some("low"))
    );
    assert_eq!(c.after.band.as_deref(), Some("full"));
    assert_eq!(c.band, Direction::Better);
}

#[test]
fn schema_2_files_read_and_schema_3_fields_survive_a_round_trip() {
    // Every bundled example (schema 2 or older) still reads.
    for name in [
        "unicef-psea-2020",
        "un-common-psea",
        "cash-transfer-sea-risk",
        "distribution-sea-risk",
        "programme-sea-risk-flags",
        "psea-training-quiz",
    ] {
        let text = questionnaire_text(&format!("examples/{name}.json"));
        let f = AnswersFile::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(f.schema <= SCHEMA);
        assert_eq!(f.review, None);
        assert_eq!(f.baseline, None);
    }
    let json = r#"{
      "schema": 3,
      "questionnaire": {"id": "unicef-psea-2020", "version": "1.1.0"},
      "assessment": {"id": "f00d", "organisation": "ONG", "assessor": "", "place": "", "date": "2026-11-24"},
      "answers": {"cs1_policy": {"value": "adequate", "carried": true}},
      "action_plan": [{"item": "cs1_policy", "gap": "g", "action": "a", "owner": "", "due": null,
                       "status": "done", "history": [{"date": "2026-11-20", "status": "done"}]}],
      "baseline": {"id": "beef", "date": "2026-05-01", "version": "1.0.0"},
      "result": {"version": "1.1.0", "band": "full", "score": 15, "max": 18, "complete": true},
      "review": {"items": {"cs1_policy": {"value": "progressing", "comment": "c"}},
                 "determination": {"stage": "final", "date": "2026-11-24", "reviewer": "UNHCR"}}
    }"#;
    let f = AnswersFile::from_json(json).unwrap();
    let again = AnswersFile::from_json(&f.to_json()).unwrap();
    assert_eq!(again, f);
    let out = f.to_json();
    for key in [
        "\"carried\": true",
        "\"history\"",
        "\"baseline\"",
        "\"result\"",
        "\"determination\"",
        "\"stage\": \"final\"",
        "\"id\": \"f00d\"",
    ] {
        assert!(out.contains(key), "{key} lost on re-export:\n{out}");
    }
    // A newer schema than this build reads is refused, not half read.
    let newer = json.replace("\"schema\": 3", &format!("\"schema\": {}", SCHEMA + 1));
    assert!(AnswersFile::from_json(&newer).is_err());
}

#[test]
fn the_comparison_and_the_review_are_worded_in_both_languages() {
    use psea_assess::present::{follow_up as words, Lang};
    let (q, before) = unicef_rated([
        "absent",
        "absent",
        "progressing",
        "progressing",
        "progressing",
        "progressing",
    ]);
    let (_, mut after) = unicef_rated([
        "adequate",
        "adequate",
        "adequate",
        "progressing",
        "progressing",
        "progressing",
    ]);
    let c = compare(&q, &before, &q, &after, day("2026-11-24")).unwrap();
    let nb = '\u{a0}';
    assert_eq!(
        words::band_change(&q, &q, &c, Lang::Fr),
        format!("Note{nb}: Capacité moyenne (risque modéré) → Pleine capacité (faible risque) (↑ en progrès)")
    );
    assert_eq!(
        words::band_change(&q, &q, &c, Lang::En),
        "Rating: Medium Capacity (Moderate Risk) → Full Capacity (Low Risk) (↑ better)"
    );
    let fr = words::text(&q, &q, &c, Lang::Fr);
    assert!(
        fr.contains(&format!("Questions qui ont changé{nb}: 3")),
        "{fr}"
    );
    assert!(
        fr.contains(&format!("{nb}: Absente → Adéquate (↑ en progrès)")),
        "{fr}"
    );
    let en = words::text(&q, &q, &c, Lang::En);
    assert!(en.contains("Questions that changed: 3"), "{en}");
    assert!(en.contains(": Absent → Adequate (↑ better)"), "{en}");
    assert!(!en.contains(nb), "French spacing in English: {en}");

    review::set_rating(&mut after, "cs1_policy", json!("progressing"));
    review::set_comment(&mut after, "cs1_policy", "Politique non signée");
    let d = &review::disagreements(&q, &after)[0];
    let line = words::disagreement(&q, d, Lang::Fr);
    assert!(
        line.starts_with("Désaccord — ")
            && line.contains(&format!("{nb}: auto-évaluée Adéquate, confirmée En progression (↓ en recul) — «{nb}Politique non signée{nb}»")),
        "{line}"
    );
    assert_eq!(
        words::progress(3, 7, 2, Lang::Fr),
        format!("Plan d’action{nb}: 3 sur 7 faites, 2 en retard")
    );
    assert_eq!(
        words::progress(3, 7, 0, Lang::En),
        "Action plan: 3 of 7 done"
    );
}

#[test]
fn the_follow_up_line_and_the_determination_are_worded_in_both_languages() {
    use psea_assess::present::follow_up::{determination, follow_up_of};
    use psea_assess::present::Lang;
    assert_eq!(
        follow_up_of(Some(day("2026-05-01")), Lang::Fr),
        "Suivi de l’évaluation du 1er\u{a0}mai 2026"
    );
    assert_eq!(
        follow_up_of(Some(day("2026-05-01")), Lang::En),
        "Follow-up of the assessment of 1 May 2026"
    );
    let d = Determination {
        stage: Stage::Final,
        date: Some(day("2026-11-20")),
        reviewer: "UNICEF Mopti".into(),
        comment: "Plan à suivre".into(),
    };
    assert_eq!(
        determination(&d, Lang::Fr),
        "Détermination finale\u{a0}: 20\u{a0}novembre 2026, UNICEF Mopti — «\u{a0}Plan à suivre\u{a0}»"
    );
    assert!(determination(&d, Lang::En)
        .starts_with("Final determination: 20 November 2026, UNICEF Mopti"));
}

#[test]
fn the_screen_pieces_of_a_comparison_are_the_lines_of_its_text() {
    use psea_assess::present::{follow_up as words, Lang};
    let (p, a) = ("progressing", "adequate");
    let (q, before) = unicef_rated(["absent", "absent", p, p, p, p]);
    let (_, after) = unicef_rated([a, "absent", a, p, p, p]);
    let c = compare(&q, &before, &q, &after, day("2026-11-24")).unwrap();
    let nb = '\u{a0}';
    let changed = words::changed(&c);
    assert_eq!(changed.len(), 2);
    for lang in [Lang::Fr, Lang::En] {
        let text = words::text(&q, &q, &c, lang);
        assert!(text.starts_with(words::title(lang)), "{text}");
        assert!(text.contains(&words::changed_count(2, lang)), "{text}");
        for i in &changed {
            assert!(
                text.contains(&format!("- {}", words::item_change(&q, &q, i, lang))),
                "{text}"
            );
        }
    }
    assert_eq!(
        words::done_since(2, Lang::Fr),
        format!("Faites depuis l’évaluation de départ{nb}: 2")
    );
    assert_eq!(words::done_since(0, Lang::En), "Done since the baseline: 0");
}

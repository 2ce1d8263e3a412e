//! Answers files: round trip, and answers made for an older questionnaire version.

mod common;

use common::*;
use psea_assess::engine::answers::{place, AnswersError, AnswersFile};
use psea_assess::engine::scoring::score;
use serde_json::json;

fn unicef_src() -> String {
    std::fs::read_to_string(format!(
        "{}/questionnaires/unicef-psea-2020.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn v1_answers() -> AnswersFile {
    let q = load(&unicef_src());
    let mut file = answers(
        &q,
        &[
            ("cs1_policy", json!("adequate")),
            ("cs2_management", json!("progressing")),
            ("cs3_training", json!("adequate")),
            ("cs4_reporting", json!("progressing")),
            ("cs5_assistance", json!("absent")),
            ("cs6_investigations", json!("adequate")),
        ],
    );
    let a = file.answers.get_mut("cs1_policy").unwrap();
    a.evidence = vec!["psea_policy".into(), "code_of_conduct".into()];
    a.comment = Some("Politique adoptée en mars ; « code » signé par 45 personnes".into());
    file.answers.get_mut("cs6_investigations").unwrap().comment =
        Some("Accord d’appui avec l’ONG X".into());
    file.assessment.organisation = "ONG Espoir".into();
    file
}

#[test]
fn answers_file_round_trips_through_json() {
    let file = v1_answers();
    let back = AnswersFile::from_json(&file.to_json()).unwrap();
    assert_eq!(back, file);
}

#[test]
fn older_version_answers_are_kept_or_set_aside_never_dropped() {
    // Version 2: standard 6 gets a new id, "progressing" is renamed on standard 2,
    // and the "code of conduct" evidence of standard 1 is removed.
    let v2 = unicef_src()
        .replace("version = \"1.1.0\"", "version = \"2.0.0\"")
        .replace("id = \"cs6_investigations\"", "id = \"cs6_investigation_process\"")
        .replacen("  { id = \"code_of_conduct\", label = { fr = \"Code de conduite\", en = \"Code of conduct\" } },\n", "", 1);
    let v2 = {
        // Rename the choice only in standard 2's block.
        let start = v2.find("id = \"cs2_management\"").unwrap();
        let end = v2[start..].find("[[sections]]").unwrap() + start;
        format!(
            "{}{}{}",
            &v2[..start],
            v2[start..end].replace("id = \"progressing\"", "id = \"in_progress\""),
            &v2[end..]
        )
    };
    let q2 = load(&v2);
    let (file, report) = place(&q2, v1_answers()).unwrap();

    assert_eq!(
        report.version_change,
        Some(("1.1.0".into(), "2.0.0".into()))
    );
    assert_eq!(file.questionnaire.version, "2.0.0");
    // cs1 (minus one evidence), cs2 (its comment-less answer is now empty), cs3, cs4, cs5 stay.
    assert_eq!(report.kept, 4);
    let reasons: Vec<(&str, &str)> = report
        .set_aside
        .iter()
        .map(|s| (s.item.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("cs1_policy", "evidence no longer listed: code_of_conduct"),
            (
                "cs2_management",
                "answer no longer fits: `progressing` is not one of absent, in_progress, adequate"
            ),
            (
                "cs6_investigations",
                "item `cs6_investigations` does not exist in version 2.0.0"
            ),
        ]
    );
    // Everything set aside is still in the file, with the version it came from.
    assert_eq!(
        file.unplaced["cs6_investigations"].answer.value,
        json!("adequate")
    );
    assert_eq!(
        file.unplaced["cs6_investigations"]
            .answer
            .comment
            .as_deref(),
        Some("Accord d’appui avec l’ONG X")
    );
    assert_eq!(
        file.unplaced["cs2_management"].answer.value,
        json!("progressing")
    );
    assert_eq!(
        file.unplaced["cs1_policy"].answer.evidence,
        ["code_of_conduct"]
    );
    assert!(file.unplaced.values().all(|u| u.from_version == "1.1.0"));
    // What stayed keeps its comment and remaining evidence.
    let cs1 = &file.answers["cs1_policy"];
    assert_eq!(cs1.evidence, ["psea_policy"]);
    assert!(cs1.comment.as_deref().unwrap().contains("« code »"));
    // And scoring sees the two standards that need a new answer.
    let out = score(&q2, &file);
    let missing: Vec<&str> = out.missing.iter().map(|m| m.item.as_str()).collect();
    assert_eq!(missing, ["cs2_management", "cs6_investigation_process"]);
    // The migrated file survives a save and reload with its set-aside answers.
    let reloaded = AnswersFile::from_json(&file.to_json()).unwrap();
    assert_eq!(reloaded.unplaced.len(), 3);
}

#[test]
fn placing_twice_never_overwrites_what_was_set_aside() {
    let q = load(&unicef_src());
    let mut file = v1_answers();
    file.answers.insert(
        "old_item".into(),
        psea_assess::engine::answers::Answer {
            value: json!("x"),
            ..Default::default()
        },
    );
    let (file, _) = place(&q, file).unwrap();
    let mut again = file.clone();
    again.answers.insert(
        "old_item".into(),
        psea_assess::engine::answers::Answer {
            value: json!("y"),
            ..Default::default()
        },
    );
    let (again, _) = place(&q, again).unwrap();
    assert_eq!(again.unplaced["old_item"].answer.value, json!("x"));
    assert_eq!(again.unplaced["old_item#2"].answer.value, json!("y"));
}

#[test]
fn answers_for_another_questionnaire_are_refused() {
    let q = load(&unicef_src());
    let mut file = v1_answers();
    file.questionnaire.id = "cash-transfer-sea-risk".into();
    assert_eq!(
        place(&q, file).unwrap_err(),
        AnswersError::WrongQuestionnaire {
            expected: "unicef-psea-2020".into(),
            found: "cash-transfer-sea-risk".into()
        }
    );
}

#[test]
fn malformed_and_newer_files_give_clear_errors() {
    let err = AnswersFile::from_json(
        "{\"schema\": 1,\n \"questionnaire\": {\"id\": \"x\", \"version\": 1}}",
    )
    .unwrap_err();
    assert!(matches!(err, AnswersError::Json { line: 2, .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("not a valid answers file: line 2, column"),
        "{err}"
    );
    let err =
        AnswersFile::from_json(r#"{"schema": 9, "questionnaire": {"id": "x", "version": "1"}}"#)
            .unwrap_err();
    assert_eq!(err, AnswersError::NewerSchema { found: 9 });
}

#[test]
fn template_holds_every_item_unanswered() {
    let q = load(&unicef_src());
    let t = AnswersFile::template(&q);
    assert_eq!(t.answers.len(), 6);
    assert!(t.answers.values().all(|a| a.value.is_null()));
    let out = score(&q, &t);
    assert_eq!(out.missing.len(), 6);
}

#[test]
fn date_answers_are_kept_when_they_are_dates_and_set_aside_otherwise() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let keep = answers(&q, &[("first_payment", json!("2026-03-05"))]);
    let (_, placed) = place(&q, keep).unwrap();
    assert_eq!((placed.kept, placed.set_aside.len()), (1, 0));
    for bad in ["2026-02-30", "05/03/2026", "demain"] {
        let (file, placed) = place(&q, answers(&q, &[("first_payment", json!(bad))])).unwrap();
        assert_eq!(placed.kept, 0, "{bad}");
        assert_eq!(placed.set_aside[0].item, "first_payment");
        assert!(
            placed.set_aside[0].reason.contains("not a date"),
            "{bad}: {:?}",
            placed.set_aside
        );
        // Set aside, never dropped: the value is still in the file.
        assert!(file.to_json().contains(bad), "{bad}");
    }
}

//! The example answers files in questionnaires/examples/: each fits its questionnaire
//! exactly, scores completely, and makes a report with every character shown.

mod common;

use common::*;
use psea_assess::engine::answers::{place, AnswersFile};
use psea_assess::engine::scoring::score;

fn examples() -> Vec<(String, String)> {
    let dir = format!("{}/questionnaires/examples", env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn one_complete_example_per_questionnaire() {
    let ex = examples();
    assert_eq!(ex.len(), 6);
    for (name, json) in ex {
        let q = load_file(&format!("{name}.toml"));
        let (file, placement) = place(&q, AnswersFile::from_json(&json).unwrap()).unwrap();
        assert!(
            placement.set_aside.is_empty() && placement.version_change.is_none(),
            "{name}: {placement:?}"
        );
        let out = score(&q, &file);
        assert!(
            out.complete && out.problems.is_empty(),
            "{name}: missing {:?}, problems {:?}",
            out.missing,
            out.problems
        );
        assert!(
            out.band.is_some() || out.passed.is_some(),
            "{name}: no rating"
        );
        #[cfg(feature = "pdf")]
        {
            let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            let r = psea_assess::report::build(&q, &file, psea_assess::present::Lang::Fr, date);
            assert!(
                r.bytes.starts_with(b"%PDF-") && r.missing_chars.is_empty(),
                "{name}"
            );
        }
    }
}

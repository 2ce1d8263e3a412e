//! Workspace benchmark (issue #15): prints figures, asserts nothing about time.
//!
//! Run with `scripts/bench.sh` (or `cargo bench --bench aggregate`). Brings 200 and 500
//! generated UNICEF assessments (1 in 10 reviewed) and 200 cash transfer risk checks into a
//! workspace, one file at a time as the app does, then builds the view and the two CSV files.
//! The browser figure (Chromium at 4× CPU) is printed by `e2e/workspace-bench.mjs`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use psea_assess::engine::aggregate::{kind, matrix, register, Filter, Kind, Workspace};
use psea_assess::engine::{self, Questionnaire};
use psea_assess::present::aggregate::{csv_assessments, csv_items};
use psea_assess::present::Lang;
use serde_json::json;

fn questionnaire(name: &str) -> Questionnaire {
    let path = format!("{}/questionnaires/{name}", env!("CARGO_MANIFEST_DIR"));
    engine::load(&std::fs::read_to_string(path).unwrap()).expect("valid")
}

/// A varied answers file (`n` picks the values) for the UNICEF self-assessment.
fn unicef(n: usize) -> String {
    let levels = ["absent", "progressing", "adequate"];
    let mut answers = serde_json::Map::new();
    for (k, id) in common::UNICEF_STANDARDS.iter().enumerate() {
        answers.insert(
            (*id).into(),
            json!({ "value": levels[(n * 7 + k * 3) % 3] }),
        );
    }
    let place = ["Ségou", "Mopti", "Gao"][n % 3];
    let mut f = json!({
        "schema": 3,
        "questionnaire": { "id": "unicef-psea-2020", "version": "1.1.0" },
        "assessment": { "id": format!("a{n}"), "organisation": format!("ONG {n}"), "place": place, "date": "2026-05-01" },
        "answers": answers,
    });
    if n % 10 == 0 {
        f["review"] = json!({ "items": { "cs1_policy": { "value": "absent" } } });
    }
    f.to_string()
}

/// A cash transfer risk check: every risk of the form rated, its measures in varied states.
fn cash(q: &Questionnaire, n: usize) -> String {
    let statuses = ["in_place", "partly", "planned", "not_in_place"];
    let mut answers = serde_json::Map::new();
    answers.insert(
        "modalities".into(),
        json!({ "value": ["cash_in_hand", "mobile_money"] }),
    );
    for (k, (_, item)) in q.items().enumerate() {
        if let engine::model::ItemKind::Risk { mitigations, .. } = &item.kind {
            let measures: serde_json::Map<_, _> = mitigations
                .iter()
                .enumerate()
                .map(|(j, m)| (m.id.clone(), json!({ "status": statuses[(n + j + k) % 4] })))
                .collect();
            answers.insert(item.id.clone(), json!({ "value": { "likelihood": 1 + (n + k) % 5, "impact": 4 + (n % 2), "measures": measures } }));
        }
    }
    json!({
        "schema": 3,
        "questionnaire": { "id": q.id, "version": q.version },
        "assessment": { "id": format!("c{n}"), "organisation": "CWG", "place": "Ségou", "date": "2026-05-01" },
        "answers": answers,
    })
    .to_string()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Median of `runs` timings of bringing `files` in and building the view and both CSV files:
/// (intake, view, CSV).
fn run(q: &Questionnaire, files: &[String], runs: usize) -> (Duration, Duration, Duration) {
    let mut t: Vec<(Duration, Duration, Duration)> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let mut ws = Workspace::default();
            for (i, f) in files.iter().enumerate() {
                black_box(ws.add(q, &format!("f{i}.json"), f));
            }
            let intake = start.elapsed();
            let groups = ws.kept(&Filter::default());
            let start = Instant::now();
            match kind(q) {
                Kind::Register => {
                    black_box(register(q, &ws, &groups));
                }
                _ => {
                    black_box(matrix(q, &ws, &groups, chrono::NaiveDate::MAX));
                }
            }
            let view = start.elapsed();
            let start = Instant::now();
            black_box(csv_assessments(q, &ws, &groups, Lang::Fr));
            black_box(csv_items(q, &ws, &groups, Lang::Fr));
            (intake, view, start.elapsed())
        })
        .collect();
    t.sort();
    t[runs / 2]
}

fn main() {
    let unicef_q = questionnaire("unicef-psea-2020.toml");
    let cash_q = questionnaire("cash-transfer-sea-risk.toml");
    println!("Workspace (release build; median of 5 runs): intake = read, place, score and fold each file");
    println!("| files | intake | view | both CSV files | total |");
    println!("|---|---|---|---|---|");
    let line = |label: String, q: &Questionnaire, files: Vec<String>| {
        let (i, v, c) = run(q, &files, 5);
        println!(
            "| {label} | {} | {} | {} | {} |",
            ms(i),
            ms(v),
            ms(c),
            ms(i + v + c)
        );
    };
    for n in [200, 500] {
        line(
            format!("{n} UNICEF"),
            &unicef_q,
            (0..n).map(unicef).collect(),
        );
    }
    line(
        "200 cash transfer risk checks".into(),
        &cash_q,
        (0..200).map(|n| cash(&cash_q, n)).collect(),
    );
}

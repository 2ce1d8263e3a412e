//! PDF report benchmark: prints build time and size; asserts nothing about time.
//! Targets (issue #5): PDF ≤ 100 KB for a complete assessment with comments.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use psea_assess::engine::answers::{place, AnswersFile};
use psea_assess::engine::{self, Questionnaire};
use psea_assess::present::Lang;
use psea_assess::report::build;

fn load(name: &str) -> (Questionnaire, AnswersFile) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let q = engine::load(
        &std::fs::read_to_string(format!("{dir}/questionnaires/{name}.toml")).unwrap(),
    )
    .unwrap();
    let a = AnswersFile::from_json(
        &std::fs::read_to_string(format!("{dir}/questionnaires/examples/{name}.json")).unwrap(),
    )
    .unwrap();
    let (a, _) = place(&q, a).unwrap();
    (q, a)
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    t[runs / 2]
}

fn main() {
    let runs = if std::env::args().any(|a| a == "--bench") {
        30
    } else {
        1
    };
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    println!("psea-assess report benchmark ({runs} runs per figure, median)");
    // Every questionnaire in questionnaires/, each with its example answers.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("questionnaires/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".toml").map(str::to_owned))
        .collect();
    names.sort();
    let mut cases: Vec<(String, Questionnaire, AnswersFile)> = names
        .iter()
        .map(|n| {
            let (q, a) = load(n);
            (n.to_string(), q, a)
        })
        .collect();
    // The heaviest realistic case: a 5,000-character comment on each of the six standards.
    let (q, mut a) = load("unicef-psea-2020");
    let long: String = "Le point focal a présenté la politique et les registres ; ".repeat(90);
    for ans in a.answers.values_mut() {
        ans.comment = Some(long.chars().take(5000).collect());
    }
    cases.push((
        "unicef-psea-2020 + 6 × 5,000-character comments".into(),
        q,
        a,
    ));
    for (name, q, a) in &cases {
        let r = build(q, a, Lang::Fr, date);
        let t = median(runs, || {
            black_box(build(q, a, Lang::Fr, date));
        });
        println!(
            "  {name:<50} {:>3} pages {:>7.1} KB  build {:>6.1} ms",
            r.pages,
            r.bytes.len() as f64 / 1024.0,
            t.as_secs_f64() * 1e3
        );
    }
}

//! Engine benchmark: prints figures, asserts nothing about time.
//!
//! Run with `scripts/bench.sh` (or `cargo bench --bench engine`). Measures:
//! - loading (parse + validate) every bundled questionnaire;
//! - loading and scoring a generated 200-item weighted-sum questionnaire with conditions;
//! - scoring a generated 200-risk matrix.
//!
//! Target (issue #2): scoring 200 items under 1 ms natively.

use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};

use psea_assess::engine::answers::{Answer, AnswersFile, QuestionnaireRef, SCHEMA};
use psea_assess::engine::{self, scoring::score};
use serde_json::json;

/// Median and minimum of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    t.sort();
    (t[runs / 2], t[0])
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn header(rule: &str) -> String {
    format!(
        r#"[questionnaire]
id = "bench"
version = "1"
languages = ["fr", "en"]
title = {{ fr = "Banc d’essai", en = "Benchmark" }}
purpose = {{ fr = "Mesurer", en = "Measure" }}
audience = {{ fr = "Développeurs", en = "Developers" }}
duration_minutes = 60
sources = [{{ title = "generated" }}]
{rule}
"#
    )
}

/// 200 scale items in 20 sections; every tenth item shown only when the previous one is
/// "high", so visibility is evaluated too.
fn weighted_200() -> String {
    let mut s = header(
        "[scoring]\nrule = \"weighted_sum\"\nstatus = \"verified\"\n\
         [[scoring.bands]]\nid = \"low\"\nmin = 0\nmax = 199\nlabel = { fr = \"bas\", en = \"low\" }\n\
         [[scoring.bands]]\nid = \"high\"\nmin = 200\nmax = 400\nlabel = { fr = \"haut\", en = \"high\" }\n",
    );
    for sec in 0..20 {
        let _ = write!(s, "[[sections]]\nid = \"s{sec}\"\ntitle = {{ fr = \"Section {sec}\", en = \"Part {sec}\" }}\n");
        for k in 0..10 {
            let n = sec * 10 + k;
            let cond = if k == 9 {
                format!("show_if = {{ item = \"i{}\", is = \"high\" }}\n", n - 1)
            } else {
                String::new()
            };
            let _ = write!(
                s,
                "[[sections.items]]\nid = \"i{n}\"\nkind = \"scale\"\n{cond}text = {{ fr = \"Question {n}\", en = \"Question {n} (en)\" }}\n\
                 guidance = {{ fr = \"Conseil\", en = \"Guidance\" }}\naction = {{ fr = \"Agir\", en = \"Act\" }}\n\
                 choices = [{{ id = \"low\", value = 0, label = {{ fr = \"bas\", en = \"low\" }} }}, \
                 {{ id = \"mid\", value = 1, label = {{ fr = \"moyen\", en = \"mid\" }} }}, \
                 {{ id = \"high\", value = 2, label = {{ fr = \"haut\", en = \"high\" }} }}]\n"
            );
        }
    }
    s
}

fn risks_200() -> String {
    let mut s = header(
        "[scoring]\nrule = \"risk_matrix\"\nstatus = \"provisional\"\nimpact_floor = 4\n\
         [[scoring.bands]]\nid = \"low\"\nmin = 1\nmax = 9\nlabel = { fr = \"bas\", en = \"low\" }\n\
         [[scoring.bands]]\nid = \"high\"\nmin = 10\nmax = 25\nlabel = { fr = \"haut\", en = \"high\" }\n\
         [[sections]]\nid = \"s\"\ntitle = { fr = \"Risques\", en = \"Risks\" }\n",
    );
    for n in 0..200 {
        let _ = write!(
            s,
            "[[sections.items]]\nid = \"r{n}\"\nkind = \"risk\"\ntext = {{ fr = \"Risque {n}\", en = \"Risk {n}\" }}\n\
             mitigations = [{{ id = \"a\", lowers = \"likelihood\", by = 1, label = {{ fr = \"A\", en = \"A (en)\" }} }}, \
             {{ id = \"b\", lowers = \"impact\", by = 1, label = {{ fr = \"B\", en = \"B (en)\" }} }}]\n"
        );
    }
    s
}

fn answers(id_prefix: &str, n: usize, value: impl Fn(usize) -> serde_json::Value) -> AnswersFile {
    AnswersFile {
        schema: SCHEMA,
        questionnaire: QuestionnaireRef {
            id: "bench".into(),
            version: "1".into(),
        },
        answers: (0..n)
            .map(|i| {
                (
                    format!("{id_prefix}{i}"),
                    Answer {
                        value: value(i),
                        ..Answer::default()
                    },
                )
            })
            .collect(),
        ..AnswersFile::default()
    }
}

fn main() {
    // `cargo bench` passes --bench: full runs. `cargo test --all-targets` runs this as a quick
    // smoke test (the asserts below still check the generated questionnaires score fully).
    let runs = if std::env::args().any(|a| a == "--bench") {
        200
    } else {
        3
    };
    println!("psea-assess engine benchmark ({runs} runs per figure: median / best)");

    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("questionnaires/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    let (med, best) = time(runs, || {
        files
            .iter()
            .map(|(_, src)| engine::load(src).is_ok())
            .filter(|ok| *ok)
            .count()
    });
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    println!(
        "validate all {} bundled files ({} KB): {} median, {} best",
        files.len(),
        bytes / 1024,
        us(med),
        us(best)
    );
    for (name, src) in &files {
        let (med, _) = time(runs, || engine::load(src).is_ok());
        println!("  {name:<34} {:>7} bytes  load {}", src.len(), us(med));
    }

    let src = weighted_200();
    let q =
        engine::load(&src).unwrap_or_else(|d| panic!("generated questionnaire invalid: {}", d[0]));
    let (med, best) = time(runs, || engine::load(&src).is_ok());
    println!(
        "load 200-item weighted-sum questionnaire ({} KB): {} median, {} best",
        src.len() / 1024,
        us(med),
        us(best)
    );
    let a = answers("i", 200, |i| json!(["low", "mid", "high"][i % 3]));
    let out = score(&q, &a);
    assert!(out.complete && out.items.len() == 200);
    let (med, best) = time(runs, || score(&q, &a));
    println!(
        "score 200 items (weighted sum, 20 conditions): {} median, {} best  [target < 1000 µs]",
        us(med),
        us(best)
    );

    let src = risks_200();
    let q = engine::load(&src).unwrap();
    let a = answers(
        "r",
        200,
        |i| json!({"likelihood": 1 + i % 5, "impact": 1 + (i / 5) % 5, "mitigations": ["a"]}),
    );
    let out = score(&q, &a);
    assert!(out.complete && out.risks.len() == 200);
    let (med, best) = time(runs, || score(&q, &a));
    println!(
        "score 200 risks (risk matrix, ranked): {} median, {} best",
        us(med),
        us(best)
    );
}

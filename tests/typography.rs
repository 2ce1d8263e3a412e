//! French typography of every string a user reads: each questionnaire's French texts (via
//! `Questionnaire::texts()`) and the French side of the UI string table (`src/present/ui.rs`,
//! read as source so that this runs without the `web` feature).
//!
//! The rules (issue #17): a no-break space U+00A0 before `:` and `»` and after `«`; a narrow
//! no-break space U+202F before `;`, `!` and `?`; the typographic apostrophe ’, never `'`;
//! « » rather than straight double quotes.

mod common;

use common::load_file;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// Every typography problem in one French string, each with the text around it.
fn problems(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let around = |i: usize| -> String {
        let from = i.saturating_sub(25);
        let to = (i + 15).min(c.len());
        c[from..to]
            .iter()
            .collect::<String>()
            .replace(NBSP, "⍽")
            .replace(NNBSP, "·")
    };
    let mut out = Vec::new();
    for i in 0..c.len() {
        let prev = i.checked_sub(1).map(|p| c[p]);
        let next = c.get(i + 1).copied();
        let what = match c[i] {
            '\'' => Some("straight apostrophe: write ’"),
            '"' => Some("straight double quote: write « »"),
            ':' => {
                let time = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let url = next == Some('/');
                (i > 0 && !time && !url && prev != Some(NBSP))
                    .then_some("`:` needs a no-break space (U+00A0) before it")
            }
            ';' | '!' | '?' => {
                // A mark quoted on its own, « ? », or doubled, ?!, is fine.
                let quoted = prev == Some(NBSP) && i >= 2 && c[i - 2] == '«';
                let doubled = prev.is_some_and(|p| matches!(p, '!' | '?'));
                (i > 0 && !quoted && !doubled && prev != Some(NNBSP))
                    .then_some("`;` `!` `?` need a narrow no-break space (U+202F) before them")
            }
            // « 80 % »: a number and its percent sign never split over two lines.
            '%' => (prev == Some(' ') && i >= 2 && c[i - 2].is_ascii_digit())
                .then_some("`%` after a number needs a no-break space (U+202F) before it"),
            '»' => (prev != Some(NBSP)).then_some("`»` needs a no-break space (U+00A0) before it"),
            '«' => (next != Some(NBSP)).then_some("`«` needs a no-break space (U+00A0) after it"),
            _ => None,
        };
        if let Some(w) = what {
            out.push(format!("{w}: …{}…", around(i)));
        }
    }
    out
}

#[test]
fn the_rules_catch_what_they_should_and_only_that() {
    assert!(
        problems("Note\u{a0}: oui\u{202f}; non\u{202f}? «\u{a0}cité\u{a0}» l’agence").is_empty()
    );
    assert!(problems("à 10:30, voir https://example.org").is_empty());
    assert!(problems("remplacés par «\u{a0}?\u{a0}»").is_empty());
    assert_eq!(problems("Note : oui").len(), 1);
    assert_eq!(problems("oui ; non").len(), 1);
    assert_eq!(problems("vraiment ?").len(), 1);
    assert_eq!(problems("« cité »").len(), 2);
    assert_eq!(problems("l'agence").len(), 1);
    assert_eq!(problems("80 % pour réussir").len(), 1);
    assert!(problems("80\u{202f}% pour réussir, 100%").is_empty());
    assert_eq!(
        problems("Note\u{202f}: oui").len(),
        1,
        "U+00A0 before a colon"
    );
}

#[test]
fn every_french_string_of_every_questionnaire() {
    let dir = format!("{}/questionnaires", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "{files:?}");
    let mut report = Vec::new();
    for f in &files {
        let q = load_file(f);
        if !q.languages.iter().any(|l| l == "fr") {
            continue;
        }
        for (at, text) in q.texts() {
            if let Some(fr) = text.0.get("fr") {
                for p in problems(fr) {
                    report.push(format!("{f}: {at}: {p}"));
                }
            }
        }
    }
    assert!(
        report.is_empty(),
        "{} French typography problem(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// Reads a Rust string literal starting at `s[0] == '"'`; returns its value and length.
fn literal(s: &str) -> (String, usize) {
    let mut out = String::new();
    let mut it = s.char_indices().skip(1);
    while let Some((i, ch)) = it.next() {
        match ch {
            '"' => return (out, i + 1),
            '\\' => match it.next().map(|(_, e)| e) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let mut hex = String::new();
                    for (_, h) in it.by_ref() {
                        match h {
                            '{' => {}
                            '}' => break,
                            h => hex.push(h),
                        }
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                Some(e) => out.push(e),
                None => break,
            },
            ch => out.push(ch),
        }
    }
    panic!("unterminated literal: {}", &s[..s.len().min(60)]);
}

/// The (key, French, English) entries of the UI table, read from its source.
fn ui_pairs() -> Vec<(String, String, String)> {
    let src = std::fs::read_to_string(format!("{}/src/present/ui.rs", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let body = &src[src.find("pub const fn pair").expect("pair()")..];
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("=> (") {
        let key = rest[..at]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or("")
            .to_owned();
        let after = &rest[at + 4..];
        let q1 = after.find('"').unwrap();
        let (fr, n1) = literal(&after[q1..]);
        let after2 = &after[q1 + n1..];
        let q2 = after2.find('"').unwrap();
        let (en, n2) = literal(&after2[q2..]);
        out.push((key, fr, en));
        rest = &after2[q2 + n2..];
    }
    // Every key of the two tables has its pair: the reading above missed none.
    let n_keys: usize = ["pub enum K {", "pub enum P {"]
        .iter()
        .map(|head| {
            let keys = &src[src.find(head).expect(head)..];
            let keys = &keys[..keys.find('}').unwrap()];
            keys.lines()
                .skip(1)
                .filter(|l| l.trim().ends_with(','))
                .count()
        })
        .sum();
    assert_eq!(out.len(), n_keys, "pairs read vs keys of enums K and P");
    out
}

#[test]
fn every_french_string_of_the_ui_table() {
    let pairs = ui_pairs();
    assert!(pairs.len() > 100, "{}", pairs.len());
    let mut report = Vec::new();
    for (key, fr, _) in &pairs {
        for p in problems(fr) {
            report.push(format!("{key}: {p}"));
        }
    }
    assert!(
        report.is_empty(),
        "{} French typography problem(s) in src/present/ui.rs:\n{}",
        report.len(),
        report.join("\n")
    );
    let self_assessment = pairs
        .iter()
        .find(|(k, _, _)| k == "SelfAssessment")
        .unwrap();
    assert_eq!(
        self_assessment.1,
        "Auto-évaluation — notation indicative\u{202f}; la notation officielle est celle de l’agence"
    );
}

/// The coordinator's workspace in French (`psea-assess aggregate`'s text, which every heading,
/// line and count of `present::aggregate` goes into), for each kind of view.
#[test]
fn every_french_line_of_the_workspace_text() {
    use psea_assess::engine::aggregate::{Filter, Workspace};
    use psea_assess::present::{aggregate, Lang};
    let mut report = Vec::new();
    for name in [
        "unicef-psea-2020",
        "cash-transfer-sea-risk",
        "psea-training-quiz",
    ] {
        let q = load_file(&format!("{name}.toml"));
        // The people's own words (names typed in the files) are not ours to check.
        let mut example: serde_json::Value = serde_json::from_str(&common::questionnaire_text(
            &format!("examples/{name}.json"),
        ))
        .unwrap();
        example["assessment"]["organisation"] = "ONG Espoir".into();
        let example = example.to_string();
        let mut ws = Workspace::default();
        ws.add(&q, "a.json", &example);
        ws.add(&q, "a-copy.json", &example);
        ws.add(
            &q,
            "other.json",
            r#"{"schema":3,"questionnaire":{"id":"x","version":"1"}}"#,
        );
        let filter = Filter {
            place: "Ségou".into(),
            from: Some("2026-01-01".parse().unwrap()),
            ..Filter::default()
        };
        let day = "2031-06-01".parse().unwrap();
        let mut text = aggregate::text(&q, &ws, &filter, day, Lang::Fr);
        text.push_str(&aggregate::filter(&filter, Lang::Fr).unwrap_or_default());
        for r in &ws.refused {
            text.push('\n');
            text.push_str(&aggregate::refusal(&r.why, Lang::Fr, &|_| None));
        }
        assert!(text.lines().count() > 8, "{name}: {text}");
        for line in text.lines() {
            for p in problems(line) {
                report.push(format!("{name}: {p}"));
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use psea_assess::engine::answers::{Answer, AnswersFile, QuestionnaireRef, SCHEMA};
use psea_assess::engine::{self, Questionnaire};
use serde_json::Value;

/// The six standards of `unicef-psea-2020.toml`, in file order.
pub const UNICEF_STANDARDS: [&str; 6] = [
    "cs1_policy",
    "cs2_management",
    "cs3_training",
    "cs4_reporting",
    "cs5_assistance",
    "cs6_investigations",
];

/// Loads a questionnaire, failing the test with every diagnostic when it is invalid.
pub fn load(src: &str) -> Questionnaire {
    match engine::load(src) {
        Ok(q) => q,
        Err(diags) => panic!(
            "questionnaire invalid:\n{}",
            diags
                .iter()
                .map(|d| d.render("test.toml"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// The text of `questionnaires/<name>` (a questionnaire, or `examples/<id>.json`).
pub fn questionnaire_text(name: &str) -> String {
    let path = format!("{}/questionnaires/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn load_file(name: &str) -> Questionnaire {
    load(&questionnaire_text(name))
}

/// The diagnostics of an invalid questionnaire, rendered as `test.toml:line:col: message`.
pub fn errors(src: &str) -> Vec<String> {
    match engine::load(src) {
        Ok(_) => vec![],
        Err(diags) => diags.iter().map(|d| d.render("test.toml")).collect(),
    }
}

/// An answers file for `q` with these (item id, JSON value) pairs.
pub fn answers(q: &Questionnaire, pairs: &[(&str, Value)]) -> AnswersFile {
    AnswersFile {
        schema: SCHEMA,
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
        },
        answers: pairs
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    Answer {
                        value: v.clone(),
                        // As the app records a quiz answer: validated (other rules ignore it).
                        validated: true,
                        ..Answer::default()
                    },
                )
            })
            .collect(),
        ..AnswersFile::default()
    }
}

/// A questionnaire header with the given scoring table and sections appended.
pub fn with_header(rest: &str) -> String {
    format!(
        r#"[questionnaire]
id = "t"
version = "1"
languages = ["fr", "en"]
title = {{ fr = "Essai", en = "Test" }}
purpose = {{ fr = "But", en = "Purpose" }}
audience = {{ fr = "Public", en = "Audience" }}
duration_minutes = 5
sources = [{{ title = "Source", url = "https://example.org" }}]
{rest}"#
    )
}

pub fn text(s: &str) -> String {
    format!(r#"{{ fr = "{s} (fr)", en = "{s}" }}"#)
}

/// A date written `YYYY-MM-DD`.
pub fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// The UNICEF 2020 questionnaire and an answers file rating its six standards with these
/// choice ids, in order (answers as the app records a capacity answer: not quiz-validated).
pub fn unicef_rated(values: [&str; 6]) -> (Questionnaire, AnswersFile) {
    let q = load_file("unicef-psea-2020.toml");
    let pairs: Vec<_> = UNICEF_STANDARDS
        .iter()
        .zip(values)
        .map(|(s, v)| (*s, Value::String(v.to_owned())))
        .collect();
    let mut f = answers(&q, &pairs);
    for a in f.answers.values_mut() {
        a.validated = false;
    }
    (q, f)
}

// --- added by P (tests/report_workspace.rs; tests/report_pdf.rs has its own copies)

/// Writes `bytes` as `name` in a folder of the temporary directory (`folder` and this
/// process's id), and returns its path: PDFs to read back with poppler, or to look at.
pub fn write_temp(folder: &str, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("{folder}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    // Written aside then renamed into place: a test running at the same time never reads a
    // half-written file.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let part = dir.join(format!(".{name}.{n}"));
    std::fs::write(&part, bytes).unwrap();
    std::fs::rename(&part, &p).unwrap();
    p
}

/// Runs a poppler tool (pdftotext, pdfinfo…: shares no code with our PDF writer) and returns
/// its output; fails the test when it is missing or fails.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The browser's way to a PDF: the report placed and laid out (`report::sheet_of`, which the
/// results page runs on the assessment it holds; here reached from texts), the sheet's bytes
/// sent to the worker, which reads them back and writes the PDF.
#[cfg(feature = "pdf")]
pub fn browser_pdf(
    questionnaire: &str,
    answers: &str,
    baseline: Option<&str>,
    lang: &str,
    date: &str,
) -> Result<psea_assess::report::Report, String> {
    let sheet =
        psea_assess::report::sheet_from_texts(questionnaire, answers, baseline, lang, date)?;
    worker_writes(&sheet)
}

/// What the PDF worker does with a sheet the page sent: decode, write.
#[cfg(feature = "pdf")]
pub fn worker_writes(
    sheet: &psea_assess::report::sheet::Sheet,
) -> Result<psea_assess::report::Report, String> {
    let sent = sheet.encode();
    let received = psea_assess::report::sheet::Sheet::decode(&sent)?;
    Ok(psea_assess::report::pdf::write(&received))
}

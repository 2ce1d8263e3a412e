//! Importing answers files as editors save them: a UTF-8 byte order mark (Windows Notepad
//! writes one) is accepted by the engine, so the command line and the app agree.

use std::path::PathBuf;

use psea_assess::engine::answers::AnswersFile;

fn example() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("questionnaires/examples/unicef-psea-2020.json");
    std::fs::read_to_string(path).expect("example answers file")
}

#[test]
fn an_answers_file_with_a_byte_order_mark_reads_as_without_one() {
    let text = example();
    let plain = AnswersFile::from_json(&text).expect("reads without BOM");
    let with_bom = AnswersFile::from_json(&format!("\u{feff}{text}")).expect("reads with BOM");
    assert_eq!(with_bom, plain);
    assert!(!plain.answers.is_empty());
}

#[test]
fn a_byte_order_mark_is_accepted_once_only() {
    // Two marks are not a file an editor writes: still refused, with its place.
    assert!(AnswersFile::from_json(&format!("\u{feff}\u{feff}{}", example())).is_err());
}

#[test]
fn a_byte_order_mark_inside_the_text_is_not_stripped() {
    let text = example().replacen('{', "{\u{feff}", 1);
    assert!(AnswersFile::from_json(&text).is_err());
}

#[test]
fn the_command_line_reads_an_answers_file_with_a_byte_order_mark() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let file = std::env::temp_dir().join(format!("psea-bom-{}.json", std::process::id()));
    std::fs::write(&file, format!("\u{feff}{}", example())).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_psea-assess"))
        .args(["score"])
        .arg(dir.join("questionnaires/unicef-psea-2020.toml"))
        .arg(&file)
        .output()
        .expect("runs");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

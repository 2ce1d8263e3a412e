//! The documentation's example questionnaire is valid and behaves as the text says.

mod common;

use common::*;
use psea_assess::engine::scoring::score;
use serde_json::json;

fn readme_example() -> String {
    let doc = std::fs::read_to_string(format!(
        "{}/questionnaires/README.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let from = doc.find("## A complete small example").expect("section");
    let block = &doc[from..];
    let start = block.find("```toml\n").expect("toml block") + "```toml\n".len();
    let end = block[start..].find("```").expect("end of block");
    block[start..start + end].to_owned()
}

#[test]
fn readme_example_is_valid_and_scores_as_described() {
    let q = load(&readme_example());
    let out = score(
        &q,
        &answers(
            &q,
            &[("policy", json!("yes")), ("has_hotline", json!("no"))],
        ),
    );
    assert_eq!(
        (out.score, out.max, out.band.unwrap().id.as_str()),
        (Some(2), Some(2), "full")
    );

    let out = score(
        &q,
        &answers(
            &q,
            &[
                ("policy", json!("yes")),
                ("has_hotline", json!("yes")),
                ("hotline_known", json!("no")),
            ],
        ),
    );
    assert_eq!(
        (out.score, out.max, out.percent),
        (Some(3), Some(4), Some(75.0))
    );
    assert_eq!(out.band.unwrap().label.get("fr"), "Faible capacité");
    assert_eq!(
        out.gaps[0].action.as_ref().unwrap().get("fr"),
        "Afficher le numéro."
    );
}

#[test]
fn readme_example_with_total_basis_reports_the_uncovered_total() {
    let total = readme_example()
        .replace("basis = \"percent\"", "basis = \"total\"")
        .replace("min = 0\nmax = 99", "min = 2\nmax = 3")
        .replace("min = 100\nmax = 100", "min = 4\nmax = 4");
    let errs = errors(&total);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("bands leave a gap: score 1 falls in no band"),
        "{errs:?}"
    );
}

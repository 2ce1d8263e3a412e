//! One test per class of validation error, each with the exact position expected.

mod common;

use common::*;

/// A valid questionnaire; tests break one thing in it. Line numbers below refer to this text
/// (the header from `with_header` takes lines 1–9).
fn base(scoring: &str, items: &str) -> String {
    with_header(&format!(
        "{scoring}\n[[sections]]\nid = \"s\"\ntitle = {{ fr = \"Section\", en = \"Section\" }}\n{items}"
    ))
}

const SUM: &str = r#"[scoring]
rule = "weighted_sum"
status = "verified"
[[scoring.bands]]
id = "low"
min = 1
max = 1
label = { fr = "bas", en = "low" }
[[scoring.bands]]
id = "high"
min = 2
max = 2
label = { fr = "haut", en = "high" }"#;

const GATE: &str = "[[sections.items]]\nid = \"gate\"\nkind = \"yes_no\"\nrequired = false\ntext = { fr = \"Porte\", en = \"Gate\" }";

const GATE2: &str = "[[sections.items]]\nid = \"gate2\"\nkind = \"yes_no\"\nrequired = false\ntext = { fr = \"Porte 2\", en = \"Gate 2\" }";

const ITEM: &str = r#"[[sections.items]]
id = "q1"
kind = "scale"
text = { fr = "Question", en = "Question" }
choices = [{ id = "a", value = 1, label = { fr = "A", en = "A" } }, { id = "b", value = 2, label = { fr = "B", en = "B" } }]"#;

/// The 1-based line holding `needle` (first occurrence after `after` lines).
fn line_of(src: &str, needle: &str, after: usize) -> usize {
    src.lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("{needle} not found"))
}

#[test]
fn the_base_questionnaire_is_valid() {
    assert_eq!(errors(&base(SUM, ITEM)), Vec::<String>::new());
}

#[test]
fn toml_syntax_error() {
    let src = base(SUM, &ITEM.replace("kind = \"scale\"", "kind = \"scale"));
    let errs = errors(&src);
    let line = line_of(&src, "kind = \"scale", 0);
    assert!(!errs.is_empty());
    assert!(
        errs[0].starts_with(&format!("test.toml:{line}:")),
        "{errs:?}"
    );
    assert!(errs[0].contains("TOML syntax"), "{errs:?}");
}

#[test]
fn unknown_key_with_suggestion() {
    let src = base(
        SUM,
        &format!("{ITEM}\nguidence = {{ fr = \"g\", en = \"g\" }}"),
    );
    let line = line_of(&src, "guidence", 0);
    assert_eq!(
        errors(&src),
        [format!("test.toml:{line}:1: unknown key `guidence` in items of kind `scale` [in `q1`] (hint: did you mean `guidance`?)")]
    );
}

#[test]
fn key_of_another_kind() {
    let src = base(SUM, &format!("{ITEM}\npartial = true"));
    let line = line_of(&src, "partial = true", 0);
    assert!(errors(&src)[0].starts_with(&format!(
        "test.toml:{line}:1: key `partial` does not apply to items of kind `scale`"
    )));
}

#[test]
fn wrong_type() {
    let src = base(SUM, &format!("{ITEM}\nrequired = \"yes\""));
    let line = line_of(&src, "required = \"yes\"", 0);
    assert_eq!(
        errors(&src),
        [format!(
            "test.toml:{line}:12: `required` must be true or false, found string [in `q1`]"
        )]
    );
}

#[test]
fn missing_required_key() {
    let src = base(
        SUM,
        &ITEM.replace("text = { fr = \"Question\", en = \"Question\" }\n", ""),
    );
    let line = line_of(&src, "[[sections.items]]", 0);
    assert_eq!(
        errors(&src),
        [format!(
            "test.toml:{line}:1: item `q1` has no `text` (hint: add `text = …`)"
        )]
    );
}

#[test]
fn missing_translation() {
    let src = base(
        SUM,
        &ITEM.replace(
            "text = { fr = \"Question\", en = \"Question\" }",
            "text = { fr = \"Question\" }",
        ),
    );
    let line = line_of(&src, "text = { fr = \"Question\" }", 0);
    assert_eq!(
        errors(&src),
        [format!(
            "test.toml:{line}:8: `text` has no `en` translation [in `q1`] (hint: add `en = \"…\"`)"
        )]
    );
}

#[test]
fn unknown_item_kind() {
    let src = base(SUM, &ITEM.replace("kind = \"scale\"", "kind = \"scael\""));
    let line = line_of(&src, "scael", 0);
    assert!(errors(&src).contains(&format!(
        "test.toml:{line}:8: unknown item kind `scael` [in `q1`] (hint: did you mean `scale`?)"
    )));
}

#[test]
fn duplicate_item_id() {
    let src = base(
        SUM,
        &format!("{ITEM}\n{GATE}\n{}", GATE.replace("gate", "q1")),
    );
    let second = line_of(&src, "id = \"q1\"", line_of(&src, "id = \"q1\"", 0));
    let first = line_of(&src, "id = \"q1\"", 0);
    assert_eq!(
        errors(&src),
        [format!("test.toml:{second}:6: duplicate item id `q1` (hint: first used on line {first}; item ids must be unique in the file)")]
    );
}

#[test]
fn condition_on_missing_item() {
    let src = base(
        SUM,
        &format!("{ITEM}\n{GATE}\nshow_if = {{ item = \"q9\", is = \"a\" }}"),
    );
    let line = line_of(&src, "show_if", 0);
    assert_eq!(errors(&src), [format!("test.toml:{line}:20: condition refers to unknown item `q9` [in `gate`] (hint: did you mean `q1`?)")]);
}

#[test]
fn condition_on_missing_choice() {
    let src = base(
        SUM,
        &format!("{ITEM}\n{GATE}\n{GATE2}\nshow_if = {{ item = \"gate\", is = \"maybe\" }}"),
    );
    let line = line_of(&src, "show_if", 0);
    assert_eq!(
        errors(&src),
        [format!("test.toml:{line}:20: condition tests `gate` for `maybe`, which is not one of its choices [in `gate2`] (hint: choices of `gate`: yes, no)")]
    );
}

#[test]
fn conditions_in_a_cycle() {
    let a = "[[sections.items]]\nid = \"ga\"\nkind = \"yes_no\"\nrequired = false\ntext = { fr = \"A\", en = \"A\" }\nshow_if = { item = \"gb\", is = \"yes\" }";
    let b = "[[sections.items]]\nid = \"gb\"\nkind = \"yes_no\"\nrequired = false\ntext = { fr = \"B\", en = \"B\" }\nshow_if = { item = \"ga\", is = \"yes\" }";
    let src = base(SUM, &format!("{ITEM}\n{a}\n{b}"));
    let errs = errors(&src);
    let line = line_of(&src, "id = \"gb\"", 0) - 1;
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with(&format!("test.toml:{line}:1: conditions form a cycle: `gb` depends on `ga`, which depends back on `gb`")), "{errs:?}");
}

#[test]
fn rule_refers_to_missing_item() {
    let src = base(
        &SUM.replace(
            "status = \"verified\"",
            "status = \"verified\"\nitems = [\"q1\", \"q2\"]",
        ),
        ITEM,
    );
    let line = line_of(&src, "items = [", 0);
    assert_eq!(
        errors(&src),
        [format!(
            "test.toml:{line}:16: scoring refers to unknown item `q2` (hint: did you mean `q1`?)"
        )]
    );
}

#[test]
fn critical_cap_refers_to_missing_band_and_choice() {
    let crit = "\n[[scoring.critical]]\nitem = \"q1\"\ncap = \"lowest\"\nwhen = [\"z\"]";
    let src = base(&format!("{SUM}{crit}"), ITEM);
    let line = line_of(&src, "[[scoring.critical]]", 0);
    assert_eq!(
        errors(&src),
        [
            format!("test.toml:{line}:1: critical entry caps at unknown band `lowest` [in `q1`] (hint: bands: low, high)"),
            format!("test.toml:{line}:1: condition tests `q1` for `z`, which is not one of its choices (hint: choices of `q1`: a, b)"),
        ]
    );
}

#[test]
fn band_gap() {
    // The item scores 1 or 2; bands cover only 1.
    let sum = SUM.replace("min = 2\nmax = 2", "min = 3\nmax = 3");
    let src = base(&sum, ITEM);
    let scoring = line_of(&src, "[scoring]", 0);
    let high = line_of(&src, "[[scoring.bands]]", scoring + 5);
    assert_eq!(
        errors(&src),
        [
            format!("test.toml:{scoring}:1: bands leave a gap: score 2 falls in no band (hint: possible scores: 1–2)"),
            format!("test.toml:{high}:1: band `high` (3–3) can never be reached (hint: possible scores: 1–2)"),
        ]
    );
}

#[test]
fn band_overlap() {
    let sum = SUM.replace("min = 1\nmax = 1", "min = 1\nmax = 2");
    let src = base(&sum, ITEM);
    let high = line_of(&src, "id = \"high\"", 0) - 1;
    assert_eq!(
        errors(&src),
        [format!("test.toml:{high}:1: band `high` (2–2) overlaps band `low` (1–2) (hint: each score must fall in exactly one band)")]
    );
}

#[test]
fn unreachable_band_edges_of_a_risk_matrix() {
    // 5×5 products never equal 17, 18 or 19: a band there can never be reached.
    let scoring = r#"[scoring]
rule = "risk_matrix"
status = "provisional"
[[scoring.bands]]
id = "low"
min = 1
max = 16
label = { fr = "bas", en = "low" }
[[scoring.bands]]
id = "odd"
min = 17
max = 19
label = { fr = "bizarre", en = "odd" }
[[scoring.bands]]
id = "high"
min = 20
max = 25
label = { fr = "haut", en = "high" }"#;
    let risk = "[[sections.items]]\nid = \"r\"\nkind = \"risk\"\ntext = { fr = \"R\", en = \"R\" }";
    let src = base(scoring, risk);
    let line = line_of(&src, "id = \"odd\"", 0) - 1;
    assert_eq!(
        errors(&src),
        [format!(
            "test.toml:{line}:1: band `odd` (17–19) can never be reached (hint: possible scores: 1–6, 8–10, 12, 15–16, 20, 25)"
        )]
    );
}

#[test]
fn na_left_out_of_a_raw_total() {
    let src = base(SUM, &format!("{ITEM}\nna = true"));
    let line = line_of(&src, "[scoring]", 0);
    assert_eq!(
        errors(&src),
        [format!(
            "test.toml:{line}:1: N/A answers are left out, but bands are on the raw total, which N/A would shift (hint: set basis = \"percent\", or na = \"met\")"
        )]
    );
}

#[test]
fn quiz_question_without_answer_or_explanation() {
    let scoring = "[scoring]\nrule = \"quiz\"\nstatus = \"verified\"";
    let item = "[[sections.items]]\nid = \"q\"\nkind = \"true_false\"\ntext = { fr = \"Vrai ?\", en = \"True?\" }";
    let src = base(scoring, item);
    let line = line_of(&src, "[[sections.items]]", 0);
    let scoring_line = line_of(&src, "[scoring]", 0);
    assert_eq!(
        errors(&src),
        [
            format!("test.toml:{scoring_line}:1: the quiz has no question with a `correct` answer"),
            format!("test.toml:{line}:1: quiz question `q` has no `correct` answer (hint: add `correct = \"choice id\"` (or true/false, or a list for a checklist))"),
            format!("test.toml:{line}:1: quiz question `q` has no `explanation` (hint: trainees see it after answering)"),
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = ITEM
        .replace("kind = \"scale\"", "kind = \"scale\"\ncolour = \"red\"")
        .replace(
            "text = { fr = \"Question\", en = \"Question\" }",
            "text = { fr = \"Question\", es = \"Pregunta\" }",
        );
    let src = base(SUM, &format!("{bad}\nrequired = 1"));
    let errs = errors(&src);
    assert_eq!(errs.len(), 4, "{errs:?}"); // unknown key, undeclared language, missing en, wrong type
}

//! Property tests: whatever text is given, parsing and validating never panic, and
//! reading any answers JSON against a questionnaire never panics either.

mod common;

use proptest::prelude::*;
use psea_assess::engine::answers::{place, AnswersFile};
use psea_assess::engine::{self, scoring::score};

fn unicef() -> String {
    std::fs::read_to_string(format!(
        "{}/questionnaires/unicef-psea-2020.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Fragments that look like questionnaire TOML, so that random text reaches deep paths.
fn tomlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("[questionnaire]\n".to_string()),
        Just("[[sections]]\n".to_string()),
        Just("[[sections.items]]\n".to_string()),
        Just("[scoring]\n".to_string()),
        Just("[[scoring.bands]]\n".to_string()),
        Just("rule = \"risk_matrix\"\n".to_string()),
        Just("kind = \"scale\"\n".to_string()),
        Just("show_if = { item = \"a\", all = [] }\n".to_string()),
        Just("choices = [{ id = \"a\", value = 99999999999999999999 }]\n".to_string()),
        Just("languages = [\"fr\"]\n".to_string()),
        "[a-z_]{1,8} = (\"[^\"\\n]{0,6}\"|[0-9-]{1,4}|true|\\[\\]|\\{ fr = \"x\" \\})\n",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = engine::load(&s);
    }

    #[test]
    fn questionnaire_like_text_never_panics(s in tomlish()) {
        let _ = engine::load(&s);
    }

    #[test]
    fn mutated_real_questionnaire_never_panics(cut in 0usize..20_000, len in 0usize..200, insert in "\\PC{0,20}") {
        let src = unicef();
        let mut start = cut.min(src.len());
        while !src.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(src.len());
        while !src.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &src[..start], insert, &src[end..]);
        if let Ok(q) = engine::load(&mutated) {
            let t = AnswersFile::template(&q);
            let _ = score(&q, &t);
        }
    }

    #[test]
    fn arbitrary_answers_never_panic(json in "\\{\"schema\": 1, \"questionnaire\": \\{\"id\": \"unicef-psea-2020\", \"version\": \"[0-9.]{1,5}\"\\}, \"answers\": \\{(\"cs[0-9]_[a-z]{1,14}\": \\{\"value\": (null|\"[a-z]{1,12}\"|[0-9]{1,3}|true|\\[\\]|\\{\\}), \"evidence\": \\[(\"[a-z_]{1,10}\")?\\]\\},? ?){0,8}\\}\\}") {
        let q = engine::load(&unicef()).unwrap();
        if let Ok(file) = AnswersFile::from_json(&json) {
            if let Ok((file, _)) = place(&q, file) {
                let _ = score(&q, &file);
            }
        }
    }
}

/// The browser lays reports out on the page, where a panic would stop the whole app: whatever
/// a user typed (any characters, words longer than a line, many lines) lays out without
/// panicking, and every character is either drawn or listed as missing.
fn example(name: &str) -> (psea_assess::engine::Questionnaire, AnswersFile) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let q = engine::load(
        &std::fs::read_to_string(format!("{dir}/questionnaires/{name}.toml")).unwrap(),
    )
    .unwrap();
    let file =
        std::fs::read_to_string(format!("{dir}/questionnaires/examples/{name}.json")).unwrap();
    let (file, _) = place(&q, AnswersFile::from_json(&file).unwrap()).unwrap();
    (q, file)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_typed_text_lays_out_without_panic(
        text in "\\PC{0,300}",
        long_word in "[a-zA-Zéèàɛɔ]{0,400}",
        lines in 0usize..40,
        which in 0usize..3,
    ) {
        use psea_assess::present::Lang;
        use psea_assess::report::{lay_out_with, sheet::{Mark, Sheet}};
        let name = ["unicef-psea-2020", "cash-transfer-sea-risk", "psea-training-quiz"][which];
        let (q, mut file) = example(name);
        file.assessment.organisation = format!("{text}{long_word}");
        file.assessment.assessor = long_word.clone();
        let comment = format!("{text} {long_word}\n").repeat(lines);
        for a in file.answers.values_mut() {
            a.comment = Some(comment.clone());
        }
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let sheet = lay_out_with(&q, &file, None, Lang::Fr, day);
        prop_assert!(!sheet.pages.is_empty());
        let back = Sheet::decode(&sheet.encode());
        prop_assert_eq!(back.as_ref(), Ok(&sheet));
        // Every character typed is drawn, or reported missing (drawn as "?").
        let drawn: String = sheet.pages.iter().flat_map(|p| &p.marks).filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        }).collect();
        for c in text.chars().chain(long_word.chars()).filter(|c| !c.is_whitespace() && !c.is_control()) {
            prop_assert!(drawn.contains(c) || sheet.missing.contains(&c), "{c:?} neither drawn nor missing");
        }
    }
}

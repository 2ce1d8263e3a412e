//! Issue #17: the capacity assessments and the quiz faithful to their sources and framed as
//! what they are — conditional N/A (UN standard 8), the "no contact with beneficiaries"
//! status, the self-assessment wording and the review date in every output, the sources in
//! the PDF, http(s)-only source addresses, per-list "other" labels, and a quiz whose right
//! answers are unique and explained.

mod common;

use std::process::Command;

use common::*;
use psea_assess::engine::answers::AnswersFile;
use psea_assess::engine::condition::na_allowed;
use psea_assess::engine::model::*;
use psea_assess::engine::scoring::{score, Effect, NA_REFUSED};
use psea_assess::engine::Questionnaire;
use psea_assess::present::{text, Lang};
use serde_json::{json, Value};

const NOTICE_FR: &str =
    "Auto-évaluation — notation indicative\u{202f}; la notation officielle est celle de l’agence";
const NOTICE_EN: &str = "Self-assessment — indicative rating; the official rating is the agency’s";

/// The UN common example with `allegations_received` and standard 8 set as given.
fn un_common(allegations: Value, std8: Value, contact: Value) -> (Questionnaire, AnswersFile) {
    let q = load_file("un-common-psea.toml");
    let mut pairs = vec![
        ("beneficiary_contact", contact),
        ("allegations_received", allegations),
        ("std1_policy", json!("yes")),
        ("std2_contracts", json!("yes")),
        ("std3_vetting", json!("no")),
        ("std4_training", json!("yes")),
        ("std5_reporting", json!("yes")),
        ("std6_assistance", json!("yes")),
        ("std7_investigations", json!("no")),
    ];
    pairs.push(("std8_corrective", std8));
    let mut a = answers(&q, &pairs);
    a.assessment.date = chrono::NaiveDate::from_ymd_opt(2026, 10, 14);
    (q, a)
}

fn effect_of(o: &psea_assess::engine::scoring::Outcome, id: &str) -> Effect {
    o.items.iter().find(|r| r.item == id).unwrap().effect
}

#[test]
fn standard_8_not_applicable_without_allegations_counts_as_met() {
    let (q, a) = un_common(json!("no"), json!("na"), json!("yes"));
    assert!(na_allowed(&q, &a, q.item("std8_corrective").unwrap()));
    let o = score(&q, &a);
    assert!(o.complete && o.problems.is_empty(), "{:?}", o.problems);
    assert_eq!(effect_of(&o, "std8_corrective"), Effect::NaMet);
    assert_eq!((o.score, o.max), (Some(6), Some(8)));
    assert_eq!(o.band.unwrap().id, "medium");
}

#[test]
fn standard_8_not_applicable_is_refused_once_an_allegation_was_received() {
    let (q, a) = un_common(json!("yes"), json!("na"), json!("yes"));
    assert!(!na_allowed(&q, &a, q.item("std8_corrective").unwrap()));
    let o = score(&q, &a);
    // Not counted as met: the answer is required, so there is no rating yet.
    assert!(!o.complete);
    assert!(o.band.is_none());
    assert!(o
        .problems
        .iter()
        .any(|p| p.item == "std8_corrective" && p.message == NA_REFUSED));
    assert!(o
        .missing
        .iter()
        .any(|m| m.item == "std8_corrective" && m.scored));
    assert_eq!(effect_of(&o, "std8_corrective"), Effect::Unanswered);
    let fr = text::outcome(&q, &a, &o, Lang::Fr);
    assert!(
        fr.contains(
            "[std8_corrective] «\u{a0}sans objet\u{a0}» n’est accepté ici que sous sa condition"
        ),
        "{fr}"
    );
    assert!(fr.contains("Résultat partiel"), "{fr}");

    // Answered: counted like any standard.
    let (q, a) = un_common(json!("yes"), json!("no"), json!("yes"));
    let o = score(&q, &a);
    assert!(o.complete && o.problems.is_empty());
    assert_eq!((o.score, o.max), (Some(5), Some(8)));
    assert_eq!(o.band.unwrap().id, "low");
    assert!(o.gaps.iter().any(|g| g.item == "std8_corrective"));

    // Allegations question left unanswered: N/A is not accepted either.
    let (q, mut a) = un_common(json!("no"), json!("na"), json!("yes"));
    a.answers.remove("allegations_received");
    assert!(!score(&q, &a).complete);
}

#[test]
fn na_if_is_checked_by_the_validator() {
    let base = |item_extra: &str| {
        format!(
            r#"[questionnaire]
id = "t"
version = "1"
languages = ["fr"]
title = {{ fr = "T" }}
purpose = {{ fr = "P" }}
audience = {{ fr = "A" }}
duration_minutes = 5
[[questionnaire.sources]]
title = "S"
url = "https://example.org"
[scoring]
rule = "count_met"
status = "provisional"
na = "met"
[[scoring.bands]]
id = "all"
min = 0
max = 2
label = {{ fr = "Tout" }}
[[sections]]
id = "s"
title = {{ fr = "S" }}
[[sections.items]]
id = "had"
kind = "yes_no"
text = {{ fr = "Eu ?" }}
[[sections.items]]
id = "std"
kind = "yes_no"
text = {{ fr = "Norme" }}
{item_extra}
"#
        )
    };
    assert!(errors(&base("na = true\nna_if = { item = \"had\", is = \"no\" }")).is_empty());
    let no_na = errors(&base("na_if = { item = \"had\", is = \"no\" }"));
    assert!(
        no_na
            .iter()
            .any(|e| e.contains("has `na_if` but does not offer N/A")),
        "{no_na:?}"
    );
    let unknown = errors(&base("na = true\nna_if = { item = \"hadd\", is = \"no\" }"));
    assert!(
        unknown.iter().any(|e| e.contains("unknown item `hadd`")),
        "{unknown:?}"
    );
}

#[test]
fn no_contact_with_beneficiaries_changes_how_the_result_is_stated() {
    let (q, a) = un_common(json!("no"), json!("na"), json!("no"));
    let o = score(&q, &a);
    assert_eq!(o.result_status.as_deref(), Some("no_contact"));
    let fr = text::outcome(&q, &a, &o, Lang::Fr);
    let status_line = "Statut\u{a0}: «\u{a0}Aucun contact avec les bénéficiaires\u{a0}»";
    let at = fr.find(status_line).unwrap_or_else(|| panic!("{fr}"));
    assert!(
        at < fr.find("Résultat\u{a0}:").unwrap(),
        "the status comes first:\n{fr}"
    );
    assert!(
        fr.contains("l’agence décide si l’évaluation s’applique"),
        "{fr}"
    );
    let en = text::outcome(&q, &a, &o, Lang::En);
    assert!(
        en.contains("Status: “No contact with beneficiaries”"),
        "{en}"
    );

    let (q, a) = un_common(json!("no"), json!("na"), json!("yes"));
    let o = score(&q, &a);
    assert_eq!(o.result_status, None);
    assert!(!text::outcome(&q, &a, &o, Lang::Fr).contains("Aucun contact"));
}

#[test]
fn self_assessments_say_so_and_show_a_review_date_not_a_validity() {
    let (q, a) = un_common(json!("no"), json!("na"), json!("yes"));
    assert!(q.self_assessment && q.validity_provisional);
    let o = score(&q, &a);
    let fr = text::outcome(&q, &a, &o, Lang::Fr);
    assert!(fr.contains(NOTICE_FR), "{fr}");
    assert!(
        fr.contains("À revoir avant le\u{a0}: 14\u{a0}octobre 2031 (durée PROVISOIRE, non confirmée par la source)"),
        "{fr}"
    );
    assert!(!fr.contains("Valide jusqu"), "{fr}");
    let en = text::outcome(&q, &a, &o, Lang::En);
    assert!(en.contains(NOTICE_EN), "{en}");
    assert!(
        en.contains("To be reviewed before: 14 October 2031 (PROVISIONAL period"),
        "{en}"
    );

    // A partial result has no rating to review yet: no date, in the text or the PDF.
    let mut partial = a.clone();
    let first = partial.answers.keys().next().unwrap().clone();
    partial.answers.remove(&first);
    let op = score(&q, &partial);
    assert!(!op.complete);
    let fr = text::outcome(&q, &partial, &op, Lang::Fr);
    assert!(!fr.contains("À revoir avant"), "{fr}");
    let pdf = psea_assess::report::build(&q, &partial, Lang::Fr, a.assessment.date.unwrap());
    let p = common::write_temp("psea-partial", "partial.pdf", &pdf.bytes);
    let t = common::poppler("pdftotext", &[p.to_str().unwrap(), "-"]);
    assert!(!t.contains("À revoir avant"), "{t}");
    assert!(t.contains("Résultat partiel"), "{t}");

    let unicef = load_file("unicef-psea-2020.toml");
    assert!(unicef.self_assessment && !unicef.validity_provisional);
    // The quiz is not a capacity rating.
    assert!(!load_file("psea-training-quiz.toml").self_assessment);
}

#[test]
fn command_line_output_carries_the_self_assessment_wording() {
    let dir = format!("{}/questionnaires", env!("CARGO_MANIFEST_DIR"));
    let run = |q: &str, a: &str, lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_psea-assess"))
            .args([
                "score",
                &format!("{dir}/{q}"),
                &format!("{dir}/examples/{a}"),
                "--lang",
                lang,
            ])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    for (q, a) in [
        ("un-common-psea.toml", "un-common-psea.json"),
        ("unicef-psea-2020.toml", "unicef-psea-2020.json"),
    ] {
        let fr = run(q, a, "fr");
        assert!(fr.contains(NOTICE_FR), "{q}:\n{fr}");
        assert!(fr.contains("À revoir avant le\u{a0}:"), "{q}:\n{fr}");
        assert!(fr.contains("Sources\u{a0}:"), "{q}:\n{fr}");
        assert!(run(q, a, "en").contains(NOTICE_EN));
    }
    let quiz = run("psea-training-quiz.toml", "psea-training-quiz.json", "fr");
    assert!(!quiz.contains("Auto-évaluation"), "{quiz}");
}

#[cfg(feature = "pdf")]
mod pdf {
    use super::*;
    use psea_assess::report::build;

    /// pdftotext's text, white space (no-break spaces included) folded to single spaces.
    fn pdf_text(name: &str, bytes: &[u8], raw: bool) -> String {
        let dir = std::env::temp_dir().join(format!("psea-content-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let mut args = vec![p.to_str().unwrap().to_owned(), "-".into()];
        if !raw {
            args.insert(0, "-layout".into());
        }
        let out = Command::new("pdftotext")
            .args(&args)
            .output()
            .expect("pdftotext (Debian poppler-utils) is needed");
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn pdf_says_self_assessment_and_lists_the_sources() {
        let (q, a) = un_common(json!("no"), json!("na"), json!("yes"));
        let r = build(&q, &a, Lang::Fr, day());
        assert!(r.missing_chars.is_empty(), "{:?}", r.missing_chars);
        let t = pdf_text("un-fr.pdf", &r.bytes, false);
        let raw = pdf_text("un-fr.pdf", &r.bytes, true);
        assert!(t.contains("Auto-évaluation — notation indicative ; la notation officielle est celle de l’agence"), "{t}");
        assert!(
            t.contains("À revoir avant le 14 octobre 2031 (durée PROVISOIRE"),
            "{t}"
        );
        assert!(!t.contains("Valide jusqu"), "{t}");
        assert!(
            t.contains("Règle PROVISOIRE") || t.contains("règle PROVISOIRE"),
            "{t}"
        );
        assert!(t.contains("Sources"), "{t}");
        for s in &q.sources {
            // Titles and addresses may wrap; compare without any white space.
            let squeeze = |x: &str| x.split_whitespace().collect::<String>();
            assert!(
                squeeze(&raw).contains(&squeeze(&s.title)),
                "missing source «{}»",
                s.title
            );
            if let Some(u) = &s.url {
                assert!(squeeze(&raw).contains(&squeeze(u)), "missing address {u}");
            }
        }

        let en = pdf_text("un-en.pdf", &build(&q, &a, Lang::En, day()).bytes, false);
        assert!(
            en.contains("Self-assessment — indicative rating; the official rating is the agency’s"),
            "{en}"
        );
        assert!(en.contains("To be reviewed before 14 October 2031"), "{en}");

        // A refused N/A is said so next to the answer, not shown as if it counted.
        let (q2, a2) = un_common(json!("yes"), json!("na"), json!("yes"));
        let t2 = pdf_text(
            "un-refused.pdf",
            &build(&q2, &a2, Lang::Fr, day()).bytes,
            false,
        );
        assert!(
            t2.contains("Non retenue « sans objet » n’est accepté ici que sous sa condition"),
            "{t2}"
        );
        assert!(!t2.contains("sans objet — 1 / 1"), "{t2}");

        // The no-contact status is stated in the PDF too.
        let (q, a) = un_common(json!("no"), json!("na"), json!("no"));
        let t = pdf_text("un-nc.pdf", &build(&q, &a, Lang::Fr, day()).bytes, false);
        assert!(
            t.contains("Statut Aucun contact avec les bénéficiaires"),
            "{t}"
        );
    }

    #[test]
    fn unicef_pdf_says_self_assessment() {
        let q = load_file("unicef-psea-2020.toml");
        let a =
            AnswersFile::from_json(&questionnaire_text("examples/unicef-psea-2020.json")).unwrap();
        let t = pdf_text("unicef.pdf", &build(&q, &a, Lang::Fr, day()).bytes, false);
        assert!(t.contains("Auto-évaluation — notation indicative ; la notation officielle est celle de l’agence"), "{t}");
        assert!(t.contains("UNICEF eTools, PSEA module"), "{t}");
    }
}

#[test]
fn source_addresses_must_be_http_or_https() {
    let text = questionnaire_text("un-common-psea.toml");
    let with_url = |u: &str| -> String {
        let mut done = false;
        text.lines()
            .map(|l| {
                if !done && l.starts_with("url = ") {
                    done = true;
                    format!("url = \"{u}\"")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://example.org",
        "https://",
        "www.example.org",
        "https://exa mple.org",
    ] {
        let errs = errors(&with_url(bad));
        assert!(
            errs.iter().any(|e| e.contains("is not an http(s) address")),
            "{bad}: {errs:?}"
        );
    }
    for good in ["http://example.org", "HTTPS://Example.org/x?y=1"] {
        assert!(errors(&with_url(good)).is_empty(), "{good}");
    }
}

#[test]
fn other_options_have_their_own_labels() {
    let q = load(
        r#"[questionnaire]
id = "t"
version = "1"
languages = ["fr", "en"]
title = { fr = "T", en = "T" }
purpose = { fr = "P", en = "P" }
audience = { fr = "A", en = "A" }
duration_minutes = 5
[[questionnaire.sources]]
title = "S"
url = "https://example.org"
[scoring]
rule = "flag_count"
status = "provisional"
[[sections]]
id = "s"
title = { fr = "S", en = "S" }
[[sections.items]]
id = "modalities"
kind = "checklist"
options = [{ id = "cash", label = { fr = "Espèces", en = "Cash" } }]
other = true
other_label = { fr = "Autre modalité", en = "Other modality" }
text = { fr = "Modalités", en = "Modalities" }
evidence = [{ id = "list", label = { fr = "Liste", en = "List" } }]
evidence_other = true
evidence_other_label = { fr = "Autre document", en = "Other document" }
[[sections.items]]
id = "flag"
kind = "true_false"
text = { fr = "Signal", en = "Flag" }
"#,
    );
    let i = q.item("modalities").unwrap();
    assert_eq!(i.other_label.as_ref().unwrap().get("fr"), "Autre modalité");
    assert_eq!(
        i.evidence_other_label.as_ref().unwrap().get("en"),
        "Other document"
    );
    let texts: Vec<String> = q.texts().into_iter().map(|(at, _)| at).collect();
    assert!(
        texts.contains(&"item modalities other_label".to_owned()),
        "{texts:?}"
    );

    let errs = errors(&questionnaire_text("unicef-psea-2020.toml").replacen(
        "evidence_other = true\n",
        "evidence_other = true\nother_label = { fr = \"Autre\", en = \"Other\" }\n",
        1,
    ));
    assert!(
        errs.iter()
            .any(|e| e.contains("has `other_label` but no \"other\" option")),
        "{errs:?}"
    );
}

#[test]
fn every_quiz_question_has_one_right_answer_set_and_an_explanation() {
    let q = load_file("psea-training-quiz.toml");
    let mut n = 0;
    for (_, i) in q.items() {
        let Some(correct) = &i.correct else { continue };
        n += 1;
        let ex = i
            .explanation
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no explanation", i.id));
        for l in &q.languages {
            assert!(
                ex.0.get(l).is_some_and(|s| s.len() > 20),
                "{}: explanation in {l}",
                i.id
            );
        }
        match (&i.kind, correct) {
            (ItemKind::TrueFalse { na: false }, Correct::Bool(_)) => {}
            (ItemKind::Choice { choices }, Correct::One(id)) => {
                assert!(choices.len() >= 2, "{}", i.id);
                assert_eq!(
                    choices.iter().filter(|c| &c.id == id).count(),
                    1,
                    "{}",
                    i.id
                );
            }
            (ItemKind::Checklist { options, other }, Correct::Many(ids)) => {
                let mut sorted = ids.clone();
                sorted.sort();
                sorted.dedup();
                assert_eq!(sorted.len(), ids.len(), "{}: repeated right answer", i.id);
                assert!(!ids.is_empty(), "{}", i.id);
                assert!(
                    ids.iter().all(|id| options.iter().any(|o| &o.id == id)),
                    "{}",
                    i.id
                );
                assert!(
                    ids.len() < options.len() + usize::from(*other),
                    "{}: every option is right, so ticking everything cannot be wrong",
                    i.id
                );
            }
            (k, c) => panic!("{}: a `{}` item with right answer {c:?}", i.id, k.name()),
        }
    }
    assert!(n >= 20, "{n}");
    // The checklist whose every option was right now has a wrong one.
    let all = answers(
        &q,
        &[(
            "q_exchange",
            json!(["money", "employment", "goods", "assistance", "adult_agrees"]),
        )],
    );
    let o = score(&q, &all);
    let r = o.items.iter().find(|r| r.item == "q_exchange").unwrap();
    assert_eq!(r.correct, Some(false));
    // SGB definitions are not put in « » as if quoted.
    for id in ["q_def_exploitation", "q_def_abuse"] {
        let fr = q.item(id).unwrap().text.get("fr");
        assert!(!fr.contains('«'), "{id}: {fr}");
    }
    assert!(!q
        .item("q_def_abuse")
        .unwrap()
        .text
        .get("fr")
        .contains("commise ou sous la menace"));
    assert_eq!(
        q.item("q_sgb_relationships").unwrap().kind.answer_ids(),
        ["discouraged", "allowed", "not_covered"]
    );
}

#[test]
fn the_protocol_is_named_by_its_official_french_title() {
    const TITLE: &str = "Protocole de l’Organisation des Nations Unies sur les allégations d’exploitation et violences sexuelles impliquant des partenaires opérationnels";
    for f in ["un-common-psea.toml", "psea-training-quiz.toml"] {
        let q = load_file(f);
        let named: Vec<String> = q
            .texts()
            .into_iter()
            .filter_map(|(at, t)| {
                t.0.get("fr")
                    .filter(|s| s.contains("Protocole"))
                    .map(|s| format!("{at}: {s}"))
            })
            .collect();
        assert!(!named.is_empty(), "{f}");
        for n in &named {
            assert!(
                n.contains(TITLE) || n.contains("Protocole de 2018") || n.contains("le Protocole"),
                "{f}: {n}"
            );
            assert!(!n.contains("Protocole des Nations Unies"), "{f}: {n}");
        }
    }
}

//! The presentation layer (`present`): each rule once, in French and in English. The screen,
//! the PDF and the command line all word things through these functions.

mod common;

use chrono::NaiveDate;
use common::*;
use psea_assess::engine::answers::{place, AnswersError, AnswersFile};
use psea_assess::engine::scoring::score;
use psea_assess::present::message::answers_error;
use psea_assess::present::Lang::{En, Fr};
use psea_assess::present::{
    colon, date, file_name, labelled, list_sep, number, outcome, placement, quoted, text,
};

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_label_takes_the_colon_of_its_language() {
    assert_eq!(colon(Fr), "\u{a0}: ");
    assert_eq!(colon(En), ": ");
    assert_eq!(labelled(Fr, "Pour qui", "ONG"), "Pour qui\u{a0}: ONG");
    assert_eq!(labelled(En, "For whom", "NGOs"), "For whom: NGOs");
    // English never gets French spacing: « For whom : », « Score : 15 / 18 ».
    assert!(!labelled(En, "Score", "15 / 18").contains(" :"));
    assert!(!labelled(En, "Score", "15 / 18").contains(NBSP));
    // A question text as the label: its own colon is not doubled, and a question mark takes
    // the answer without a colon.
    use psea_assess::present::question_labelled;
    assert_eq!(
        question_labelled(Fr, "Les abus sexuels constituent\u{a0}:", "une faute grave"),
        "Les abus sexuels constituent\u{a0}: une faute grave"
    );
    assert_eq!(
        question_labelled(En, "Sexual abuse is:", "gross misconduct"),
        "Sexual abuse is: gross misconduct"
    );
    assert_eq!(
        question_labelled(Fr, "Quelles qualités doit-il avoir\u{202f}?", "Sûr"),
        "Quelles qualités doit-il avoir\u{202f}? Sûr"
    );
    assert_eq!(
        question_labelled(En, "Which one?", "Rape"),
        "Which one? Rape"
    );
    assert_eq!(
        question_labelled(Fr, "Pour qui", "ONG"),
        labelled(Fr, "Pour qui", "ONG")
    );
}

#[test]
fn quotes_and_lists_follow_the_language() {
    assert_eq!(quoted(Fr, "Élevé"), "«\u{a0}Élevé\u{a0}»");
    assert_eq!(quoted(En, "High"), "“High”");
    assert_eq!(list_sep(Fr), "\u{202f}; ");
    assert_eq!(list_sep(En), "; ");
}

#[test]
fn dates_are_written_as_people_write_them() {
    assert_eq!(date::written(day(2026, 3, 1), Fr), "1er\u{a0}mars 2026");
    assert_eq!(date::written(day(2026, 8, 15), Fr), "15\u{a0}août 2026");
    assert_eq!(date::written(day(2026, 3, 1), En), "1 March 2026");
    assert_eq!(date::written(day(2026, 12, 31), En), "31 December 2026");
    assert_eq!(date::iso(day(2026, 3, 1)), "2026-03-01");
    assert_eq!(date::short(day(2026, 3, 1), Fr), "1er\u{a0}mars 2026");
    assert_eq!(date::short(day(2026, 12, 24), Fr), "24\u{a0}déc. 2026");
    assert_eq!(date::short(day(2026, 12, 1), En), "1 Dec 2026");
    let evening = day(2026, 3, 1).and_hms_opt(21, 5, 0).unwrap();
    assert_eq!(date::time(&evening), "21:05");
}

#[test]
fn a_date_field_is_read_as_iso_or_not_at_all() {
    assert_eq!(date::from_iso("2026-03-01"), Some(day(2026, 3, 1)));
    assert_eq!(date::from_iso(" 2024-02-29 "), Some(day(2024, 2, 29)));
    // What chrono's "%Y-%m-%d" also refused: impossible, partial or other layouts.
    for bad in [
        "",
        "2026-02-30",
        "2023-02-29",
        "2026-13-01",
        "2026-3-1",
        "01/03/2026",
        "2026-03",
        "2026-03-01T00:00",
        "+2026-03-01",
    ] {
        assert_eq!(date::from_iso(bad), None, "{bad:?}");
    }
    // Every date it writes reads back.
    let mut d = day(2023, 12, 25);
    for _ in 0..800 {
        assert_eq!(date::from_iso(&date::iso(d)), Some(d));
        d = d.succ_opt().unwrap();
    }
}

#[test]
fn numbers_and_percentages_per_language() {
    assert_eq!(number::number(12.5, Fr), "12,5");
    assert_eq!(number::number(12.5, En), "12.5");
    assert_eq!(number::number(3.0, Fr), "3");
    assert_eq!(number::percent(77.777, Fr), format!("77,8{NNBSP}%"));
    assert_eq!(number::percent(77.777, En), "77.8%");
    // Never rounded up to a pass mark it misses.
    assert_eq!(number::shown_percent(79.6, 80), 79);
    assert_eq!(number::shown_percent(80.4, 80), 80);
}

#[test]
fn the_score_line_and_the_quiz_verdict_per_language() {
    let q = load_file("psea-training-quiz.toml");
    let file =
        AnswersFile::from_json(&questionnaire_text("examples/psea-training-quiz.json")).unwrap();
    let o = score(&q, &file);
    let fr = outcome::score_line(&o, Fr);
    let en = outcome::score_line(&o, En);
    assert!(
        fr.starts_with("19 / 23 — 83\u{202f}% — Réussi (seuil\u{a0}80\u{202f}%)"),
        "{fr}"
    );
    assert!(
        en.starts_with("19 / 23 — 83% — Passed (pass mark\u{a0}80%)"),
        "{en}"
    );
    // Under a heading that already reads « Réussi », the verdict is not said again; the pass
    // mark stays.
    assert_eq!(outcome::rating(&o, Fr).as_deref(), Some("Réussi"));
    let under = outcome::score_under_rating(&o, Fr);
    assert!(
        under.starts_with("19 / 23 — 83\u{202f}% (seuil\u{a0}80\u{202f}%)"),
        "{under}"
    );
    assert!(!under.contains("Réussi"), "{under}");
    // The PDF's score of a quiz gives the same whole percentage as the page (83, not 82,6).
    assert_eq!(
        outcome::score_of(&o, Fr).as_deref(),
        Some("19 sur 23 (83\u{202f}%)")
    );
    assert_eq!(outcome::score_label("flag_count", Fr), "Signaux de risque");
    assert_eq!(outcome::score_label("flag_count", En), "Risk flags");
}

#[test]
fn heat_colours_are_one_palette_for_screen_and_pdf() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let psea_assess::engine::model::Rule::RiskMatrix(m) = &q.scoring.rule else {
        panic!("risk matrix");
    };
    // Lowest band green, highest red, the same values the SVG writes as hex.
    assert_eq!(outcome::heat_colour(&m.bands, 1), outcome::HEAT[0]);
    assert_eq!(outcome::heat_colour(&m.bands, 25), outcome::HEAT[3]);
    assert_eq!(outcome::hex(outcome::HEAT[0]), "#cfe8cf");
    let legend = outcome::band_legend(&m.bands, Fr);
    assert_eq!(legend.len(), m.bands.len());
    assert!(legend[0].ends_with(&outcome::band_range(
        m.bands.iter().min_by_key(|b| b.min).unwrap()
    )));
    // An entry never wraps: « Très élevé 20–25 » holds no breaking space.
    assert_eq!(legend.last().unwrap(), "Très\u{a0}élevé\u{a0}20–25");
}

#[test]
fn answers_file_and_pdf_share_one_slug_of_the_organisation() {
    let q = load_file("unicef-psea-2020.toml");
    let mut file = AnswersFile::template(&q);
    file.assessment.organisation = "Ségou – Ɲɛtaa".into();
    let d = day(2026, 11, 23);
    assert_eq!(file_name::slug("Ségou – Ɲɛtaa"), "segou-netaa");
    assert_eq!(
        file_name::slug("Œuvre d’entraide Ŋ"),
        "oeuvre-d-entraide-ng"
    );
    let both = |f: &AnswersFile| [file_name::answers(f, d), file_name::report(f, d)];
    assert_eq!(
        both(&file),
        [
            "unicef-psea-2020-segou-netaa-2026-11-23.json",
            "unicef-psea-2020-segou-netaa-2026-11-23.pdf"
        ]
    );
    // No organisation: no placeholder, no doubled hyphen.
    file.assessment.organisation = "  – ".into();
    assert_eq!(
        both(&file),
        [
            "unicef-psea-2020-2026-11-23.json",
            "unicef-psea-2020-2026-11-23.pdf"
        ]
    );
}

#[test]
fn a_toml_syntax_error_in_french_and_in_english() {
    let src = "[questionnaire]\nid = \"x\"\nlanguages = [\"fr\", \"en\"\n";
    let diags = psea_assess::engine::load(src).unwrap_err();
    let d = &diags[0];
    assert_eq!((d.line, d.col), (3, 24), "{d}");
    let fr = d.render_in("q.toml", Fr);
    let en = d.render_in("q.toml", En);
    assert!(
        fr.starts_with("q.toml:3:24: Erreur de syntaxe TOML\u{a0}: tableau non fermé"),
        "{fr}"
    );
    assert!(
        fr.contains("(conseil\u{a0}: vérifiez les guillemets"),
        "{fr}"
    );
    assert!(
        en.starts_with("q.toml:3:24: TOML syntax: unclosed array"),
        "{en}"
    );
    assert!(en.contains("(hint: check quotes"), "{en}");
    // Display stays the English text, for logs and tests.
    assert_eq!(d.to_string(), d.text(En));
}

#[test]
fn a_validation_error_in_french_and_in_english_keeps_its_place_and_item() {
    let src = questionnaire_text("unicef-psea-2020.toml").replacen(
        "kind = \"scale\"",
        "kind = \"scales\"",
        1,
    );
    let diags = psea_assess::engine::load(&src).unwrap_err();
    let d = diags
        .iter()
        .find(|d| d.message.en.contains("scales"))
        .expect("unknown kind reported");
    let at = format!("q.toml:{}:{}: ", d.line, d.col);
    assert_eq!(
        d.render_in("q.toml", Fr),
        format!("{at}type de question `scales` inconnu [dans `cs1_policy`] (conseil\u{a0}: vouliez-vous dire `scale`\u{202f}?)")
    );
    assert_eq!(
        d.render_in("q.toml", En),
        format!("{at}unknown item kind `scales` [in `cs1_policy`] (hint: did you mean `scale`?)")
    );
}

#[test]
fn every_diagnostic_has_both_languages() {
    // A file broken in many ways: each message is worded in French and in English.
    let src = with_header(
        "[scoring]\nrule = \"weigted_sum\"\nstatus = \"maybe\"\n[[sections]]\nid = \"s\"\ntitle = { fr = \"S\" }\nfoo = 1\n[[sections.items]]\nid = \"a b\"\nkind = \"yes_no\"\ntext = { fr = \"\", en = \"x\", de = \"y\" }\nshow_if = { item = \"zz\", is = \"yes\" }\n",
    );
    let diags = psea_assess::engine::load(&src).unwrap_err();
    assert!(diags.len() >= 5, "{diags:?}");
    for d in &diags {
        assert!(!d.message.fr.is_empty() && !d.message.en.is_empty());
        assert_ne!(d.message.fr, d.message.en, "untranslated: {}", d.message.en);
        assert!(
            !d.message.fr.contains(" :"),
            "plain space before a colon: {}",
            d.message.fr
        );
    }
}

#[test]
fn a_file_for_another_questionnaire_in_both_languages() {
    let q = load_file("unicef-psea-2020.toml");
    let mut file = AnswersFile::template(&q);
    file.questionnaire.id = "un-common-psea".into();
    let err = place(&q, file).unwrap_err();
    assert_eq!(
        answers_error(&err, Fr),
        "ces réponses sont pour le questionnaire `un-common-psea`, pas pour `unicef-psea-2020`"
    );
    assert_eq!(
        answers_error(&err, En),
        "these answers are for questionnaire `un-common-psea`, not `unicef-psea-2020`"
    );
    // The engine's own text is unchanged (English, as logs read it).
    assert_eq!(answers_error(&err, En), err.to_string());
}

#[test]
fn a_file_that_is_not_an_answers_file_in_both_languages() {
    let err = AnswersFile::from_json("{\"questionnaire\": 3}").unwrap_err();
    assert!(matches!(err, AnswersError::Json { line: 1, .. }), "{err:?}");
    let fr = answers_error(&err, Fr);
    let en = answers_error(&err, En);
    assert!(
        fr.starts_with("ce n’est pas un fichier de réponses\u{a0}: ligne 1, colonne "),
        "{fr}"
    );
    assert!(fr.contains("type de valeur inattendu"), "{fr}");
    // Nothing of serde_json's English words in the French sentence.
    assert!(!fr.contains("invalid type"), "{fr}");
    assert!(
        en.starts_with("not a valid answers file: line 1, column "),
        "{en}"
    );
    let empty = AnswersFile::from_json("").unwrap_err();
    let fr = answers_error(&empty, Fr);
    assert!(fr.contains("le fichier s’arrête avant la fin"), "{fr}");
    assert!(!fr.contains("EOF"), "{fr}");
    // Nor the library's jargon in the English one.
    let en = answers_error(&empty, En);
    assert!(en.ends_with(": the file stops before the end"), "{en}");
    assert!(!en.contains("EOF"), "{en}");
    // A rarer kind: named in French, the library's words quoted as a detail.
    let escape = AnswersFile::from_json("{\"schema\": \"\\q\"}").unwrap_err();
    assert_eq!(
        answers_error(&escape, Fr),
        "ce n’est pas un fichier de réponses\u{a0}: ligne 1, colonne 14\u{a0}: séquence d’échappement invalide dans un texte"
    );
    let odd = AnswersFile::from_json("{\"schema\": 1e999}").unwrap_err();
    let fr = answers_error(&odd, Fr);
    assert!(fr.contains("nombre hors limites"), "{fr}");
}

/// An answers file made for version 1.0.0, with an answer for an item that no longer exists
/// and evidence no longer listed.
fn revised() -> (psea_assess::engine::Questionnaire, AnswersFile) {
    let q = load_file("unicef-psea-2020.toml");
    let mut file =
        AnswersFile::from_json(&questionnaire_text("examples/unicef-psea-2020.json")).unwrap();
    file.questionnaire.version = "1.0.0".into();
    let mut gone = file.answers["cs2_management"].clone();
    gone.value = serde_json::json!("adequate");
    gone.comment = Some("Réunion du 3 mars".into());
    file.answers.insert("cs7_old".into(), gone);
    file.answers
        .get_mut("cs1_policy")
        .unwrap()
        .evidence
        .push("retired_evidence".into());
    (q, file)
}

#[test]
fn placement_lines_in_both_languages() {
    let (q, file) = revised();
    let (placed, p) = place(&q, file).unwrap();
    let fr = placement::lines(&p, Fr);
    let en = placement::lines(&p, En);
    assert_eq!(fr.len(), 3, "{fr:?}");
    assert!(
        fr[0].starts_with("Réponses faites pour la version 1.0.0 → 1.1.0\u{a0}: "),
        "{fr:?}"
    );
    assert!(
        en[0].starts_with("Answers made for version 1.0.0 → 1.1.0: "),
        "{en:?}"
    );
    assert!(fr.iter().any(|l| l
        == "Mise de côté (conservée dans le fichier) [cs7_old]\u{a0}: la question `cs7_old` n’existe pas dans la version 1.1.0"));
    assert!(en.iter().any(|l| l
        == "Set aside (kept in the file) [cs7_old]: question `cs7_old` does not exist in version 1.1.0"));
    assert!(fr
        .iter()
        .any(|l| l.ends_with("preuves qui ne sont plus proposées\u{a0}: retired_evidence")));
    // The file keeps the English words it always had, and the typed reason beside them.
    let u = &placed.unplaced["cs7_old"];
    assert_eq!(u.reason, "item `cs7_old` does not exist in version 1.1.0");
    assert_eq!(u.why.len(), 1);
    let back = AnswersFile::from_json(&placed.to_json()).unwrap();
    assert_eq!(back.unplaced, placed.unplaced);
}

#[test]
fn an_answer_that_no_longer_fits_is_set_aside_with_its_reason_in_both_languages() {
    let q = load_file("unicef-psea-2020.toml");
    let mut file = AnswersFile::template(&q);
    file.answers.get_mut("cs2_management").unwrap().value = serde_json::json!("progressin");
    let (placed, p) = place(&q, file).unwrap();
    let u = &placed.unplaced["cs2_management"];
    assert_eq!(
        u.reason,
        "answer no longer fits: `progressin` is not one of absent, progressing, adequate"
    );
    let fr = placement::lines(&p, Fr);
    let en = placement::lines(&p, En);
    assert_eq!(fr, ["Mise de côté (conservée dans le fichier) [cs2_management]\u{a0}: la réponse ne correspond plus à la question\u{a0}: `progressin` n’est pas parmi absent, progressing, adequate"]);
    assert_eq!(en, ["Set aside (kept in the file) [cs2_management]: the answer no longer fits the question: `progressin` is not one of absent, progressing, adequate"]);
}

#[test]
fn an_older_file_with_only_the_stored_reason_still_shows_it() {
    let (q, file) = revised();
    let (mut placed, _) = place(&q, file).unwrap();
    for u in placed.unplaced.values_mut() {
        u.why.clear();
    }
    let lines = placement::unplaced(&placed, Fr);
    let (_, line) = lines.iter().find(|(k, _)| k == "cs7_old").unwrap();
    assert_eq!(
        line,
        "adequate — Réunion du 3 mars — item `cs7_old` does not exist in version 1.1.0 (version 1.0.0)"
    );
}

#[test]
fn set_aside_answers_are_listed_in_the_text_report() {
    let (q, file) = revised();
    let (placed, _) = place(&q, file).unwrap();
    let o = score(&q, &placed);
    let fr = text::outcome(&q, &placed, &o, Fr);
    let en = text::outcome(&q, &placed, &o, En);
    assert!(fr.contains("\nRéponses mises de côté (conservées dans le fichier)\u{a0}:\n  - [cs1_policy] preuves\u{a0}: retired_evidence — preuves qui ne sont plus proposées\u{a0}: retired_evidence (version 1.0.0)\n"), "{fr}");
    assert!(fr.contains("\n  - [cs7_old] adequate — Réunion du 3 mars — la question `cs7_old` n’existe pas dans la version 1.1.0 (version 1.0.0)\n"), "{fr}");
    assert!(en.contains("\nAnswers set aside (kept in the file):\n  - [cs1_policy] evidence: retired_evidence — evidence no longer listed: retired_evidence (version 1.0.0)\n"), "{en}");
    assert!(en.contains("\n  - [cs7_old] adequate — Réunion du 3 mars — question `cs7_old` does not exist in version 1.1.0 (version 1.0.0)\n"), "{en}");
}

#[test]
fn the_english_text_report_has_no_french_spacing() {
    for name in [
        "unicef-psea-2020",
        "un-common-psea",
        "programme-sea-risk-flags",
        "psea-training-quiz",
        "cash-transfer-sea-risk",
    ] {
        let q = load_file(&format!("{name}.toml"));
        let file =
            AnswersFile::from_json(&questionnaire_text(&format!("examples/{name}.json"))).unwrap();
        let (file, _) = place(&q, file).unwrap();
        let o = score(&q, &file);
        // The header quotes sources and the organisation as written (often French); the
        // report's own words start after its first blank line.
        let en = text::outcome(&q, &file, &o, En);
        let en = en.split_once("\n\n").map_or("", |(_, rest)| rest);
        for bad in [" :", "\u{a0}:", " %", "\u{202f}%", "\u{202f};", "«"] {
            assert!(
                !en.contains(bad),
                "{name}: English report has {bad:?}:\n{en}"
            );
        }
        let fr = text::outcome(&q, &file, &o, Fr);
        let fr = fr.split_once("\n\n").map_or("", |(_, rest)| rest);
        assert!(!fr.contains(" :") && !fr.contains(" %"), "{name}: {fr}");
    }
}

#[test]
fn a_problem_with_an_answer_is_said_in_the_users_language() {
    // Not placed first, so scoring meets the misfit itself.
    let q = load_file("unicef-psea-2020.toml");
    let mut file = AnswersFile::template(&q);
    file.answers.get_mut("cs2_management").unwrap().value = serde_json::json!("progressin");
    let o = score(&q, &file);
    let p = o
        .problems
        .iter()
        .find(|p| p.item == "cs2_management")
        .unwrap();
    assert_eq!(
        psea_assess::present::answer::problem_text(&q, &file, p, Fr),
        "`progressin` n’est pas parmi absent, progressing, adequate"
    );
    assert_eq!(
        psea_assess::present::answer::problem_text(&q, &file, p, En),
        "`progressin` is not one of absent, progressing, adequate"
    );
}

#[test]
fn a_capped_rating_names_the_band_the_score_alone_gives() {
    // UNICEF 2020 with standard 5 made critical: « Absente » caps the rating at « low ».
    let src = format!(
        "{}\n[[scoring.critical]]\nitem = \"cs5_assistance\"\ncap = \"low\"\nwhen = [\"absent\"]\n",
        questionnaire_text("unicef-psea-2020.toml")
    );
    let q = load(&src);
    let file =
        AnswersFile::from_json(&questionnaire_text("examples/unicef-psea-2020.json")).unwrap();
    let (file, _) = place(&q, file).unwrap();
    let o = score(&q, &file);
    assert_eq!(o.uncapped_band.as_deref(), Some("medium"));
    let fr = outcome::uncapped(&q, &o, Fr).unwrap();
    let en = outcome::uncapped(&q, &o, En).unwrap();
    assert!(
        fr.starts_with("sans plafond\u{a0}: «\u{a0}Capacité moyenne"),
        "{fr}"
    );
    assert!(en.starts_with("without the cap: “Medium Capacity"), "{en}");
    // The command line says it the same way, never with the band's id.
    let text = text::outcome(&q, &file, &o, Fr);
    assert!(text.contains(&format!("cs5_assistance ({fr})")), "{text}");
    assert!(!text.contains("medium)"), "{text}");
}

#[test]
fn the_rating_is_the_band_or_the_quiz_verdict() {
    let q = load_file("psea-training-quiz.toml");
    let file =
        AnswersFile::from_json(&questionnaire_text("examples/psea-training-quiz.json")).unwrap();
    let o = score(&q, &file);
    assert_eq!(outcome::rating(&o, Fr).as_deref(), Some("Réussi"));
    assert_eq!(outcome::rating(&o, En).as_deref(), Some("Passed"));
    let q = load_file("unicef-psea-2020.toml");
    let o = score(&q, &AnswersFile::template(&q));
    assert_eq!(outcome::rating(&o, Fr), None);
    let file =
        AnswersFile::from_json(&questionnaire_text("examples/unicef-psea-2020.json")).unwrap();
    let o = score(&q, &file);
    assert_eq!(
        outcome::rating(&o, En).as_deref(),
        Some("Medium Capacity (Moderate Risk)")
    );
}

/// Names cut for a column or a list end on a whole word, never inside an aside or on a
/// colon: « Des données du programme… », not « Des données du programme (listes, numéros… ».
#[test]
fn shortened_names_end_cleanly() {
    use psea_assess::present::answer::shorten;
    assert_eq!(
        shorten("Information des communautés.", 60),
        "Information des communautés"
    );
    assert_eq!(
        shorten(
            "Des données du programme (listes, numéros de téléphone, adresses) sont divulguées",
            55
        ),
        "Des données du programme…"
    );
    assert_eq!(
        shorten("Le ciblage expose certaines personnes (survivant·es de VBG\u{a0}: femmes seules) à des abus", 60),
        "Le ciblage expose certaines personnes…"
    );
    assert_eq!(
        shorten("Risque\u{a0}: une longue explication qui dépasse", 10),
        "Risque…"
    );
    // An aside closed before the cut stays.
    assert_eq!(
        shorten(
            "Suivi (post-distribution) des ménages et des plaintes reçues",
            40
        ),
        "Suivi (post-distribution) des ménages…"
    );
    // A question whole before its aside ends on its question mark, without an ellipsis.
    assert_eq!(
        shorten(
            "Quelles affirmations sont justes\u{a0}? (plusieurs réponses possibles)",
            50
        ),
        "Quelles affirmations sont justes\u{a0}?"
    );
    // A text that starts with its aside keeps what fits.
    assert_eq!(
        shorten("(facultatif) une note sur la séance de formation", 20),
        "(facultatif) une…"
    );
}

/// A partly answered assessment's score counts only what is answered: « 13 / 15 » beside a
/// complete « 14 / 18 » must say it is partial, on the screen, in the PDF and the text.
#[test]
fn an_incomplete_score_says_it_is_partial() {
    let q = load_file("unicef-psea-2020.toml");
    let full =
        AnswersFile::from_json(&questionnaire_text("examples/unicef-psea-2020.json")).unwrap();
    let done = score(&q, &full);
    assert!(done.complete);
    assert!(!outcome::score_line(&done, Fr).contains("partielle"));
    assert_eq!(outcome::partial_result(&done, Fr), None);
    let mut part = full.clone();
    assert!(part.answers.remove("cs5_assistance").is_some());
    let o = score(&q, &part);
    assert!(!o.complete && o.score.is_some(), "{o:?}");
    let (points, max) = (o.score.unwrap(), o.max.unwrap());
    assert_eq!(
        outcome::score_line(&o, Fr),
        format!("{points} / {max} — note partielle")
    );
    assert_eq!(
        outcome::score_line(&o, En),
        format!("{points} / {max} — partial score")
    );
    assert!(
        outcome::score_of(&o, Fr)
            .unwrap()
            .ends_with(" — note partielle"),
        "{:?}",
        outcome::score_of(&o, Fr)
    );
    assert_eq!(
        outcome::partial_result(&o, Fr),
        Some((
            "Résultat partiel",
            "1 question sans réponse avant la note finale".to_owned()
        ))
    );
    part.answers.retain(|k, _| k.starts_with("cs1"));
    let few = score(&q, &part);
    assert_eq!(
        outcome::partial_result(&few, En).map(|(_, v)| v),
        Some("5 questions unanswered before the final rating".to_owned())
    );
}

/// A quiz answer counts once validated: a question ticked but not validated is among those
/// the final mark waits for, and the partial result says « sans réponse validée ».
#[test]
fn a_quiz_waits_for_validated_answers() {
    let q = load_file("psea-training-quiz.toml");
    let mut file =
        AnswersFile::from_json(&questionnaire_text("examples/psea-training-quiz.json")).unwrap();
    let (id, a) = file
        .answers
        .iter_mut()
        .find(|(_, a)| a.validated)
        .expect("a validated answer");
    let id = id.clone();
    a.validated = false;
    let o = score(&q, &file);
    assert!(o.missing.iter().any(|m| m.item == id), "{:?}", o.missing);
    let n = o.missing.iter().filter(|m| m.scored).count();
    let fr = outcome::partial_result(&o, Fr).map(|(_, v)| v);
    let expected = if n == 1 {
        "1 question sans réponse validée avant la note finale".to_owned()
    } else {
        format!("{n} questions sans réponse validée avant la note finale")
    };
    assert_eq!(fr, Some(expected));
    assert!(outcome::partial_result(&o, En)
        .unwrap()
        .1
        .ends_with("without a validated answer before the final score"));
}

/// A quiz question's review says the right answer once (not again when the explanation opens
/// with it), ticked options in the question's order, and where an answer stands.
#[test]
fn a_quiz_review_says_each_thing_once_and_in_order() {
    use psea_assess::present::answer::{answer_label, quiz_answer_line, quiz_feedback};
    let q = load_file("psea-training-quiz.toml");
    let age = q.item("q_mistaken_age").unwrap();
    // « Faux. L’erreur sur l’âge… » already says « Faux ».
    let (right, explanation) = quiz_feedback(age, false, Fr);
    assert_eq!(right, None);
    assert!(explanation.unwrap().starts_with("Faux. L’erreur"));
    assert_eq!(quiz_feedback(age, true, En).0, None);
    // « Les quatre premières. » does not: the options are named, in the question's order.
    let exchange = q.item("q_exchange").unwrap();
    let (right, _) = quiz_feedback(exchange, false, Fr);
    assert_eq!(
        right.as_deref(),
        Some("Interdit contre de l’argent\u{202f}; Interdit contre un emploi\u{202f}; Interdit contre des biens ou des services\u{202f}; Interdit contre l’aide due aux bénéficiaires")
    );
    // Ticked in another order, an answer reads in the question's order.
    assert_eq!(
        answer_label(exchange, "goods,adult_agrees,money", En),
        "It is prohibited if money is offered; It is prohibited if goods or services are offered; It is allowed if the person is an adult and says they agree"
    );
    assert_eq!(answer_label(exchange, "", Fr), "aucune case cochée");
    // Stored answers as ids, validated or not.
    use psea_assess::present::answer::stored_ids;
    use serde_json::json;
    assert_eq!(stored_ids(&json!(false)).as_deref(), Some("false"));
    assert_eq!(
        stored_ids(&json!(["goods", "money"])).as_deref(),
        Some("goods,money")
    );
    assert_eq!(stored_ids(&json!([])).as_deref(), Some(""));
    assert_eq!(stored_ids(&json!(null)), None);
    assert_eq!(quiz_answer_line(None, None, Fr), "sans réponse");
    assert_eq!(
        quiz_answer_line(Some("Faux"), None, Fr),
        "Faux — pas encore validée"
    );
    assert_eq!(
        quiz_answer_line(Some("False"), Some(false), En),
        "False — incorrect answer"
    );
}

#[test]
fn a_files_length_takes_the_plural_it_needs() {
    assert_eq!(number::pages_and_size(1, 40.6, Fr), "1 page, 41 Ko");
    assert_eq!(number::pages_and_size(3, 120.0, En), "3 pages, 120 KB");
}

#[test]
fn an_item_named_in_a_list_loses_its_closing_colon() {
    use psea_assess::present::answer::item_statement;
    let q = load_file("psea-training-quiz.toml");
    let item = q.item("q_gross_misconduct").unwrap();
    assert!(
        item.text.get("fr").ends_with("constituent\u{a0}:"),
        "{:?}",
        item.text.get("fr")
    );
    assert!(item_statement(&q, item, Fr).ends_with("abus sexuels constituent"));
    // A question keeps its question mark.
    let managers = q.item("q_managers").unwrap();
    assert_eq!(item_statement(&q, managers, Fr), managers.text.get("fr"));
    assert!(item_statement(&q, managers, En).ends_with("prevent SEA?"));
}

/// Where a self-assessed rating shows without the notice (the filling page's bar), it still
/// says it is indicative.
#[test]
fn a_self_assessed_rating_in_the_bar_says_it_is_indicative() {
    use psea_assess::present::outcome::indicative_rating;
    assert_eq!(
        indicative_rating(Fr, "Capacité moyenne (risque modéré)"),
        "Indicatif\u{a0}: Capacité moyenne (risque modéré)"
    );
    assert_eq!(
        indicative_rating(En, "Medium capacity (moderate risk)"),
        "Indicative: Medium capacity (moderate risk)"
    );
}

#[test]
fn a_standard_alone_in_its_section_is_named_by_it_a_risk_by_its_statement() {
    use psea_assess::present::answer::{item_name, item_statement};
    let unicef = load_file("unicef-psea-2020.toml");
    let policy = unicef.item("cs1_policy").unwrap();
    let standard = unicef.section_of("cs1_policy").unwrap();
    assert_eq!(standard.items.len(), 1);
    assert_eq!(item_name(&unicef, policy, Fr), standard.title.get("fr"));
    assert_eq!(
        item_statement(&unicef, policy, En),
        standard.title.get("en")
    );
    // The cash form's « Suivi » section holds one risk: a register row named « Suivi »
    // would not say which harm it rates.
    let cash = load_file("cash-transfer-sea-risk.toml");
    assert_eq!(
        cash.section_of("r_monitoring_misses").unwrap().items.len(),
        1
    );
    let risk = cash.item("r_monitoring_misses").unwrap();
    assert_eq!(
        item_name(&cash, risk, Fr),
        "Des cas d’EAS se produisent sans que le suivi les repère"
    );
    assert_eq!(
        item_statement(&cash, risk, En),
        "SEA cases occur without monitoring picking them up"
    );
}

#[test]
fn a_context_flag_is_listed_as_not_scored_and_the_flags_table_names_flags() {
    let q = load_file("programme-sea-risk-flags.toml");
    let a = answers(
        &q,
        &[
            ("f_displaced", serde_json::json!(true)),
            ("f_home_visits", serde_json::json!(true)),
        ],
    );
    let o = score(&q, &a);
    let points = |id: &str, lang| {
        let r = o.items.iter().find(|r| r.item == id).unwrap();
        outcome::item_points(&q, id, r.points, r.max, lang)
    };
    assert_eq!(points("f_displaced", Fr).as_deref(), Some("hors note"));
    assert_eq!(points("f_displaced", En).as_deref(), Some("not scored"));
    assert_eq!(
        points("f_home_visits", Fr),
        Some(format!("1{NBSP}/{NBSP}1"))
    );
    assert_eq!(outcome::item_column("flag_count", Fr), "Signal");
    assert_eq!(outcome::item_column("flag_count", En), "Flag");
    assert_eq!(outcome::item_column("weighted_sum", Fr), "Norme");
    // The PDF says the same.
    let pdf = psea_assess::report::build(&q, &a, Fr, day(2026, 11, 25));
    let p = write_temp("psea-flags", "flags.pdf", &pdf.bytes);
    let t = poppler("pdftotext", &[p.to_str().unwrap(), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(t.contains("Réponse Vrai — hors note"), "{t}");
    assert!(t.contains("Réponse Vrai — 1 / 1"), "{t}");
    // Its plan names flags, not gaps; a risk check's names risks.
    assert!(t.contains("Plan d’action Signal relevé Action"), "{t}");
    let cash = load_file("cash-transfer-sea-risk.toml");
    assert_eq!(psea_assess::present::plan::gap_label(&cash, En), "Risk");
    assert_eq!(
        psea_assess::present::plan::gap_label(&load_file("unicef-psea-2020.toml"), Fr),
        "Écart"
    );
}

#[test]
fn an_import_says_how_many_answers_were_carried_over() {
    assert_eq!(
        placement::imported("quiz.json", 23, Fr),
        format!("quiz.json (23{NBSP}réponses reprises)")
    );
    assert_eq!(
        placement::imported("a.json", 1, Fr),
        format!("a.json (1{NBSP}réponse reprise)")
    );
    assert_eq!(
        placement::imported("a.json", 0, Fr),
        "a.json (aucune réponse reprise)"
    );
    assert_eq!(
        placement::imported("a.json", 2, En),
        "a.json (2 answers carried over)"
    );
}

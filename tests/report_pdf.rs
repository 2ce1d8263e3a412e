//! PDF reports checked with poppler (pdftotext, pdfinfo, pdffonts, pdftohtml), which shares
//! no code with the writer.
#![cfg(feature = "pdf")]

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::*;
use psea_assess::engine::answers::{ActionEntry, ActionStatus, AnswersFile};
use psea_assess::present::file_name;
use psea_assess::present::Lang;
use psea_assess::report::{build, Report};
use serde_json::json;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn write(name: &str, r: &Report) -> PathBuf {
    write_temp("psea-pdf", name, &r.bytes)
}

/// Text of the PDF as laid out (a label and its value stay on one line), with runs of white
/// space folded so that checks do not depend on column widths.
fn text(p: &Path) -> String {
    poppler("pdftotext", &["-layout", p.to_str().unwrap(), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text in poppler's raw reading order (a wrapped table cell reads in one piece).
fn raw_text(p: &Path) -> String {
    poppler("pdftotext", &[p.to_str().unwrap(), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pages(p: &Path) -> usize {
    let info = poppler("pdfinfo", &[p.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Word boxes per page from `pdftotext -bbox`; asserts no two words overlap.
fn assert_no_overlap(p: &Path) {
    let html = poppler("pdftotext", &["-bbox", p.to_str().unwrap(), "-"]);
    for (n, page) in html.split("<page ").skip(1).enumerate() {
        let boxes: Vec<(f64, f64, f64, f64, &str)> = page
            .split("<word ")
            .skip(1)
            .map(|w| {
                let num = |k: &str| -> f64 {
                    let at = w.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                    w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
                };
                let word = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
                (num("xMin"), num("yMin"), num("xMax"), num("yMax"), word)
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap_x = a.2.min(b.2) - a.0.max(b.0);
                let overlap_y = a.3.min(b.3) - a.1.max(b.1);
                assert!(
                    overlap_x <= 0.5 || overlap_y <= 0.5,
                    "page {}: «{}» overlaps «{}»",
                    n + 1,
                    a.4,
                    b.4
                );
            }
        }
    }
}

fn unicef_answers(comment_on_cs1: &str) -> (psea_assess::engine::Questionnaire, AnswersFile) {
    let q = load_file("unicef-psea-2020.toml");
    let mut a = answers(
        &q,
        &[
            ("cs1_policy", json!("adequate")),
            ("cs2_management", json!("progressing")),
            ("cs3_training", json!("adequate")),
            ("cs4_reporting", json!("progressing")),
            ("cs5_assistance", json!("absent")),
            ("cs6_investigations", json!("adequate")),
        ],
    );
    a.assessment.organisation = "Association Ɲɛtaa « Sɔrɔ » – Œuvre d’entraide".into();
    a.assessment.assessor = "Awa Traoré".into();
    a.assessment.place = "Ségou".into();
    a.assessment.date = NaiveDate::from_ymd_opt(2026, 11, 20);
    let cs1 = a.answers.get_mut("cs1_policy").unwrap();
    cs1.evidence = vec!["psea_policy".into(), "other".into()];
    cs1.evidence_other = Some("Note de service n° 12".into());
    cs1.comment = Some(comment_on_cs1.into());
    a.answers.get_mut("cs4_reporting").unwrap().comment =
        Some("Boîte à plaintes à Ségou seulement".into());
    (q, a)
}

#[test]
fn unicef_report_holds_every_answer_rating_and_embedded_fonts() {
    let (q, a) = unicef_answers("Politique adoptée en mars ; « code » signé.");
    let r = build(&q, &a, Lang::Fr, day());
    let p = write("unicef.pdf", &r);
    let t = text(&p);
    for expected in [
        "Évaluation PEAS des partenaires – UNICEF 2020",
        "Association Ɲɛtaa « Sɔrɔ » – Œuvre d’entraide",
        "Awa Traoré",
        "À revoir avant le 20 novembre 2031",
        "Capacité moyenne (risque modéré)",
        "14 sur 18",
        "Adéquate — 3 / 3",
        "En progression — 2 / 3",
        "Absente — 1 / 3",
        "Politique PEAS ; autre : Note de service n° 12",
        "Politique adoptée en mars ; « code » signé.",
        "Boîte à plaintes à Ségou seulement",
        "Plan d’action",
        "Obtenir auprès du sous-cluster",
        "Page 1 / 2",
    ] {
        assert!(t.contains(expected), "missing «{expected}» in:\n{t}");
    }
    assert_eq!(pages(&p), 2);
    assert_eq!(r.pages, 2);
    let fonts = poppler("pdffonts", &[p.to_str().unwrap()]);
    let embedded: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(embedded.len(), 2, "{fonts}");
    assert!(
        embedded
            .iter()
            .all(|l| l.contains("CID TrueType") && l.contains(" yes yes yes ")),
        "{fonts}"
    );
    assert_no_overlap(&p);
    assert!(r.bytes.len() < 100 * 1024, "{} bytes", r.bytes.len());
    assert!(r.missing_chars.is_empty());
}

#[test]
fn a_5000_character_comment_flows_across_pages_and_is_never_cut() {
    // Numbered words make any loss or reordering visible.
    let mut comment = String::new();
    let mut n = 0;
    while comment.chars().count() < 5000 {
        comment.push_str(&format!("mot{n:04} été "));
        n += 1;
    }
    let (q, a) = unicef_answers(&comment);
    let r = build(&q, &a, Lang::Fr, day());
    let p = write("long.pdf", &r);
    let t = text(&p);
    let mut from = 0;
    for k in 0..n {
        let w = format!("mot{k:04}");
        let at = t[from..]
            .find(&w)
            .unwrap_or_else(|| panic!("{w} missing or out of order"));
        from += at + w.len();
    }
    assert_eq!(
        pages(&p),
        3,
        "the comment needs a page more than the 2-page report"
    );
    assert_no_overlap(&p);
}

#[test]
fn french_and_bambara_letters_all_come_out() {
    let sample = "é è ê à ç ù û ô î ï œ Œ ’ « » – — … ɛ Ɛ ɔ Ɔ ɲ Ɲ ŋ Ŋ";
    let (q, a) = unicef_answers(sample);
    let r = build(&q, &a, Lang::Fr, day());
    assert!(r.missing_chars.is_empty(), "{:?}", r.missing_chars);
    let p = write("letters.pdf", &r);
    assert!(text(&p).contains(sample));
}

#[test]
fn a_character_no_font_has_is_reported_not_hidden() {
    let (q, a) = unicef_answers("Réunion avec 中文 et 🙂");
    let r = build(&q, &a, Lang::Fr, day());
    assert_eq!(r.missing_chars, ['中', '文', '🙂']);
    let p = write("missing.pdf", &r);
    assert!(text(&p).contains("Réunion avec ?? et ?"));
}

#[test]
fn same_inputs_and_date_give_identical_bytes() {
    let (q, a) = unicef_answers("Commentaire");
    let first = build(&q, &a, Lang::Fr, day());
    let second = build(&q, &a, Lang::Fr, day());
    assert!(
        first.bytes == second.bytes,
        "two builds in one process differ"
    );
    let later = build(&q, &a, Lang::Fr, day().succ_opt().unwrap());
    assert!(first.bytes != later.bytes, "the date is part of the report");
}

#[test]
fn english_report() {
    let (q, a) = unicef_answers("Comment");
    let p = write("en.pdf", &build(&q, &a, Lang::En, day()));
    let t = text(&p);
    assert!(t.contains("Medium Capacity (Moderate Risk)"), "{t}");
    assert!(t.contains("To be reviewed before 20 November 2031"), "{t}");
    assert!(t.contains("Action plan"));
}

#[test]
fn bookmarks_one_per_section() {
    let (q, a) = unicef_answers("x");
    let p = write("outline.pdf", &build(&q, &a, Lang::Fr, day()));
    let xml = poppler(
        "pdftohtml",
        &["-xml", "-i", "-stdout", "-q", p.to_str().unwrap()],
    );
    let outline = &xml[xml.find("<outline>").expect("an outline")..];
    for title in [
        "Synthèse",
        "Norme 1 – Politique organisationnelle",
        "Norme 6 – Enquêtes",
        "Plan d’action",
    ] {
        assert!(outline.contains(title), "no bookmark «{title}»: {outline}");
    }
}

#[test]
fn table_header_repeats_after_a_page_break() {
    let (q, mut a) = unicef_answers("x");
    for k in 0..60 {
        a.action_plan.push(ActionEntry {
            item: None,
            gap: format!("Écart numéro {k}"),
            action: "Former les équipes de terrain et afficher les canaux de plainte".into(),
            owner: "Point focal".into(),
            due: NaiveDate::from_ymd_opt(2027, 1, 31),
            status: ActionStatus::NotStarted,
            ..ActionEntry::default()
        });
    }
    let p = write("table.pdf", &build(&q, &a, Lang::Fr, day()));
    let per_page = poppler("pdftotext", &["-layout", p.to_str().unwrap(), "-"]);
    let plan_pages: Vec<&str> = per_page
        .split('\u{c}')
        .filter(|pg| pg.contains("Écart numéro"))
        .collect();
    assert!(plan_pages.len() >= 2, "the plan should span pages");
    for pg in &plan_pages {
        assert!(
            pg.contains("Responsable") && pg.contains("Échéance"),
            "header missing on a page:\n{pg}"
        );
    }
    let t = text(&p);
    for k in 0..60 {
        assert!(t.contains(&format!("Écart numéro {k} ")), "row {k} lost");
    }
    assert_no_overlap(&p);
}

#[test]
fn risk_report_has_register_and_labelled_heat_matrix() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let mut a = answers(
        &q,
        &[
            ("modalities", json!(["cash_in_hand"])),
            (
                "r_gatekeeping",
                json!({"likelihood": 4, "impact": 4, "measures": {
                    "public_criteria": {"status": "in_place"},
                    "public_validation": {"status": "in_place"},
                    "mixed_teams": {"status": "planned", "owner": "Cheffe de projet", "due": "2026-12-15"},
                }}),
            ),
            ("r_stigma", json!({"likelihood": 3, "impact": 3})),
            ("r_not_free", json!({"likelihood": 4, "impact": 4})),
            ("r_access", json!({"likelihood": 3, "impact": 4})),
            ("r_household_control", json!({"likelihood": 2, "impact": 4})),
            ("r_extortion", json!({"likelihood": 2, "impact": 5})),
            // An SEA risk rated under the floor: counted 4.
            ("r_data_misuse", json!({"likelihood": 2, "impact": 2})),
            ("r_no_safe_channel", json!({"likelihood": 3, "impact": 4})),
            (
                "r_monitoring_misses",
                json!({"likelihood": 5, "impact": 5,
                       "residual": {"likelihood": 3, "justification": "Suivi confié à une équipe d’enquêtrices formées"}}),
            ),
        ],
    );
    a.answers.get_mut("r_access").unwrap().comment =
        Some("Trajet de 2 h à pied vers Markala.".into());
    a.assessment.organisation = "CWG Ségou".into();
    let p = write("risk.pdf", &build(&q, &a, Lang::Fr, day()));
    // Labels read well in layout order, wrapped table cells in raw order: use both.
    let t = format!("{}\n{}", text(&p), raw_text(&p));
    // Table cells wrap: compare with white space folded.
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Matrice des risques résiduels",
        "5 Presque certaine",
        "1 Insignifiant",
        "Registre des risques",
        // An unanswered question the rating does not wait for is listed, and marked so.
        "• Programme ou projet concerné (hors note)",
        "Listes validées en public avec possibilité de contestation — En place",
        "Équipes d’enregistrement mixtes, avec des femmes — Prévue (Cheffe de projet, 15 décembre 2026)",
        "5 × 5 = 25 (Très élevé)",
        "calculé 2 × 4 = 8 (Moyen)",
        // The floor, « impact noté 2, compté 4 : plancher EAS », wraps over three lines of its
        // cell, which both text modes may interleave with the measures cell beside it.
        "impact noté 2,",
        "compté 4 :",
        "calculé 5 × 5 = 25 (Très élevé)",
        // A row that fits on a page is never split across two.
        "retenu 3 × 5 = 15 (Élevé)",
        "« Suivi confié à une",
        "équipe d’enquêtrices formées »",
        "Exploitation et abus sexuels (EAS)",
        "Trajet de 2 h à pied vers Markala.",
        "Très élevé 20–25",
        "PROVISOIRE",
    ] {
        assert!(t.contains(expected), "missing «{expected}» in:\n{t}");
    }
    assert_no_overlap(&p);
}

#[test]
fn quiz_report_gives_each_answer_right_or_wrong_with_explanation() {
    let q = load_file("psea-training-quiz.toml");
    let a = answers(
        &q,
        &[
            ("q_gross_misconduct", json!("gross_misconduct")),
            ("q_age_of_consent", json!(true)),
        ],
    );
    let p = write("quiz.pdf", &build(&q, &a, Lang::Fr, day()));
    let t = text(&p);
    assert!(
        t.contains("une faute grave, motif de licenciement — bonne réponse"),
        "{t}"
    );
    assert!(t.contains("Vrai — réponse incorrecte"), "{t}");
    // A detail left blank, said in words that agree with any label (« Date », « Lieu »).
    assert!(t.contains("Date non renseigné"), "{t}");
    // Its explanation opens with the right answer (« Faux. Toute activité… »): said once.
    assert!(!t.contains("Bonne réponse Faux"), "{t}");
    assert!(
        t.contains("Explication Faux. Toute activité sexuelle"),
        "{t}"
    );
    // Training wording: a participant, a quiz result, no "verified rule" badge.
    assert!(
        t.contains("Participant·e") && t.contains("Résultat du quiz"),
        "{t}"
    );
    assert!(
        !t.contains("Évaluateur") && !t.contains("règle vérifiée"),
        "{t}"
    );
    assert!(t.contains("Toute activité sexuelle avec un enfant (moins de 18 ans) est interdite"));
    // The questions left unanswered, one a line: never « ? ; » between two of them.
    assert!(t.contains("Sans réponse • "), "{t}");
    assert!(
        t.contains("• Qui a une responsabilité particulière dans la mise en place de systèmes qui préviennent l’EAS ?"),
        "{t}"
    );
    assert!(!t.contains("? ;") && !t.contains("?\u{202f};"), "{t}");
    // A question not yet answered gives away neither its answer nor its explanation.
    assert!(
        !t.contains("L’erreur sur l’âge de l’enfant ne constitue pas une défense"),
        "{t}"
    );
    assert_no_overlap(&p);
}

#[test]
fn file_name_is_safe_and_descriptive() {
    let (_, a) = unicef_answers("x");
    assert_eq!(
        file_name::report(&a, day()),
        "unicef-psea-2020-association-netaa-soro-oeuvre-d-entraide-2026-11-23.pdf"
    );
    // No organisation: no placeholder word, just the questionnaire and the date.
    let mut empty = a.clone();
    empty.assessment.organisation = "  ".into();
    assert_eq!(
        file_name::report(&empty, day()),
        "unicef-psea-2020-2026-11-23.pdf"
    );
}

#[test]
fn the_browsers_way_gives_the_native_bytes_and_says_failures_in_its_language() {
    let q = questionnaire_text("unicef-psea-2020.toml");
    let a = questionnaire_text("examples/unicef-psea-2020.json");
    let r = browser_pdf(&q, &a, None, "fr", "2026-11-23").unwrap();
    let (qq, aa) = (load(&q), AnswersFile::from_json(&a).unwrap());
    assert_eq!(
        r.bytes,
        build(&qq, &aa, Lang::Fr, day()).bytes,
        "same bytes as the native builder"
    );
    // Failures are said in the report's language.
    let err = |q: &str, a: &str, lang: &str, date: &str| match browser_pdf(q, a, None, lang, date) {
        Ok(_) => panic!("accepted bad input"),
        Err(e) => e,
    };
    let bad_answers = err(&q, "{", "en", "2026-11-23");
    assert!(bad_answers.contains("line 1"), "{bad_answers}");
    assert!(err(&q, "{", "fr", "2026-11-23").contains("ligne 1"));
    let bad_q = err("x = ", &a, "en", "2026-11-23");
    assert!(
        bad_q.starts_with("questionnaire: 1 error(s), first:"),
        "{bad_q}"
    );
    let bad_q = err("x = ", &a, "fr", "2026-11-23");
    assert!(
        bad_q.starts_with(
            "questionnaire\u{a0}: 1 erreur(s), la première\u{a0}: 1:5: Erreur de syntaxe TOML"
        ),
        "{bad_q}"
    );
    assert_eq!(err(&q, &a, "en", "23/11/2026"), "not a date: 23/11/2026");
    assert_eq!(
        err(&q, &a, "fr", "23/11/2026"),
        "date illisible\u{a0}: 23/11/2026"
    );
}

#[test]
fn document_dates_are_the_generation_date() {
    let q = questionnaire_text("unicef-psea-2020.toml");
    let a = questionnaire_text("examples/unicef-psea-2020.json");
    let r = browser_pdf(&q, &a, None, "fr", "2026-11-23").unwrap();
    let p = write("dates.pdf", &r);
    let info = poppler("pdfinfo", &["-isodates", p.to_str().unwrap()]);
    for key in ["CreationDate:", "ModDate:"] {
        let line = info
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key} missing:\n{info}"));
        assert!(line.ends_with("2026-11-23T00:00:00Z"), "{line}");
    }
}

/// The words of the action plan's first column (« Écart », 50 mm wide from the 18 mm margin),
/// page after page, without the page footers: each cell reads in one piece.
fn plan_gap_column(p: &Path) -> String {
    let mm = 72.0 / 25.4;
    let html = poppler("pdftotext", &["-bbox", p.to_str().unwrap(), "-"]);
    let mut words = Vec::new();
    let mut in_plan = false;
    for page in html.split("<page ").skip(1) {
        for w in page.split("<word ").skip(1) {
            let num = |k: &str| -> f64 {
                let at = w.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
            };
            let word = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            if word == "d’action" {
                in_plan = true;
            }
            let footer = num("yMin") > (297.0 - 20.0) * mm;
            if in_plan && !footer && num("xMax") < (18.0 + 50.0) * mm {
                words.push(word.replace("&apos;", "'").replace("&amp;", "&"));
            }
        }
    }
    words.join(" ")
}

#[test]
fn action_plan_gives_each_risk_statement_whole_never_cut() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let rated = ["r_access", "r_household_control", "r_data_misuse"];
    let pairs: Vec<(&str, serde_json::Value)> =
        std::iter::once(("modalities", json!(["cash_in_hand"])))
            .chain(
                rated
                    .iter()
                    .map(|id| (*id, json!({"likelihood": 4, "impact": 5}))),
            )
            .collect();
    let a = answers(&q, &pairs);
    let p = write("plan-full.pdf", &build(&q, &a, Lang::Fr, day()));
    let gaps = plan_gap_column(&p);
    assert!(
        !gaps.contains('…'),
        "a statement is cut in the plan:\n{gaps}"
    );
    for id in rated {
        let statement = q.item(id).unwrap().text.get("fr").trim_end_matches('.');
        let folded = statement.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            folded.chars().count() > 90,
            "{id} is short enough not to be cut anyway"
        );
        assert!(
            gaps.contains(&folded),
            "«{folded}» not whole in the plan:\n{gaps}"
        );
    }
    assert_no_overlap(&p);
}

/// A baseline and its follow-up (two answers changed, one action done since, one late), the
/// follow-up reviewed with a lower rating on one standard.
fn follow_up_pair() -> (String, String, String) {
    let q = questionnaire_text("unicef-psea-2020.toml");
    let before = r#"{"schema":3,"questionnaire":{"id":"unicef-psea-2020","version":"1.1.0"},
 "assessment":{"id":"a1","organisation":"ONG Espoir Ségou","date":"2026-05-01"},
 "answers":{"cs1_policy":{"value":"absent"},"cs2_management":{"value":"adequate"},"cs3_training":{"value":"progressing"},
 "cs4_reporting":{"value":"progressing"},"cs5_assistance":{"value":"progressing"},"cs6_investigations":{"value":"progressing"}},
 "action_plan":[{"gap":"Politique","item":"cs1_policy","action":"Adopter la politique PEAS","due":"2026-09-01","status":"not_started"}]}"#;
    let after = r#"{"schema":3,"questionnaire":{"id":"unicef-psea-2020","version":"1.1.0"},
 "assessment":{"id":"a2","organisation":"ONG Espoir Ségou","date":"2026-11-20"},
 "baseline":{"id":"a1","date":"2026-05-01","version":"1.1.0"},
 "answers":{"cs1_policy":{"value":"adequate"},"cs2_management":{"value":"adequate"},"cs3_training":{"value":"adequate"},
 "cs4_reporting":{"value":"progressing"},"cs5_assistance":{"value":"progressing"},"cs6_investigations":{"value":"progressing"}},
 "review":{"items":{"cs3_training":{"value":"progressing","comment":"Formation non documentée"}},
   "determination":{"stage":"final","date":"2026-11-22","reviewer":"UNICEF Mopti (point focal PEAS)"}},
 "action_plan":[{"gap":"Politique","item":"cs1_policy","action":"Adopter la politique PEAS","due":"2026-09-01","status":"done"},
  {"gap":"Formation","item":"cs3_training","action":"Former le personnel","due":"2026-10-01","status":"in_progress"}]}"#;
    (q, before.to_owned(), after.to_owned())
}

#[test]
fn a_reviewed_follow_up_shows_both_bands_the_determination_and_the_follow_up_section() {
    let (q, before, after) = follow_up_pair();
    let r = browser_pdf(&q, &after, Some(&before), "fr", "2026-11-23").unwrap();
    assert!(r.missing_chars.is_empty(), "{:?}", r.missing_chars);
    let p = write("follow-up.pdf", &r);
    let t = text(&p);
    for expected in [
        "Suivi de l’évaluation du 1er mai 2026",
        // The review: both bands side by side, the determination, the disagreement.
        "Note auto-évaluée (indicative) Pleine capacité (faible risque)",
        "Note confirmée par l’examen Capacité moyenne (risque modéré)",
        "Détermination finale : 22 novembre 2026, UNICEF Mopti (point focal PEAS)",
        "! Désaccord — Norme 3 – Formation obligatoire : auto-évaluée Adéquate, confirmée En progression (↓ en recul) — « Formation non documentée »",
        // The follow-up section.
        "Suivi — Évaluation PEAS des partenaires – UNICEF 2020",
        "Avant : Évaluation du 1er mai 2026 (version 1.1.0) : 12 / 18 — Capacité moyenne (risque modéré)",
        "Après : Évaluation du 20 novembre 2026 (version 1.1.0) : 15 / 18 — Pleine capacité (faible risque)",
        "Note : Capacité moyenne (risque modéré) → Pleine capacité (faible risque) (↑ en progrès)",
        "Questions qui ont changé : 2",
        "• Norme 1 – Politique organisationnelle : Absente → Adéquate (↑ en progrès)",
        "• Norme 3 – Formation obligatoire : En progression → Adéquate (↑ en progrès)",
        "Faites depuis l’évaluation de départ : 1",
        // The action plan read on the generation date.
        "Plan d’action : 1 sur 2 faites, 1 en retard",
    ] {
        assert!(t.contains(expected), "missing «{expected}» in:\n{t}");
    }
    let raw = raw_text(&p);
    assert!(
        raw.contains("Former le personnel — 1er oct. 2026")
            && raw.matches("! En retard").count() == 1,
        "late entry not flagged in:\n{raw}"
    );
    assert_no_overlap(&p);
    // The same bytes natively (the command line) and from the texts (the web worker).
    let (qq, a, b) = (
        load(&q),
        AnswersFile::from_json(&after).unwrap(),
        AnswersFile::from_json(&before).unwrap(),
    );
    let base = psea_assess::report::Baseline { q: &qq, file: &b };
    let native = psea_assess::report::build_with(&qq, &a, Some(base), Lang::Fr, day());
    assert_eq!(r.bytes, native.bytes);
    // English, and a file with neither review nor baseline has no such section.
    let en = browser_pdf(&q, &after, Some(&before), "en", "2026-11-23").unwrap();
    let t = text(&write("follow-up-en.pdf", &en));
    for expected in [
        "Follow-up of the assessment of 1 May 2026",
        "Self-assessed rating (indicative) Full Capacity (Low Risk)",
        "Rating confirmed by the review Medium Capacity (Moderate Risk)",
        "Final determination: 22 November 2026",
        "Follow-up — ",
        "(↑ better)",
    ] {
        assert!(t.contains(expected), "missing «{expected}» in:\n{t}");
    }
    let plain = browser_pdf(&q, &before, None, "fr", "2026-11-23").unwrap();
    let t = text(&write("no-follow-up.pdf", &plain));
    assert!(!t.contains("Suivi") && !t.contains("Examen"), "{t}");
    // A baseline that is not an answers file is refused in the report's language.
    let err = browser_pdf(&q, &after, Some("{"), "fr", "2026-11-23");
    assert!(
        err.as_ref()
            .is_err_and(|e| e.starts_with("évaluation de départ\u{a0}:")),
        "{:?}",
        err.map(|r| r.pages)
    );
}

/// The heat matrix's heading never ends a page without its matrix: reports whose
/// « Sans réponse » list and head grow line by line push the heading down through the foot
/// of a page (this session's walkthrough found it alone at the bottom of page 2).
#[test]
fn the_heat_matrix_heading_stays_with_its_matrix() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let risks: Vec<String> = q
        .items()
        .map(|(_, i)| i.id.clone())
        .filter(|id| id.starts_with("r_"))
        .collect();
    let mut heading_pages = std::collections::BTreeSet::new();
    for k in 0..=risks.len() {
        for words in [0, 8, 16] {
            let pairs: Vec<(&str, serde_json::Value)> = risks[..k]
                .iter()
                .map(|id| (id.as_str(), json!({"likelihood": 3, "impact": 3})))
                .collect();
            let mut a = answers(&q, &pairs);
            a.assessment.organisation =
                format!("Association {}", "des femmes de Ségou ".repeat(words));
            let p = write(
                &format!("heat-{k}-{words}.pdf"),
                &build(&q, &a, Lang::Fr, day()),
            );
            let n = pages(&p);
            let page_of = |needle: &str| {
                (1..=n).find(|&i| {
                    let s = i.to_string();
                    poppler("pdftotext", &["-f", &s, "-l", &s, p.to_str().unwrap(), "-"])
                        .contains(needle)
                })
            };
            let heading = page_of("Matrice des risques résiduels").expect("no heat matrix heading");
            let matrix = page_of("Probabilité ↑ / Impact →").expect("no heat matrix");
            assert_eq!(
                heading, matrix,
                "{k} risks answered, {words} words: heading on page {heading}, matrix on {matrix}"
            );
            heading_pages.insert(heading);
        }
    }
    // The sweep moved the heading across a page's foot (else it proved nothing).
    assert!(
        heading_pages.len() > 1,
        "the heading stayed on page {heading_pages:?}"
    );
}

#[test]
fn a_question_is_never_parted_from_its_answer_nor_a_section_title_from_its_first_question() {
    let (q, a0) = unicef_answers("");
    let mut seen_breaks = 0;
    for words in 0..40 {
        let mut a = a0.clone();
        a.assessment.organisation = format!("Association {}", "des femmes de Ségou ".repeat(words));
        let p = write(
            &format!("keep-{words}.pdf"),
            &build(&q, &a, Lang::Fr, day()),
        );
        for page in 2..=pages(&p) {
            let s = page.to_string();
            let body = poppler("pdftotext", &["-f", &s, "-l", &s, p.to_str().unwrap(), "-"]);
            let first = body
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            let last_of_previous = {
                let s = (page - 1).to_string();
                let prev = poppler("pdftotext", &["-f", &s, "-l", &s, p.to_str().unwrap(), "-"]);
                let lines: Vec<String> = prev
                    .lines()
                    .map(|l| l.trim().to_owned())
                    .filter(|l| !l.is_empty())
                    .collect();
                lines
            };
            assert!(
                !first.starts_with("Réponse"),
                "{words} words: page {page} starts with the answer «{first}», after {:?}",
                &last_of_previous[last_of_previous.len().saturating_sub(3)..]
            );
            // A section title (« Norme n – … ») never ends a page.
            let tail = last_of_previous
                .iter()
                .rev()
                .find(|l| !l.starts_with("Page ") && !l.contains(" / "));
            if let Some(t) = tail {
                assert!(
                    !t.starts_with("Norme "),
                    "{words} words: page {} ends with the title «{t}»",
                    page - 1
                );
            }
            if first.starts_with("Norme ") {
                seen_breaks += 1;
            }
        }
    }
    // The sweep moved a section's start across a page's foot (else it proved nothing).
    assert!(seen_breaks > 0);
}

#[test]
fn no_words_overlap_in_any_bundled_questionnaires_report() {
    for name in [
        "unicef-psea-2020.toml",
        "un-common-psea.toml",
        "programme-sea-risk-flags.toml",
        "psea-training-quiz.toml",
        "cash-transfer-sea-risk.toml",
        "distribution-sea-risk.toml",
    ] {
        let q = load_file(name);
        let a = answers(&q, &[]);
        for lang in [Lang::Fr, Lang::En] {
            let p = write(
                &format!("overlap-{name}-{lang:?}.pdf"),
                &build(&q, &a, lang, day()),
            );
            assert_no_overlap(&p);
        }
    }
}

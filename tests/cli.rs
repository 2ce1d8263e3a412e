//! The `psea-assess` command: exit codes, messages, and output forms.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_psea-assess"))
}

fn qdir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("questionnaires")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("psea-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    // Tests run in parallel and some write the same file: each writes a copy of its own and
    // renames it into place, so that no test ever reads a half-written file.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let part = dir.join(format!(".{name}.{n}"));
    std::fs::write(&part, content).unwrap();
    std::fs::rename(&part, &p).unwrap();
    p
}

const UNICEF: &str = "unicef-psea-2020.toml";

fn unicef() -> String {
    qdir().join(UNICEF).display().to_string()
}

const ANSWERS: &str = r#"{"schema":1,"questionnaire":{"id":"unicef-psea-2020","version":"1.1.0"},
 "assessment":{"organisation":"ONG Espoir Ségou","assessor":"Awa","place":"Ségou","date":"2026-11-20"},
 "answers":{"cs1_policy":{"value":"adequate"},"cs2_management":{"value":"adequate"},"cs3_training":{"value":"adequate"},
 "cs4_reporting":{"value":"progressing"},"cs5_assistance":{"value":"progressing"},"cs6_investigations":{"value":"progressing"}}}"#;

#[test]
fn validate_all_bundled_questionnaires_exits_0() {
    let mut files: Vec<String> = std::fs::read_dir(qdir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn validate_invalid_file_prints_located_errors_and_exits_1() {
    let bad = std::fs::read_to_string(unicef()).unwrap().replace(
        "kind = \"scale\"\nreference = \"UNICEF PSEA Toolkit §4.3.1",
        "kind = \"scales\"\nreference = \"UNICEF PSEA Toolkit §4.3.1",
    );
    let line = bad.lines().position(|l| l == "kind = \"scales\"").unwrap() + 1;
    let p = tmp("bad.toml", &bad);
    let o = run(&["validate", &unicef(), p.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&format!("{}:{line}:8: unknown item kind `scales` [in `cs3_training`] (hint: did you mean `scale`?)", p.display())), "{out}");
    assert!(stderr(&o).contains("1 of 2 file(s) have errors"));
    // French by default: same place, same item id, French words and spacing.
    let o = run(&["validate", &unicef(), p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&format!("{}:{line}:8: type de question `scales` inconnu [dans `cs3_training`] (conseil\u{a0}: vouliez-vous dire `scale`\u{202f}?)", p.display())), "{out}");
    assert!(stderr(&o).contains("1 fichier(s) sur 2 avec des erreurs"));
}

#[test]
fn missing_file_is_one_line_and_exit_2() {
    let o = run(&["validate", "/nonexistent/q.toml", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "psea-assess: cannot read /nonexistent/q.toml: no such file\n"
    );
    let o = run(&["validate", "/nonexistent/q.toml"]);
    assert_eq!(
        stderr(&o),
        "psea-assess: impossible de lire /nonexistent/q.toml\u{a0}: fichier introuvable\n"
    );
    let o = run(&["score", &unicef(), "/nonexistent/a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn template_lists_every_item_unanswered() {
    let o = run(&["template", &unicef()]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["questionnaire"]["id"], "unicef-psea-2020");
    let answers = v["answers"].as_object().unwrap();
    assert_eq!(answers.len(), 6);
    assert!(answers.values().all(|a| a["value"].is_null()));
}

#[test]
fn score_prints_rating_in_french_and_english() {
    let a = tmp("a.json", ANSWERS);
    let o = run(&["score", &unicef(), a.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // 3+3+3+2+2+2 = 15: full capacity, on the band's lower edge.
    assert!(out.contains("Note\u{a0}: 15 sur 18"), "{out}");
    assert!(
        out.contains("Résultat\u{a0}: «\u{a0}Pleine capacité (faible risque)\u{a0}» (bande 15–18)"),
        "{out}"
    );
    assert!(
        out.contains("À revoir avant le\u{a0}: 20\u{a0}novembre 2031"),
        "{out}"
    );
    // The band's risk on a line of its own, not « Risque : Risque d’EAS faible ».
    assert!(out.contains("  Risque d’EAS faible\n"), "{out}");
    assert!(!out.contains("Risque\u{a0}: Risque"), "{out}");
    let o = run(&["score", &unicef(), a.to_str().unwrap(), "--lang", "en"]);
    assert!(stdout(&o).contains("Rating: “Full Capacity (Low Risk)” (band 15–18)"));
    assert!(stdout(&o).contains("  Low SEA risk\n") && !stdout(&o).contains("Risk: Low"));
}

#[test]
fn score_json_is_machine_readable() {
    let a = tmp("b.json", ANSWERS);
    let o = run(&["score", &unicef(), a.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["result"]["score"], 15);
    assert_eq!(v["result"]["band"]["id"], "full");
    assert_eq!(
        v["result"]["band"]["label"]["fr"],
        "Pleine capacité (faible risque)"
    );
    assert_eq!(v["result"]["status"], "verified");
    assert_eq!(v["result"]["complete"], true);
    assert_eq!(v["result"]["items"].as_array().unwrap().len(), 6);
    assert_eq!(v["placement"]["kept"], 6);
}

#[test]
fn answers_for_another_questionnaire_exit_2() {
    let a = tmp(
        "c.json",
        &ANSWERS.replace("unicef-psea-2020", "un-common-psea"),
    );
    let o = run(&["score", &unicef(), a.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!("psea-assess: {}: these answers are for questionnaire `un-common-psea`, not `unicef-psea-2020`\n", a.display())
    );
    // French by default, like everything else the command line prints.
    let o = run(&["score", &unicef(), a.to_str().unwrap()]);
    assert_eq!(
        stderr(&o),
        format!("psea-assess: {}: ces réponses sont pour le questionnaire `un-common-psea`, pas pour `unicef-psea-2020`\n", a.display())
    );
}

#[test]
fn malformed_json_exit_2_with_position() {
    let a = tmp("d.json", "{\"schema\": 1,\n  \"questionnaire\": ");
    let o = run(&["score", &unicef(), a.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "psea-assess: {}: not a valid answers file: line 2",
            a.display()
        )),
        "{err}"
    );
    let fr = stderr(&run(&["score", &unicef(), a.to_str().unwrap()]));
    assert!(
        fr.starts_with(&format!(
            "psea-assess: {}: ce n’est pas un fichier de réponses\u{a0}: ligne 2, colonne ",
            a.display()
        )),
        "{fr}"
    );
    assert_eq!(err.lines().count(), 1);
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
}

#[test]
fn invalid_questionnaire_for_score_is_one_line_exit_2() {
    let q = tmp("broken.toml", "[questionnaire\nid = 1");
    let a = tmp("e.json", ANSWERS);
    let o = run(&[
        "score",
        q.to_str().unwrap(),
        a.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("is not a valid questionnaire"));
    let fr = stderr(&run(&["score", q.to_str().unwrap(), a.to_str().unwrap()]));
    assert_eq!(fr.lines().count(), 1);
    assert!(fr.contains("n’est pas un questionnaire valide"), "{fr}");
    assert!(fr.contains("Erreur de syntaxe TOML"), "{fr}");
}

#[test]
fn binary_file_is_refused_cleanly() {
    let p = std::env::temp_dir().join(format!("psea-cli-bin-{}.toml", std::process::id()));
    std::fs::write(&p, [0xffu8, 0xfe, 0x00, 0x41]).unwrap();
    let o = run(&["validate", p.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not UTF-8 text"));
    let o = run(&["validate", p.to_str().unwrap()]);
    assert!(stderr(&o).contains("n’est pas un texte UTF-8"));
}

#[test]
fn every_command_has_help() {
    for cmd in ["validate", "template", "score", "aggregate"] {
        let o = run(&[cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("Usage: psea-assess"), "{cmd}");
    }
}

#[test]
fn report_writes_a_pdf_and_warns_about_unshowable_characters() {
    let a = tmp(
        "r.json",
        &ANSWERS.replace("\"place\":\"Ségou\"", "\"place\":\"Ségou 中\""),
    );
    let out = std::env::temp_dir().join(format!("psea-cli-{}/r.pdf", std::process::id()));
    let o = run(&[
        "report",
        &unicef(),
        a.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let err = stderr(&o);
    assert!(
        err.contains("no font can show these characters") && err.contains("中 (U+4E2D)"),
        "{err}"
    );
    assert!(err.contains("2 page(s)"), "{err}");
}

#[test]
fn score_prints_the_risk_register_with_statuses_and_both_residuals() {
    let q = qdir().join("cash-transfer-sea-risk.toml");
    let a = qdir().join("examples/cash-transfer-sea-risk.json");
    let fr = run(&[
        "score",
        &q.display().to_string(),
        &a.display().to_string(),
        "--lang",
        "fr",
    ]);
    assert!(fr.status.success(), "{}", stderr(&fr));
    let out = stdout(&fr);
    // r_gatekeeping in the example: 4 × 4, three measures in place, the bound keeps 2 steps,
    // and the assessor retains 3 × 4 with a justification.
    for want in [
        "Catégorie\u{a0}: Exploitation et abus sexuels (EAS)",
        "Critères de sélection rendus publics dans les langues locales — En place",
        "Vérification indépendante aléatoire des inclusions et exclusions — En partie en place",
        "Résiduel calculé\u{a0}: 2\u{a0}×\u{a0}4\u{a0}=\u{a0}8 (Moyen) — réduction plafonnée par la règle",
        "Résiduel retenu\u{a0}: 3\u{a0}×\u{a0}4\u{a0}=\u{a0}12 (Élevé) — jugement de l’évaluateur·rice\u{a0}: «\u{a0}Des comités de Markala",
        "— Prévue (Responsable RH, 1er\u{a0}décembre 2026)",
    ] {
        assert!(out.contains(want), "missing «{want}» in:\n{out}");
    }
    let en = stdout(&run(&[
        "score",
        &q.display().to_string(),
        &a.display().to_string(),
        "--lang",
        "en",
    ]));
    for want in [
        "Computed residual: 2\u{a0}×\u{a0}4\u{a0}=\u{a0}8 (Medium) — reduction capped by the rule",
        "Retained residual: 3\u{a0}×\u{a0}4\u{a0}=\u{a0}12 (High) — assessor’s judgement: “",
        "In place",
    ] {
        assert!(en.contains(want), "missing «{want}» in:\n{en}");
    }
}

const BEFORE: &str = r#"{"schema":3,"questionnaire":{"id":"unicef-psea-2020","version":"1.1.0"},
 "assessment":{"id":"a1","organisation":"ONG Espoir Ségou","date":"2026-05-01"},
 "answers":{"cs1_policy":{"value":"absent"},"cs2_management":{"value":"adequate"},"cs3_training":{"value":"progressing"},
 "cs4_reporting":{"value":"progressing"},"cs5_assistance":{"value":"progressing"},"cs6_investigations":{"value":"progressing"}},
 "action_plan":[{"gap":"Politique","item":"cs1_policy","action":"Adopter la politique PEAS","due":"2026-09-01","status":"not_started"}]}"#;

const AFTER: &str = r#"{"schema":3,"questionnaire":{"id":"unicef-psea-2020","version":"1.1.0"},
 "assessment":{"id":"a2","organisation":"ONG Espoir Ségou","date":"2026-11-20"},
 "baseline":{"id":"a1","date":"2026-05-01","version":"1.1.0"},
 "answers":{"cs1_policy":{"value":"adequate"},"cs2_management":{"value":"adequate"},"cs3_training":{"value":"adequate"},
 "cs4_reporting":{"value":"progressing"},"cs5_assistance":{"value":"progressing"},"cs6_investigations":{"value":"progressing"}},
 "review":{"items":{"cs3_training":{"value":"progressing","comment":"Formation non documentée"}},
   "determination":{"stage":"preliminary","date":"2026-11-22","reviewer":"UNICEF Mopti"}},
 "action_plan":[{"gap":"Politique","item":"cs1_policy","action":"Adopter la politique PEAS","due":"2026-09-01","status":"done"},
  {"gap":"Formation","item":"cs3_training","action":"Former le personnel","due":"2026-10-01","status":"in_progress"}]}"#;

fn follow_up_files() -> (String, String) {
    (
        tmp("before.json", BEFORE).display().to_string(),
        tmp("after.json", AFTER).display().to_string(),
    )
}

#[test]
fn compare_prints_the_band_change_and_the_changed_questions_in_french_and_english() {
    let (b, a) = follow_up_files();
    let q = unicef();
    let mut args = vec!["compare", &q, &b, &a, "--date", "2026-11-23"];
    let fr = run(&args);
    assert_eq!(fr.status.code(), Some(0), "{}", stderr(&fr));
    let out = stdout(&fr);
    for expected in [
        "Suivi — Évaluation PEAS des partenaires – UNICEF 2020",
        "Avant\u{a0}: Évaluation du 1er\u{a0}mai 2026 (version 1.1.0)\u{a0}: 12 / 18 — Capacité moyenne",
        "Note\u{a0}: Capacité moyenne (risque modéré) → Pleine capacité (faible risque) (↑ en progrès)",
        "Questions qui ont changé\u{a0}: 2",
        "- Norme 1 – Politique organisationnelle\u{a0}: Absente → Adéquate (↑ en progrès)",
        "Plan d’action\u{a0}: 1 sur 2 faites, 1 en retard",
        "Faites depuis l’évaluation de départ\u{a0}: 1",
    ] {
        assert!(out.contains(expected), "missing «{expected}» in:\n{out}");
    }
    args.push("--lang");
    args.push("en");
    let en = stdout(&run(&args));
    for expected in [
        "Follow-up — ",
        "Before: Assessment of 1 May 2026 (version 1.1.0): 12 / 18",
        "(↑ better)",
        "Questions that changed: 2",
        "Action plan: 1 of 2 done, 1 late",
    ] {
        assert!(en.contains(expected), "missing «{expected}» in:\n{en}");
    }
    assert!(!en.contains('\u{a0}'), "{en}");
}

#[test]
fn compare_json_gives_band_directions_and_each_changed_item() {
    let (b, a) = follow_up_files();
    let q = unicef();
    let o = run(&["compare", &q, &b, &a, "--json", "--date", "2026-11-23"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["questionnaire"], "unicef-psea-2020");
    assert_eq!(v["band"], "better");
    assert_eq!(v["before"]["band"], "medium");
    assert_eq!(v["after"]["band"], "full");
    assert_eq!(v["before"]["recorded"], false);
    let items = v["items"].as_array().unwrap();
    let cs1 = items.iter().find(|i| i["item"] == "cs1_policy").unwrap();
    assert_eq!(cs1["before"], "absent");
    assert_eq!(cs1["after"], "adequate");
    assert_eq!(cs1["direction"], "better");
    let cs2 = items
        .iter()
        .find(|i| i["item"] == "cs2_management")
        .unwrap();
    assert_eq!(cs2["direction"], "same");
    assert_eq!(v["actions"]["done"], 1);
    assert_eq!(v["actions"]["late"], serde_json::json!([1]));
    assert_eq!(v["actions"]["done_since"], serde_json::json!([0]));
}

#[test]
fn compare_exit_2_for_a_missing_file_and_for_two_questionnaires() {
    let (b, _) = follow_up_files();
    let q = unicef();
    let missing = run(&["compare", &q, &b, "/nonexistent/after.json"]);
    assert_eq!(missing.status.code(), Some(2));
    let err = stderr(&missing);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("fichier introuvable"), "{err}");
    // The second file is for another questionnaire: refused as `score` refuses it.
    let other = tmp(
        "other.json",
        &AFTER.replace("unicef-psea-2020", "un-common-psea"),
    );
    let o = run(&["compare", &q, &b, other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("un-common-psea"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let bad = run(&["compare", &q, &b]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn score_shows_the_review_the_follow_up_line_and_late_actions() {
    let (_, a) = follow_up_files();
    let o = run(&["score", &unicef(), &a]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "Suivi de l’évaluation du 1er\u{a0}mai 2026",
        "Note auto-évaluée (indicative)\u{a0}: Pleine capacité (faible risque)",
        "Note confirmée par l’examen\u{a0}: Capacité moyenne (risque modéré)",
        "Détermination préliminaire\u{a0}: 22\u{a0}novembre 2026, UNICEF Mopti",
        "Désaccord — Norme 3 – Formation obligatoire\u{a0}: auto-évaluée Adéquate, confirmée En progression (↓ en recul) — «\u{a0}Formation non documentée\u{a0}»",
        "Plan d’action\u{a0}: 1 sur 2 faites, 1 en retard",
        "En retard (échéance 1er\u{a0}octobre 2026)\u{a0}: Former le personnel",
    ] {
        assert!(out.contains(expected), "missing «{expected}» in:\n{out}");
    }
}

#[test]
fn compare_keeps_the_rating_a_baseline_recorded_with_an_older_version() {
    let old = BEFORE.replacen(
        r#""version":"1.1.0"}"#,
        r#""version":"1.0.0"},"result":{"version":"1.0.0","band":"low","score":8,"max":18,"complete":true}"#,
        1,
    );
    let b = tmp("before-1.0.0.json", &old).display().to_string();
    let a = tmp("after-for-old.json", AFTER).display().to_string();
    let q = unicef();
    let o = run(&["compare", &q, &b, &a, "--date", "2026-11-23"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Avant\u{a0}: Évaluation du 1er\u{a0}mai 2026 (note enregistrée par la version 1.0.0)\u{a0}: 8 / 18 — Faible capacité"),
        "{out}"
    );
    let j = run(&["compare", &q, &b, &a, "--json", "--date", "2026-11-23"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&j)).unwrap();
    assert_eq!(v["before"]["recorded"], true);
    assert_eq!(v["before"]["band"], "low");
    assert_eq!(v["band"], "better");
}

#[test]
fn report_with_a_baseline_is_the_web_workers_pdf_and_a_missing_baseline_exits_2() {
    let (b, a) = follow_up_files();
    let q = unicef();
    let out = std::env::temp_dir().join(format!("psea-cli-{}-fu.pdf", std::process::id()));
    let o = out.display().to_string();
    let args = [
        "report",
        &q,
        &a,
        "--baseline",
        &b,
        "-o",
        &o,
        "--date",
        "2026-11-23",
    ];
    let r = run(&args);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let made = common::browser_pdf(
        &std::fs::read_to_string(&q).unwrap(),
        AFTER,
        Some(BEFORE),
        "fr",
        "2026-11-23",
    )
    .unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        made.bytes,
        "same bytes as the worker's"
    );
    let missing = run(&[
        "report",
        &q,
        &a,
        "--baseline",
        "/nonexistent/b.json",
        "-o",
        &o,
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("fichier introuvable"),
        "{}",
        stderr(&missing)
    );
}

/// A UNICEF answers file for `org` at `place` with these six ratings (1 absent, 2
/// progressing, 3 adequate), assessment id `id`, last changed at `updated`.
fn unicef_answers(id: &str, org: &str, place: &str, ratings: [usize; 6], updated: &str) -> String {
    let levels = ["absent", "progressing", "adequate"];
    let answers: Vec<String> = common::UNICEF_STANDARDS
        .iter()
        .zip(ratings)
        .map(|(i, r)| format!(r#""{i}":{{"value":"{}"}}"#, levels[r - 1]))
        .collect();
    format!(
        r#"{{"schema":3,"questionnaire":{{"id":"unicef-psea-2020","version":"1.1.0"}},
 "assessment":{{"id":"{id}","organisation":"{org}","assessor":"","place":"{place}","date":"2026-05-04","updated":"{updated}"}},
 "answers":{{{}}}}}"#,
        answers.join(",")
    )
}

/// Four readable assessments (one also saved as a copy, one in two versions), a quiz file and
/// a broken one, in a folder of its own for each test (`tag`): tests run in parallel.
fn aggregate_folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("psea-cli-agg-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    let a = unicef_answers(
        "a1",
        "ONG Espoir",
        "Ségou",
        [3, 3, 3, 2, 1, 3],
        "2026-05-04T10:00:00Z",
    );
    write("a1.json", &a);
    write("a1-copy.json", &a);
    write(
        "a2.json",
        &unicef_answers(
            "a2",
            "ONG Keneya",
            "Mopti",
            [3, 3, 3, 3, 3, 3],
            "2026-05-04T10:00:00Z",
        ),
    );
    write(
        "a3.json",
        &unicef_answers(
            "a3",
            "Association Benkadi",
            "Mopti",
            [1, 2, 1, 2, 1, 1],
            "2026-05-04T10:00:00Z",
        ),
    );
    write(
        "a3-new.json",
        &unicef_answers(
            "a3",
            "Association Benkadi",
            "Mopti",
            [2, 2, 2, 2, 1, 2],
            "2026-06-01T10:00:00Z",
        ),
    );
    write(
        "a4.json",
        &unicef_answers(
            "a4",
            "=cmd",
            "Kayes",
            [2, 3, 3, 3, 2, 3],
            "2026-05-04T10:00:00Z",
        ),
    );
    write(
        "quiz.json",
        &std::fs::read_to_string(qdir().join("examples/psea-training-quiz.json")).unwrap(),
    );
    write("broken.json", "{\"schema\":3,");
    write("notes.txt", "not read: not .json");
    dir
}

#[test]
fn aggregate_prints_the_picture_and_says_what_it_skipped_on_stderr() {
    let dir = aggregate_folder("t1");
    let o = run(&["aggregate", &unicef(), &dir.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(out.contains("4\u{a0}évaluations"), "{out}");
    assert!(
        out.contains("1 fichier en double, compté une fois"),
        "{out}"
    );
    // Training priorities: standard 5 unmet in all four, standard 1 in one (a3, newer version).
    let priorities = out
        .split("priorités de formation")
        .nth(1)
        .expect("priorities heading");
    let first = priorities.lines().nth(1).unwrap_or_default();
    assert!(
        first.contains("Norme 5") && first.contains("3\u{a0}sur\u{a0}4"),
        "first priority: {first}"
    );
    assert!(out.contains("Notes auto-évaluées, indicatives"), "{out}");
    assert!(
        err.contains("quiz.json") && err.contains("psea-training-quiz"),
        "{err}"
    );
    assert!(
        err.contains("broken.json") && err.contains("ligne 1"),
        "{err}"
    );
    assert!(
        err.contains("a1-copy.json") && err.contains("comptée une fois"),
        "{err}"
    );
    assert!(
        err.contains("a3-new.json") && err.contains("la plus récente"),
        "{err}"
    );
    assert!(
        !err.contains("notes.txt"),
        "only .json files of a folder are read: {err}"
    );

    let o = run(&[
        "--lang",
        "en",
        "aggregate",
        &unicef(),
        &dir.display().to_string(),
    ]);
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(
        out.contains("4\u{a0}assessments") && out.contains("training priorities"),
        "{out}"
    );
    assert!(
        err.contains("a file for another questionnaire (“psea-training-quiz”)"),
        "{err}"
    );
}

#[test]
fn aggregate_csv_has_a_bom_a_header_and_a_row_per_assessment_and_per_answer() {
    let dir = aggregate_folder("t2");
    let d = dir.display().to_string();
    let o = run(&["aggregate", &unicef(), &d, "--csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with('\u{feff}'), "BOM");
    let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("fichiers;id de l’évaluation;organisation;lieu;"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + 4, "{out}");
    // a3 is there in its newer version (score 11), a4's « =cmd » cannot run as a formula.
    let a3 = lines.iter().find(|l| l.contains(";a3;")).expect("a3 row");
    assert!(a3.contains("a3-new.json") && a3.contains(";11;18;"), "{a3}");
    assert!(lines.iter().any(|l| l.contains(";'=cmd;")), "{out}");
    assert!(out.contains("\r\n"), "CRLF line ends");

    let o = run(&[
        "--lang",
        "en",
        "aggregate",
        &unicef(),
        &d,
        "--csv",
        "--items",
        "--place",
        "mopti",
    ]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("files,assessment id,organisation,place,"),
        "{}",
        lines[0]
    );
    // Two assessments in Mopti: each with its six standards and the shown context questions.
    let rows = &lines[1..];
    assert_eq!(
        rows.iter().filter(|l| l.contains(",cs1_policy,")).count(),
        2,
        "{out}"
    );
    assert!(rows.iter().all(|l| l.contains(",Mopti,")), "{out}");
}

#[test]
fn aggregate_json_lists_what_was_taken_in_refused_and_folded_with_the_view() {
    let dir = aggregate_folder("t3");
    let o = run(&[
        "aggregate",
        &unicef(),
        &dir.display().to_string(),
        "--json",
        "--date",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["kind"], "matrix");
    assert_eq!(v["assessments"].as_array().unwrap().len(), 4);
    assert_eq!(v["duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(v["refused"].as_array().unwrap().len(), 2);
    let unmet = &v["view"]["unmet"][0];
    assert_eq!(unmet["item"], "cs5_assistance");
    assert_eq!(unmet["groups"].as_array().unwrap().len(), 3);
    let a3 = v["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "a3")
        .unwrap();
    assert_eq!(a3["versions"], 2);
    assert_eq!(a3["result"]["score"], 11);
}

#[test]
fn aggregate_errors_a_bad_questionnaire_exits_2_and_missing_answers_files_are_skipped() {
    let bad = tmp("bad-agg.toml", "[questionnaire]\nid = 3\n");
    let o = run(&["aggregate", &bad.display().to_string(), "nothing.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("n’est pas un questionnaire valide"),
        "{}",
        stderr(&o)
    );
    let o = run(&["aggregate", &unicef(), "/no/such/file.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("fichier introuvable"), "{}", stderr(&o));
    assert!(stdout(&o).contains("0\u{a0}évaluation"), "{}", stdout(&o));
    let o = run(&["aggregate", &unicef(), "x.json", "--items"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "--items without --csv is refused by the parser"
    );
}

#[test]
fn aggregate_pdf_writes_the_consolidated_report() {
    let dir = aggregate_folder("t4");
    let pdf = std::env::temp_dir().join(format!("psea-cli-agg-{}.pdf", std::process::id()));
    let o = run(&[
        "aggregate",
        &unicef(),
        &dir.display().to_string(),
        "--pdf",
        &pdf.display().to_string(),
        "--date",
        "2026-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("page(s)"), "{}", stderr(&o));
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", &pdf.display().to_string(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Espace de coordination"), "{text}");
    assert!(text.contains("ONG Keneya"), "{text}");
    assert!(
        text.contains("quiz.json"),
        "the refused file is named: {text}"
    );
}

#[test]
fn aggregate_of_a_flag_questionnaire_speaks_of_flags_raised_not_standards() {
    let q = qdir()
        .join("programme-sea-risk-flags.toml")
        .display()
        .to_string();
    let example = qdir()
        .join("examples/programme-sea-risk-flags.json")
        .display()
        .to_string();
    let o = run(&["aggregate", &q, &example]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Signaux le plus souvent relevés"), "{out}");
    assert!(out.contains("Signaux relevés par évaluation"), "{out}");
    assert!(
        !out.contains("priorités de formation") && !out.contains("indicatives"),
        "{out}"
    );
}

#[test]
fn aggregate_counts_a_follow_up_in_place_of_its_baseline_unless_asked() {
    let dir = std::env::temp_dir().join(format!("psea-cli-agg-{}-fu", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = unicef_answers(
        "b1",
        "ONG Espoir",
        "Ségou",
        [1, 2, 1, 2, 1, 1],
        "2026-05-04T10:00:00Z",
    );
    let mut next: serde_json::Value = serde_json::from_str(&base).unwrap();
    next["assessment"]["id"] = "b1-suivi".into();
    next["assessment"]["date"] = "2026-11-20".into();
    next["baseline"] = serde_json::json!({"id": "b1", "date": "2026-05-04", "version": "1.1.0"});
    std::fs::write(dir.join("base.json"), &base).unwrap();
    std::fs::write(dir.join("suivi.json"), next.to_string()).unwrap();
    let d = dir.display().to_string();
    let o = run(&["aggregate", &unicef(), &d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("1\u{a0}évaluation (1\u{a0}sur\u{a0}2) — 1 évaluation reprise par un suivi plus récent n’est pas comptée"),
        "{out}"
    );
    assert!(out.contains("20\u{a0}novembre 2026 — suivi"), "{out}");
    let both = stdout(&run(&["aggregate", &unicef(), &d, "--with-followed"]));
    assert!(both.contains("2\u{a0}évaluations\n"), "{both}");
    assert!(!both.contains("reprise par un suivi"), "{both}");
}

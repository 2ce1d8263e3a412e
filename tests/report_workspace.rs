//! The consolidated PDF report of a coordinator's workspace (`report::workspace`), read back
//! with poppler (pdftotext, pdfinfo), which shares no code with the writer. The files are
//! generated here, and every figure the tests look for is counted here from what they
//! generated, not read from the engine.
#![cfg(feature = "pdf")]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{load_file, poppler, questionnaire_text, write_temp, UNICEF_STANDARDS};
use psea_assess::engine::aggregate::{Filter, Refusal};
use psea_assess::engine::answers::AnswersFile;
use psea_assess::engine::scoring::score;
use psea_assess::engine::Questionnaire;
use psea_assess::present::aggregate as words;
use psea_assess::present::follow_up::band_name;
use psea_assess::present::{labelled, Lang};
use psea_assess::report::Report;
use serde_json::{json, Value};

const DAY: &str = "2026-11-24";

/// The consolidated report the browser's way: laid out on the page, written by the worker.
fn from_texts(
    toml: &str,
    files: &[(String, String)],
    choices: &[(usize, usize)],
    filter: &Filter,
    lang: &str,
    date: &str,
) -> Result<Report, String> {
    let sheet =
        psea_assess::report::workspace::sheet_from_texts(toml, files, choices, filter, lang, date)?;
    common::worker_writes(&sheet)
}

fn write(name: &str, r: &Report) -> PathBuf {
    write_temp("psea-ws-pdf", name, &r.bytes)
}

/// The PDF's text in reading order (a wrapped table cell reads in one piece), white space
/// folded.
fn text(p: &Path) -> String {
    poppler("pdftotext", &[p.to_str().unwrap(), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each page's size in points, as `pdfinfo` reads it.
fn page_sizes(p: &Path) -> Vec<String> {
    poppler("pdfinfo", &["-f", "1", "-l", "999", p.to_str().unwrap()])
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| l.split("size:").nth(1).unwrap().trim().to_owned())
        .collect()
}

/// The text of the matrix's first column (who), read from the words' boxes: on landscape
/// pages, the words left of the band columns, top to bottom, white space folded.
fn first_column(p: &Path) -> String {
    let html = poppler("pdftotext", &["-bbox", p.to_str().unwrap(), "-"]);
    let mut out = Vec::new();
    for page in html.split("<page ").skip(1) {
        if !page.starts_with("width=\"841") {
            continue;
        }
        for w in page.split("<word ").skip(1) {
            let x_min: f64 = w["xMin=\"".len()..w.find("\" yMin").unwrap()]
                .parse()
                .unwrap();
            // 18 mm margin + 50 mm column = 193 pt.
            if x_min < 192.0 {
                out.push(w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_owned());
            }
        }
    }
    out.join(" ").replace("&amp;", "&")
}

/// The numbers drawn large (11 pt: the heat matrix's counts) inside the grid, on the pages
/// that have the word `on_page`, top to bottom then left to right, read from the words' boxes.
fn large_numbers(p: &Path, on_page: &str) -> Vec<usize> {
    let html = poppler("pdftotext", &["-bbox", p.to_str().unwrap(), "-"]);
    let mut found: Vec<(usize, i64, i64, usize)> = Vec::new();
    for (n, page) in html.split("<page ").skip(1).enumerate() {
        if !page.contains(&format!(">{on_page}</word>")) {
            continue;
        }
        for w in page.split("<word ").skip(1) {
            let num = |k: &str| -> f64 {
                let at = w.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
            };
            let word = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            // The grid starts 44 mm right of the margin (18 mm): 175 pt.
            if num("yMax") - num("yMin") > 12.0 && num("xMin") > 175.0 {
                if let Ok(v) = word.parse::<usize>() {
                    found.push((n, num("yMin").round() as i64, num("xMin").round() as i64, v));
                }
            }
        }
    }
    found.sort();
    found.into_iter().map(|f| f.3).collect()
}

fn has(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Where `needle` is in `hay`, spaces of any kind read as one.
fn find(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
    hay.find(&needle)
}

#[track_caller]
fn assert_has(hay: &str, needle: &str) {
    assert!(has(hay, needle), "«{needle}» not in:\n{hay}");
}

/// A generated UNICEF self-assessment: ratings 1 (absent) to 3 (adequate) per standard; the
/// ratings that count are the reviewer's where the file has a review.
struct Made {
    name: String,
    json: Value,
    counted: [usize; 6],
}

const LEVELS: [&str; 3] = ["absent", "progressing", "adequate"];
const TOWNS: [&str; 3] = ["Mopti", "Tombouctou", "Sikasso"];

fn unicef_set(n: usize) -> Vec<Made> {
    (0..n)
        .map(|i| {
            // Deterministic variety; standard 3 (training) is short of adequate most often.
            let mut counted = [0usize; 6];
            let mut answers = serde_json::Map::new();
            for (k, id) in UNICEF_STANDARDS.iter().enumerate() {
                let r = if k == 2 {
                    1 + (i * 7 + k) % 2
                } else {
                    1 + (i * 5 + k * 3) % 3
                };
                counted[k] = r;
                answers.insert((*id).into(), json!({ "value": LEVELS[r - 1] }));
            }
            let date = format!("2022-{:02}-{:02}", 1 + i % 12, 3 + i % 20);
            let mut file = json!({
                "schema": 3,
                "questionnaire": { "id": "unicef-psea-2020", "version": "1.1.0" },
                "assessment": {
                    "id": format!("u-{i}"),
                    "organisation": format!("Association {}", ["Kènè", "Jigi", "Sini", "Benkadi"][i % 4]),
                    "assessor": "Point focal",
                    "place": TOWNS[i % 3],
                    "date": date,
                    "updated": format!("{date}T08:00:00Z"),
                },
                "answers": answers,
            });
            // Every fourth file: the reviewer confirms standard 6 one level lower.
            if i % 4 == 1 && counted[5] > 1 {
                counted[5] -= 1;
                file["review"] = json!({ "items": { "cs6_investigations": { "value": LEVELS[counted[5] - 1] } } });
            }
            Made {
                name: format!("partenaire-{i}.json"),
                json: file,
                counted,
            }
        })
        .collect()
}

/// The band a total of ratings falls in, from the questionnaire's band table.
fn band_of(q: &Questionnaire, total: usize) -> String {
    let total = total as i64;
    q.scoring
        .bands()
        .iter()
        .find(|b| b.min <= total && total <= b.max)
        .map(|b| b.id.clone())
        .unwrap()
}

fn files_of(made: &[Made]) -> Vec<(String, String)> {
    made.iter()
        .map(|m| (m.name.clone(), m.json.to_string()))
        .collect()
}

#[test]
fn unicef_report_holds_counts_bands_priorities_matrix_rows_and_refused_files() {
    let q = load_file("unicef-psea-2020.toml");
    let toml = questionnaire_text("unicef-psea-2020.toml");
    let made = unicef_set(12);
    let mut files = files_of(&made);
    // The same file again, pretty-printed; a later version of assessment 2; a cash risk
    // check (another questionnaire); a file cut short.
    files.push((
        "copie-partenaire-5.json".into(),
        serde_json::to_string_pretty(&made[5].json).unwrap(),
    ));
    let mut newer = made[2].json.clone();
    newer["answers"]["cs1_policy"] = json!({ "value": "adequate" });
    newer["assessment"]["updated"] = json!("2026-10-01T09:00:00Z");
    files.push(("partenaire-2-revu.json".into(), newer.to_string()));
    files.push((
        "distribution.json".into(),
        questionnaire_text("examples/cash-transfer-sea-risk.json"),
    ));
    files.push(("coupé.json".into(), "{\"schema\": 3, \"answ".into()));

    for lang in [Lang::Fr, Lang::En] {
        let report = from_texts(&toml, &files, &[], &Filter::default(), lang.code(), DAY).unwrap();
        assert!(
            report.missing_chars.is_empty(),
            "{:?}",
            report.missing_chars
        );
        let p = write(&format!("unicef-{}.pdf", lang.code()), &report);
        let t = text(&p);
        assert_has(&t, words::title(lang));
        assert_has(&t, &words::assessments(&q, 12, lang));
        assert_has(&t, &words::duplicates(1, lang));
        assert_has(&t, "copie-partenaire-5.json");
        assert_has(&t, words::indicative(lang));
        // Refused files, each with its reason.
        assert_has(&t, "distribution.json");
        assert_has(
            &t,
            &words::refusal(
                &Refusal::Foreign("cash-transfer-sea-risk".into()),
                lang,
                &|_| None,
            ),
        );
        assert_has(&t, "coupé.json");
        // The version prompt: the newer is used, to be confirmed.
        assert_has(&t, "partenaire-2-revu.json");

        // Band distribution, counted here from the ratings that count.
        let mut bands: BTreeMap<String, usize> = BTreeMap::new();
        for (i, m) in made.iter().enumerate() {
            // Assessment 2 counts with its newer version (standard 1 adequate).
            let mut c = m.counted;
            if i == 2 {
                c[0] = 3;
            }
            *bands.entry(band_of(&q, c.iter().sum())).or_default() += 1;
        }
        for (band, n) in &bands {
            assert_has(
                &t,
                &labelled(
                    lang,
                    &band_name(&q, Some(band), lang),
                    &words::count(*n, 12, lang),
                ),
            );
        }

        // The first training priority: the standard most often below adequate (first in
        // questionnaire order on a tie), with its count.
        let unmet: Vec<usize> = (0..6)
            .map(|k| {
                made.iter()
                    .enumerate()
                    .filter(|(i, m)| {
                        if *i == 2 && k == 0 {
                            false
                        } else {
                            m.counted[k] < 3
                        }
                    })
                    .count()
            })
            .collect();
        let most = *unmet.iter().max().unwrap();
        let first = unmet.iter().position(|&n| n == most).unwrap();
        assert_eq!(
            first, 2,
            "the generator makes standard 3 the most often unmet"
        );
        let priority = format!("1. {}", words::column(&q, UNICEF_STANDARDS[first], lang));
        let at = t
            .find(&priority)
            .unwrap_or_else(|| panic!("{priority} in:\n{t}"));
        assert!(
            // (No-break spaces in the PDF; the extracted text has plain ones.)
            t[at..].contains(&words::count(most, 12, lang).replace('\u{a0}', " ")),
            "its count {most}"
        );

        // The matrix: one row per assessment (who), on landscape pages.
        let rows = first_column(&p);
        for m in &made {
            let file = AnswersFile::from_json(&m.json.to_string()).unwrap();
            assert_has(&rows, &words::who(&q, &file, lang));
        }
        assert_has(&t, words::matrix_title(&q, lang));
        let sizes = page_sizes(&p);
        assert!(
            sizes.iter().any(|s| s.starts_with("841.89 x 595.276")),
            "{sizes:?}"
        );
        assert!(sizes[0].starts_with("595.276 x 841.89"), "{sizes:?}");
    }
}

#[test]
fn the_version_choice_and_the_filter_are_what_the_report_reads() {
    let q = load_file("unicef-psea-2020.toml");
    let toml = questionnaire_text("unicef-psea-2020.toml");
    let made = unicef_set(9);
    let mut files = files_of(&made);
    let mut newer = made[4].json.clone();
    newer["assessment"]["updated"] = json!("2026-10-01T09:00:00Z");
    newer["answers"]["cs2_management"] = json!({ "value": "absent" });
    files.push(("partenaire-4-revu.json".into(), newer.to_string()));
    let lang = Lang::Fr;

    // Keeping the older version of assessment 4 (version 1 of group 4).
    let older = from_texts(&toml, &files, &[(4, 1)], &Filter::default(), "fr", DAY).unwrap();
    let t = text(&write("older.pdf", &older));
    assert_has(&t, "choix confirmé");
    assert!(!t.contains("à confirmer"), "no choice left to confirm");

    // Only Mopti: the files generated there.
    let filter = Filter {
        place: "mopti".into(),
        ..Filter::default()
    };
    let mopti = made
        .iter()
        .filter(|m| m.json["assessment"]["place"] == "Mopti")
        .count();
    assert!(mopti > 0 && mopti < made.len());
    let r = from_texts(&toml, &files, &[], &filter, "fr", DAY).unwrap();
    let t = text(&write("mopti.pdf", &r));
    assert_has(&t, &words::assessments(&q, mopti, lang));
    assert_has(&t, &words::count(mopti, made.len(), lang));
    assert_has(&t, &words::filter(&filter, lang).unwrap());
    // The matrix's rows (the head lists every version brought in, kept or not).
    assert_has(&t, words::matrix_title(&q, lang));
    let rows = &first_column(&write("mopti.pdf", &r));
    for m in &made {
        let file = AnswersFile::from_json(&m.json.to_string()).unwrap();
        let kept = m.json["assessment"]["place"] == "Mopti";
        assert_eq!(has(rows, &words::who(&q, &file, lang)), kept, "{}", m.name);
    }
}

/// Cash transfer risk checks: every always-shown risk rated, some left out in some files.
fn cash_set(q: &Questionnaire, n: usize) -> Vec<(String, String)> {
    let states = [
        "in_place",
        "planned",
        "not_in_place",
        "partly",
        "not_applicable",
    ];
    (0..n)
        .map(|i| {
            let mut answers = serde_json::Map::new();
            answers.insert("review_stage".into(), json!({ "value": "before" }));
            answers.insert("modalities".into(), json!({ "value": ["cash_in_hand"] }));
            for (k, (_, item)) in q.items().enumerate() {
                let psea_assess::engine::model::ItemKind::Risk { mitigations, .. } = &item.kind
                else {
                    continue;
                };
                if (i + k) % 4 == 0 {
                    continue;
                }
                let measures: serde_json::Map<String, Value> = mitigations
                    .iter()
                    .enumerate()
                    .map(|(j, m)| (m.id.clone(), json!({ "status": states[(i + j + k) % 5] })))
                    .collect();
                answers.insert(
                    item.id.clone(),
                    json!({ "value": { "likelihood": 1 + (i + k) % 5, "impact": 3 + (i * k) % 3, "measures": measures } }),
                );
            }
            let file = json!({
                "schema": 3,
                "questionnaire": { "id": q.id, "version": q.version },
                "assessment": { "id": format!("cash-{i}"), "organisation": format!("Membre {i}"), "place": TOWNS[i % 3], "date": "2026-10-15" },
                "answers": answers,
            });
            (format!("cash-{i}.json"), file.to_string())
        })
        .collect()
}

#[test]
fn cash_register_report_holds_each_risk_the_heat_matrix_and_missing_measures() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let toml = questionnaire_text("cash-transfer-sea-risk.toml");
    let files = cash_set(&q, 6);
    // Counted here from each file's own result.
    let mut rated: BTreeMap<String, usize> = BTreeMap::new();
    let mut missing: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut heat = [[0usize; 5]; 5];
    let mut highest: BTreeMap<String, i64> = BTreeMap::new();
    for (_, t) in &files {
        let o = score(&q, &AnswersFile::from_json(t).unwrap());
        for r in &o.risks {
            *rated.entry(r.item.clone()).or_default() += 1;
            let h = highest.entry(r.item.clone()).or_insert(0);
            *h = (*h).max(r.residual_score);
            heat[usize::from(r.residual_likelihood) - 1][usize::from(r.residual_impact) - 1] += 1;
            for m in &r.measures {
                if !matches!(m.status.id(), "in_place" | "not_applicable") {
                    *missing.entry((r.item.clone(), m.id.clone())).or_default() += 1;
                }
            }
        }
    }
    assert!(rated.len() >= 5 && !missing.is_empty());
    for lang in [Lang::Fr, Lang::En] {
        let r = from_texts(&toml, &files, &[], &Filter::default(), lang.code(), DAY).unwrap();
        assert!(r.missing_chars.is_empty());
        let p = write(&format!("cash-{}.pdf", lang.code()), &r);
        let t = text(&p);
        assert_has(&t, &words::assessments(&q, 6, lang));
        assert_has(&t, words::register_title(lang));
        assert_has(&t, words::heat_title(lang));
        assert_has(&t, words::missing_title(lang));
        // The register's table: each risk's row starts with its name, how many assessments
        // rated it, and its highest residual score.
        let lines =
            poppler("pdftotext", &["-layout", p.to_str().unwrap(), "-"]).replace('\u{a0}', " ");
        for (item, n) in &rated {
            let column = words::column(&q, item, lang);
            // Four words: two risks start « Des cas d’EAS ».
            let name = column.split(' ').take(4).collect::<Vec<_>>().join(" ");
            let row = lines
                .lines()
                .find(|l| l.trim_start().starts_with(&name))
                .unwrap_or_else(|| panic!("a row for {name}"));
            let count = words::count(*n, 6, lang).replace('\u{a0}', " ");
            assert!(row.contains(&count), "{row}");
            let sep = if lang == Lang::Fr { " : " } else { ": " };
            assert!(row.contains(&format!("{}{sep}", highest[item])), "{row}");
        }
        // The most often missing measure comes first, with its count.
        let top = missing.values().max().unwrap();
        let first = words::count(*top, 6, lang).replace('\u{a0}', " ");
        let title_at = t.find(words::missing_title(lang)).unwrap();
        let after = &t[title_at..];
        let first_line_end = after.find(&first).expect("the top count is listed");
        assert!(
            !after[..first_line_end]
                .contains(&words::count(top - 1, 6, lang).replace('\u{a0}', " ")),
            "a smaller count before the top one"
        );
        // The heat matrix: each cell's count, likelihood 5 at the top, impact 1 at the left.
        let want: Vec<usize> = (0..5)
            .rev()
            .flat_map(|l| {
                heat[l]
                    .iter()
                    .copied()
                    .filter(|&n| n > 0)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(want.len() >= 4, "the generator spread its ratings");
        let title = words::heat_title(lang).split(' ').next().unwrap();
        assert_eq!(large_numbers(&p, title), want);
    }
}

#[test]
fn quiz_report_holds_participants_pairs_and_the_most_missed_question() {
    let q = load_file("psea-training-quiz.toml");
    let toml = questionnaire_text("psea-training-quiz.toml");
    let base: Value =
        serde_json::from_str(&questionnaire_text("examples/psea-training-quiz.json")).unwrap();
    let names = [
        "Awa Traoré",
        "Moussa Keïta",
        "Fatoumata Diarra",
        "Awa Traoré",
        "Oumar Sangaré",
    ];
    let mut files = Vec::new();
    let mut wrong: BTreeMap<String, usize> = BTreeMap::new();
    for (i, who) in names.iter().enumerate() {
        let mut f = base.clone();
        f["assessment"] = json!({
            "id": format!("quiz-{i}"),
            "organisation": "Réseau PEAS",
            "assessor": who,
            "place": "Ségou",
            "date": if i == 3 { "2026-06-02" } else { "2026-03-02" },
        });
        let mut k = 0;
        for (_, a) in f["answers"].as_object_mut().unwrap().iter_mut() {
            if let Some(b) = a["value"].as_bool() {
                // The first true/false question is missed by all but the last participant.
                if (k == 0 && i < 4) || (k + i) % 3 == 0 && k > 0 {
                    a["value"] = json!(!b);
                }
                k += 1;
            }
        }
        let file = AnswersFile::from_json(&f.to_string()).unwrap();
        for r in score(&q, &file).items {
            if r.correct == Some(false) {
                *wrong.entry(r.item).or_default() += 1;
            }
        }
        files.push((format!("quiz-{i}.json"), f.to_string()));
    }
    let most = *wrong.values().max().unwrap();
    let top: Vec<&String> = wrong
        .iter()
        .filter(|(_, n)| **n == most)
        .map(|(k, _)| k)
        .collect();
    for lang in [Lang::Fr, Lang::En] {
        let r = from_texts(&toml, &files, &[], &Filter::default(), lang.code(), DAY).unwrap();
        let p = write(&format!("quiz-{}.pdf", lang.code()), &r);
        let t = text(&p);
        assert_has(&t, &words::assessments(&q, 5, lang));
        assert_has(&t, words::class_title(lang));
        for who in names {
            assert_has(&t, who);
        }
        assert_has(&t, words::pairs_title(lang));
        // The most missed question comes first under its title, with its explanation.
        let after = &t[t.find(words::missed_title(lang)).unwrap()..];
        // Every missed question is listed; the first one listed is one missed most often.
        let (at, first) = wrong
            .keys()
            .map(|id| {
                let name = psea_assess::present::answer::item_name(&q, q.item(id).unwrap(), lang);
                let at = find(after, &name);
                (at.unwrap_or_else(|| panic!("{id} listed")), id)
            })
            .min()
            .unwrap();
        assert!(top.contains(&first), "{first} first, at {at}");
        let item = q.item(first).unwrap();
        let explanation = item.explanation.as_ref().unwrap().get(lang.code());
        let words_of = |s: &str| s.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        assert_has(after, &words_of(explanation));
    }
}

#[test]
fn the_same_workspace_gives_the_same_bytes() {
    let toml = questionnaire_text("unicef-psea-2020.toml");
    let files = files_of(&unicef_set(8));
    let a = from_texts(&toml, &files, &[], &Filter::default(), "fr", DAY).unwrap();
    let b = from_texts(&toml, &files, &[], &Filter::default(), "fr", DAY).unwrap();
    assert!(a.bytes == b.bytes, "same inputs, same bytes");
    let other_day = from_texts(&toml, &files, &[], &Filter::default(), "fr", "2026-11-25").unwrap();
    assert!(a.bytes != other_day.bytes, "the date is in the report");
}

#[test]
fn every_matrix_questionnaire_gets_every_standard_as_a_column() {
    for name in [
        "un-common-psea",
        "programme-sea-risk-flags",
        "unicef-psea-2020",
    ] {
        let q = load_file(&format!("{name}.toml"));
        let toml = questionnaire_text(&format!("{name}.toml"));
        let example = questionnaire_text(&format!("examples/{name}.json"));
        let files = vec![("exemple.json".to_owned(), example)];
        for lang in [Lang::Fr, Lang::En] {
            let r = from_texts(&toml, &files, &[], &Filter::default(), lang.code(), DAY).unwrap();
            assert!(r.missing_chars.is_empty(), "{name}: {:?}", r.missing_chars);
            let p = write(&format!("{name}-{}.pdf", lang.code()), &r);
            // In the order drawn: a header cell's lines one after the other.
            let t = poppler("pdftotext", &["-raw", p.to_str().unwrap(), "-"])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_has(&t, &words::assessments(&q, 1, lang));
            // The indicative notice for a capacity self-assessment only.
            assert_eq!(
                has(&t, words::indicative(lang)),
                q.self_assessment,
                "{name}"
            );
            for item in psea_assess::engine::scoring::scored_items(&q) {
                assert_has(&t, &words::column(&q, &item.id, lang));
            }
        }
    }
}

#[test]
fn an_empty_workspace_still_reports_and_bad_inputs_are_said() {
    for name in [
        "unicef-psea-2020",
        "cash-transfer-sea-risk",
        "psea-training-quiz",
    ] {
        let q = load_file(&format!("{name}.toml"));
        let toml = questionnaire_text(&format!("{name}.toml"));
        // Only a file that cannot be read: no assessment, the refusal listed.
        let files = vec![("vide.json".to_owned(), String::new())];
        let r = from_texts(&toml, &files, &[], &Filter::default(), "fr", DAY).unwrap();
        let t = text(&write(&format!("{name}-vide.pdf"), &r));
        assert_has(&t, &words::assessments(&q, 0, Lang::Fr));
        assert_has(&t, "vide.json");
    }
    let toml = questionnaire_text("unicef-psea-2020.toml");
    let e = from_texts(&toml, &[], &[], &Filter::default(), "fr", "24/11/2026")
        .err()
        .unwrap();
    assert!(e.contains("date illisible"), "{e}");
    let e = from_texts("title = ", &[], &[], &Filter::default(), "en", DAY)
        .err()
        .unwrap();
    assert!(e.starts_with("questionnaire:"), "{e}");
}

/// The PDF lists the assessments in the order the page shows them (« Trier par
/// organisation » unless the user chose another), not in the order the files came in.
#[test]
fn the_report_lists_rows_in_the_pages_order() {
    let toml = common::questionnaire_text("unicef-psea-2020.toml");
    let example = questionnaire_text("examples/unicef-psea-2020.json");
    let file = |id: &str, org: &str, date: &str| {
        let mut f: Value = serde_json::from_str(&example).unwrap();
        f["assessment"]["id"] = json!(id);
        f["assessment"]["organisation"] = json!(org);
        f["assessment"]["date"] = json!(date);
        (format!("{id}.json"), f.to_string())
    };
    // Came in Zeta, Alpha, Mu.
    let files = vec![
        file("z1", "ONG Zeta", "2026-03-01"),
        file("a1", "ONG Alpha", "2026-01-01"),
        file("m1", "ONG Mu", "2026-05-01"),
    ];
    let r = from_texts(&toml, &files, &[], &Filter::default(), "fr", DAY).unwrap();
    let t = text(&write("order.pdf", &r));
    let at = |org: &str| {
        t.find(&format!("{org} —"))
            .unwrap_or_else(|| panic!("{org} in {t}"))
    };
    assert!(
        at("ONG Alpha") < at("ONG Mu") && at("ONG Mu") < at("ONG Zeta"),
        "{t}"
    );
    // The page's other orders, through the same function the PDF reads.
    let q = load_file("unicef-psea-2020.toml");
    let mut ws = psea_assess::engine::aggregate::Workspace::default();
    for (name, text) in &files {
        ws.add(&q, name, text);
    }
    let org = |g: usize| ws.groups[g].member().file.assessment.organisation.clone();
    let by = |sort| -> Vec<String> {
        ws.shown(&q, &Filter::default(), sort)
            .into_iter()
            .map(org)
            .collect()
    };
    use psea_assess::engine::aggregate::Sort;
    assert_eq!(by(Sort::Organisation), ["ONG Alpha", "ONG Mu", "ONG Zeta"]);
    assert_eq!(by(Sort::Date), ["ONG Mu", "ONG Zeta", "ONG Alpha"]);
}

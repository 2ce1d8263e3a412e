//! The coordinator's workspace (`engine::aggregate`): files in (duplicates, versions, foreign
//! and unreadable files) and the three views, each checked against a count the test makes
//! itself from the data it generated.

mod common;

use std::collections::BTreeMap;

use common::{load_file, UNICEF_STANDARDS};
use psea_assess::engine::aggregate::{
    class, fold, matrix, register, Added, Filter, Refusal, Workspace,
};
use psea_assess::engine::answers::AnswersError;
use psea_assess::engine::scoring::score;
use psea_assess::engine::Questionnaire;
use psea_assess::present::aggregate as words;
use psea_assess::present::Lang;
use serde_json::{json, Value};

/// A small deterministic generator (xorshift), so the data is varied but the same each run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const PLACES: [&str; 4] = ["Ségou", "Mopti", "Bamako", "Kayes"];
const LEVELS: [&str; 3] = ["absent", "progressing", "adequate"];

/// A generated UNICEF assessment: the file's JSON and what the test knows of it.
struct Unicef {
    json: Value,
    /// Ratings 1–3 per standard, as the partner gave them.
    own: [i64; 6],
    /// Ratings that count: the reviewer's where a review confirms one.
    counted: [i64; 6],
    reviewed: bool,
    place: &'static str,
    date: String,
}

fn unicef(n: usize, rng: &mut Rng) -> Unicef {
    let mut own = [0i64; 6];
    let mut answers = serde_json::Map::new();
    for (k, id) in UNICEF_STANDARDS.iter().enumerate() {
        // Standard 5 (assistance) is the one most often short of « Adéquate ».
        let r = if k == 4 {
            rng.below(2) + 1
        } else {
            rng.below(3) + 1
        } as i64;
        own[k] = r;
        answers.insert((*id).into(), json!({ "value": LEVELS[r as usize - 1] }));
    }
    let place = PLACES[n % 4];
    let date = format!("2026-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
    let mut counted = own;
    let mut file = json!({
        "schema": 3,
        "questionnaire": { "id": "unicef-psea-2020", "version": "1.1.0" },
        "assessment": {
            "id": format!("a-{n:03}"),
            "organisation": format!("ONG n° {n}"),
            "assessor": "Point focal PEAS",
            "place": place,
            "date": date,
            "updated": format!("{date}T10:00:00Z"),
        },
        "answers": answers,
    });
    // Every fifth: the reviewer confirms standard 1 one level lower (when it can be).
    let reviewed = n % 5 == 0 && own[0] > 1;
    if reviewed {
        counted[0] = own[0] - 1;
        file["review"] =
            json!({ "items": { "cs1_policy": { "value": LEVELS[counted[0] as usize - 1] } } });
    }
    Unicef {
        json: file,
        own,
        counted,
        reviewed,
        place,
        date,
    }
}

/// The band id a total falls in, read from the questionnaire's band table.
fn band_of(q: &Questionnaire, total: i64) -> String {
    q.scoring
        .bands()
        .iter()
        .find(|b| b.min <= total && total <= b.max)
        .map(|b| b.id.clone())
        .expect("every total 6–18 has a band")
}

/// The generated assessments as files `f0.json`, `f1.json`…
fn named(made: &[Unicef]) -> Vec<(String, String)> {
    made.iter()
        .enumerate()
        .map(|(n, u)| (format!("f{n}.json"), u.json.to_string()))
        .collect()
}

fn bring_in(q: &Questionnaire, files: &[(String, String)]) -> (Workspace, Vec<Added>) {
    let mut ws = Workspace::default();
    let added = files.iter().map(|(n, t)| ws.add(q, n, t)).collect();
    (ws, added)
}

#[test]
fn thirty_files_a_duplicate_a_version_a_foreign_and_an_unreadable_one() {
    let q = load_file("unicef-psea-2020.toml");
    let mut rng = Rng(7);
    let made: Vec<Unicef> = (0..30).map(|n| unicef(n, &mut rng)).collect();
    let mut files = named(&made);
    // The same file saved again, pretty-printed: same content, other text.
    files.push((
        "copy-of-f3.json".into(),
        serde_json::to_string_pretty(&made[3].json).unwrap(),
    ));
    // A later version of assessment 7: one more standard adequate, changed a day later.
    let mut newer = made[7].json.clone();
    newer["answers"]["cs2_management"] = json!({ "value": "adequate" });
    newer["assessment"]["updated"] = json!("2026-12-31T09:00:00Z");
    files.push(("f7-revised.json".into(), newer.to_string()));
    files.push((
        "quiz.json".into(),
        common::questionnaire_text("examples/psea-training-quiz.json"),
    ));
    files.push((
        "broken.json".into(),
        "{\"schema\": 3, \"questionnaire\": ".into(),
    ));

    let (mut ws, added) = bring_in(&q, &files);
    assert_eq!(ws.groups.len(), 30, "assessments");
    assert_eq!(added[30], Added::Duplicate(3));
    assert_eq!(ws.duplicates, vec![("copy-of-f3.json".to_owned(), 3)]);
    assert_eq!(
        ws.groups[3].member().sources,
        ["f3.json", "copy-of-f3.json"]
    );
    assert_eq!(added[31], Added::Version(7));
    assert_eq!(ws.refused.len(), 2);
    assert_eq!(ws.refused[0].source, "quiz.json");
    assert_eq!(
        ws.refused[0].why,
        Refusal::Foreign("psea-training-quiz".into())
    );
    assert!(
        matches!(
            &ws.refused[1].why,
            Refusal::Unreadable(AnswersError::Json { line: 1, .. })
        ),
        "{:?}",
        ws.refused[1]
    );
    assert!(words::refusal(&ws.refused[0].why, Lang::Fr, &|_| None).contains("psea-training-quiz"));
    // Where the output knows the other questionnaire, it is named by its title.
    let named = words::refusal(&ws.refused[0].why, Lang::Fr, &|id| {
        (id == "psea-training-quiz").then(|| "Quiz de formation PEAS".to_owned())
    });
    assert_eq!(
        named,
        "fichier d’un autre questionnaire («\u{a0}Quiz de formation PEAS\u{a0}»)"
    );

    // The newer version is chosen, awaiting the user's agreement; choosing the older works.
    assert_eq!(ws.pending().collect::<Vec<_>>(), [7]);
    assert_eq!(ws.groups[7].versions.len(), 2);
    assert_eq!(ws.groups[7].member().sources, ["f7-revised.json"]);
    let all: Vec<usize> = (0..30).collect();
    let adequate_2 = |ws: &Workspace| {
        matrix(&q, ws, &all, day("2026-01-01")).rows[7].cells[1]
            .answer
            .clone()
    };
    assert_eq!(adequate_2(&ws).as_deref(), Some("adequate"));
    ws.choose(7, 1);
    assert_eq!(ws.pending().count(), 0);
    assert_eq!(
        adequate_2(&ws).as_deref(),
        Some(LEVELS[made[7].own[1] as usize - 1])
    );
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_matrix_bands_and_training_priorities_match_a_count_made_here() {
    let q = load_file("unicef-psea-2020.toml");
    let mut rng = Rng(42);
    let made: Vec<Unicef> = (0..40).map(|n| unicef(n, &mut rng)).collect();
    let files = named(&made);
    let (ws, _) = bring_in(&q, &files);
    let groups = ws.kept(&Filter::default());
    assert_eq!(groups.len(), 40);
    let m = matrix(&q, &ws, &groups, day("2031-06-30"));

    // Bands of the result that counts (the confirmed one when reviewed).
    let mut expected: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (g, u) in made.iter().enumerate() {
        expected
            .entry(band_of(&q, u.counted.iter().sum()))
            .or_default()
            .push(g);
    }
    for b in &m.bands {
        let want = b
            .band
            .as_ref()
            .and_then(|id| expected.get(id))
            .cloned()
            .unwrap_or_default();
        assert_eq!(b.groups, want, "band {:?}", b.band);
    }
    // Each row: self-assessed band, and the official one only when reviewed.
    for (r, u) in m.rows.iter().zip(&made) {
        assert_eq!(
            r.band.as_deref(),
            Some(band_of(&q, u.own.iter().sum()).as_str())
        );
        let official = u.reviewed.then(|| band_of(&q, u.counted.iter().sum()));
        assert_eq!(r.official_band, official, "row {}", r.group);
        assert_eq!(r.cells[0].reviewed.is_some(), u.reviewed);
        for k in 0..6 {
            assert_eq!(
                r.cells[k].unmet,
                u.counted[k] < 3,
                "row {} standard {k}",
                r.group
            );
        }
    }
    // Training priorities: each standard with the assessments below « Adéquate », most first.
    let mut unmet: Vec<(usize, &str)> = (0..6)
        .map(|k| {
            (
                made.iter().filter(|u| u.counted[k] < 3).count(),
                UNICEF_STANDARDS[k],
            )
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    unmet.sort_by(|a, b| b.0.cmp(&a.0));
    let got: Vec<(usize, &str)> = m
        .unmet
        .iter()
        .map(|u| (u.groups.len(), u.item.as_str()))
        .collect();
    assert_eq!(
        got.iter().map(|g| g.0).collect::<Vec<_>>(),
        unmet.iter().map(|u| u.0).collect::<Vec<_>>()
    );
    assert_eq!(
        got[0].1, "cs5_assistance",
        "the generator makes standard 5 the most often unmet"
    );
    assert!(
        m.unmet[0].action.is_some(),
        "a priority comes with the action the questionnaire drafts"
    );

    // Review dates: five years after each assessment date, those up to mid-2031, soonest first.
    let due: Vec<(usize, chrono::NaiveDate)> = {
        let mut d: Vec<(usize, chrono::NaiveDate)> = made
            .iter()
            .enumerate()
            .map(|(g, u)| (g, day(&u.date.replacen("2026", "2031", 1))))
            .filter(|(_, d)| *d <= day("2031-06-30"))
            .collect();
        d.sort_by_key(|&(g, d)| (d, g));
        d
    };
    assert_eq!(m.review_due, due);
}

#[test]
fn filters_keep_what_they_name_ignoring_case_and_accents() {
    let q = load_file("unicef-psea-2020.toml");
    let mut rng = Rng(3);
    let made: Vec<Unicef> = (0..24).map(|n| unicef(n, &mut rng)).collect();
    let files = named(&made);
    let (ws, _) = bring_in(&q, &files);
    let by_place = Filter {
        place: "SEGOU".into(),
        ..Filter::default()
    };
    let want: Vec<usize> = (0..24).filter(|&g| made[g].place == "Ségou").collect();
    assert_eq!(ws.kept(&by_place), want);
    let by_org = Filter {
        organisation: "n° 1".into(),
        ..Filter::default()
    };
    assert_eq!(
        ws.kept(&by_org),
        vec![1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    );
    let spring = Filter {
        from: Some(day("2026-03-01")),
        to: Some(day("2026-05-31")),
        ..Filter::default()
    };
    let want: Vec<usize> = (0..24)
        .filter(|&g| ("2026-03-01".."2026-06-01").contains(&made[g].date.as_str()))
        .collect();
    assert_eq!(ws.kept(&spring), want);
    assert!(!want.is_empty());
    assert_eq!(fold("  Œuvre   d’ÉCOUTE "), "œuvre d'ecoute");
}

/// A cash transfer risk check with every always-shown risk rated, measures in random states.
fn cash(n: usize, q: &Questionnaire, rng: &mut Rng) -> Value {
    let statuses = [
        "in_place",
        "partly",
        "planned",
        "not_in_place",
        "not_applicable",
    ];
    let mut answers = serde_json::Map::new();
    answers.insert("review_stage".into(), json!({ "value": "before" }));
    answers.insert("modalities".into(), json!({ "value": ["cash_in_hand"] }));
    for (_, item) in q.items() {
        let psea_assess::engine::model::ItemKind::Risk { mitigations, .. } = &item.kind else {
            continue;
        };
        if rng.below(6) == 0 {
            continue; // not rated in this file
        }
        let measures: serde_json::Map<String, Value> = mitigations
            .iter()
            .map(|m| {
                (
                    m.id.clone(),
                    json!({ "status": statuses[rng.below(5) as usize] }),
                )
            })
            .collect();
        answers.insert(
            item.id.clone(),
            json!({ "value": { "likelihood": rng.below(5) + 1, "impact": rng.below(2) + 4, "measures": measures } }),
        );
    }
    json!({
        "schema": 3,
        "questionnaire": { "id": q.id, "version": q.version },
        "assessment": { "id": format!("c-{n}"), "organisation": "Cash Working Group", "place": PLACES[n % 4], "date": "2026-11-01" },
        "answers": answers,
    })
}

#[test]
fn the_risk_register_heat_matrix_and_missing_measures_match_a_count_made_here() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let mut rng = Rng(11);
    let files: Vec<(String, String)> = (0..25)
        .map(|n| (format!("c{n}.json"), cash(n, &q, &mut rng).to_string()))
        .collect();
    let (ws, _) = bring_in(&q, &files);
    assert_eq!(ws.groups.len(), 25);
    let groups = ws.kept(&Filter::default());
    let reg = register(&q, &ws, &groups);

    // Counted here from each file's own result.
    let outcomes: Vec<_> = files
        .iter()
        .map(|(_, t)| {
            let f = psea_assess::engine::answers::AnswersFile::from_json(t).unwrap();
            score(&q, &f)
        })
        .collect();
    let mut rated: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut heat = [[0usize; 5]; 5];
    let mut missing: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut highest: BTreeMap<&str, i64> = BTreeMap::new();
    for (g, o) in outcomes.iter().enumerate() {
        for r in &o.risks {
            rated.entry(&r.item).or_default().push(g);
            heat[r.residual_likelihood as usize - 1][r.residual_impact as usize - 1] += 1;
            let h = highest.entry(&r.item).or_insert(0);
            *h = (*h).max(r.residual_score);
            for m in &r.measures {
                let s = m.status.id();
                if s != "in_place" && s != "not_applicable" {
                    *missing.entry((&r.item, &m.id)).or_default() += 1;
                }
            }
        }
    }
    assert!(
        rated.len() >= 8 && missing.len() >= 10,
        "the generator rated risks and left measures out"
    );
    assert_eq!(reg.risks.len(), rated.len());
    for line in &reg.risks {
        assert_eq!(line.groups, rated[line.item.as_str()], "{}", line.item);
        let banded: usize = line.residual.iter().map(|b| b.groups.len()).sum();
        assert_eq!(
            banded,
            line.groups.len(),
            "{}: every rating in one band",
            line.item
        );
        assert_eq!(
            line.highest.as_ref().map(|h| h.0),
            Some(highest[line.item.as_str()])
        );
        // In words: each band's count in brackets, the highest score named as a score (« Moyen
        // 4 ; le plus haut : 8 » read as a run of scores).
        let said = words::risk_line(&q, line, Lang::Fr);
        let bands: Vec<String> = line
            .residual
            .iter()
            .filter(|b| !b.groups.is_empty())
            .map(|b| {
                format!(
                    "{} ({})",
                    psea_assess::present::follow_up::band_name(&q, b.band.as_deref(), Lang::Fr),
                    b.groups.len()
                )
            })
            .collect();
        assert!(
            said.contains(&format!("résiduel\u{a0}: {}", bands.join(", "))),
            "{said}"
        );
        assert!(
            said.ends_with(&format!(
                "note la plus haute\u{a0}: {}",
                highest[line.item.as_str()]
            )),
            "{said}"
        );
        // The screen puts the count between the two parts, as the button that lists the
        // assessments: the count is said once, where the PDF says it.
        let (name, rest) = words::risk_line_parts(&q, line, Lang::Fr);
        let n = words::assessments(&q, line.groups.len(), Lang::Fr);
        assert_eq!(format!("{name}{n}{rest}"), said);
        assert!(!name.contains(&n) && !rest.contains(&n), "{name} | {rest}");
    }
    // Most often rated first.
    assert!(reg
        .risks
        .windows(2)
        .all(|w| w[0].groups.len() >= w[1].groups.len()));
    for l in 0..5 {
        for i in 0..5 {
            assert_eq!(
                reg.heat[l][i].len(),
                heat[l][i],
                "heat cell {} × {}",
                l + 1,
                i + 1
            );
        }
    }
    assert_eq!(reg.missing.len(), missing.len());
    for m in &reg.missing {
        assert_eq!(
            m.groups.len(),
            missing[&(m.item.as_str(), m.measure.as_str())]
        );
    }
    assert!(reg
        .missing
        .windows(2)
        .all(|w| w[0].groups.len() >= w[1].groups.len()));
}

#[test]
fn the_class_view_pairs_a_participants_two_attempts_and_counts_missed_questions() {
    let q = load_file("psea-training-quiz.toml");
    let base: Value = serde_json::from_str(&common::questionnaire_text(
        "examples/psea-training-quiz.json",
    ))
    .unwrap();
    // Eight attempts by six people: participants 0 and 1 sit the quiz twice (March, then June).
    let mut files = Vec::new();
    let mut wrong_by_item: BTreeMap<String, usize> = BTreeMap::new();
    let mut rng = Rng(5);
    for n in 0..8usize {
        let person = if n >= 6 { n - 6 } else { n };
        let mut f = base.clone();
        f["assessment"] = json!({
            "id": format!("quiz-{n}"),
            "organisation": "Réseau PEAS – Bamako",
            "assessor": if person == 0 && n >= 6 { "  participant·E 0 ".to_owned() } else { format!("Participant·e {person}") },
            "place": "Bamako",
            "date": if n >= 6 { "2026-06-10" } else { "2026-03-10" },
        });
        // Each answer kept right or made wrong at random: true/false answers flipped.
        let answers = f["answers"].as_object_mut().unwrap();
        for (id, a) in answers.iter_mut() {
            if let Some(b) = a["value"].as_bool() {
                if rng.below(3) == 0 {
                    a["value"] = json!(!b);
                }
            }
            let _ = id;
        }
        let file = psea_assess::engine::answers::AnswersFile::from_json(&f.to_string()).unwrap();
        for r in score(&q, &file).items {
            if r.correct == Some(false) {
                *wrong_by_item.entry(r.item).or_default() += 1;
            }
        }
        files.push((format!("q{n}.json"), f.to_string()));
    }
    let (ws, _) = bring_in(&q, &files);
    let c = class(&q, &ws, &ws.kept(&Filter::default()));
    assert_eq!(c.attempts.len(), 8);
    assert_eq!(
        c.pairs.iter().map(|p| (p.pre, p.post)).collect::<Vec<_>>(),
        [(0, 6), (1, 7)],
        "the same person (case, spaces ignored) in the same organisation, earlier then later"
    );
    let got: BTreeMap<String, usize> = c
        .missed
        .iter()
        .map(|m| (m.item.clone(), m.groups.len()))
        .collect();
    assert!(
        wrong_by_item.len() >= 3,
        "the generator made some answers wrong"
    );
    assert_eq!(got, wrong_by_item);
    assert!(c
        .missed
        .windows(2)
        .all(|w| w[0].groups.len() >= w[1].groups.len()));
    assert!(c.missed.iter().all(|m| m.explanation.is_some()));
    // Each line: the question, then in brackets how often it was missed (a question ends on
    // « ? », which a colon would follow badly), then the explanation.
    for m in &c.missed {
        let line = words::missed_line(&q, m, Lang::Fr);
        let count = format!(
            " (manquée {}\u{a0}sur\u{a0}{}) — ",
            m.groups.len(),
            m.answered
        );
        assert!(line.contains(&count), "{line}");
        assert!(!line.contains("?…") && !line.contains("? :"), "{line}");
    }
    // Two questions that open alike (« La circulaire ST/SGB/2003/13 définit une notion, en
    // substance, comme… ») are told apart.
    let names: Vec<String> = q
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| {
            let m = psea_assess::engine::aggregate::Missed {
                item: i.id.clone(),
                groups: vec![0],
                answered: 1,
                explanation: None,
            };
            let line = words::missed_line(&q, &m, Lang::Fr);
            line[..line.rfind(" (manquée").unwrap()].to_owned()
        })
        .collect();
    let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len(), "{names:#?}");
    assert_eq!(c.passed.len() + c.not_passed.len(), 8);
}

#[test]
fn csv_files_have_a_bom_a_header_and_one_row_per_assessment_or_answer() {
    let q = load_file("unicef-psea-2020.toml");
    let mut rng = Rng(9);
    let mut made: Vec<Unicef> = (0..5).map(|n| unicef(n, &mut rng)).collect();
    // An organisation name a spreadsheet would take for a formula, and one with a « ; ».
    made[1].json["assessment"]["organisation"] = json!("=HYPERLINK(\"x\")");
    made[2].json["assessment"]["organisation"] = json!("Espoir ; Paix");
    let files = named(&made);
    let (ws, _) = bring_in(&q, &files);
    let groups = ws.kept(&Filter::default());
    for lang in [Lang::Fr, Lang::En] {
        let sep = if lang == Lang::Fr { ';' } else { ',' };
        let wide = words::csv_assessments(&q, &ws, &groups, lang);
        assert!(wide.starts_with('\u{feff}'), "BOM");
        let mut r = csv::ReaderBuilder::new()
            .delimiter(sep as u8)
            .from_reader(wide.trim_start_matches('\u{feff}').as_bytes());
        let header = r.headers().unwrap().clone();
        assert_eq!(header.len(), 7 + 7 + 6, "{header:?}");
        assert_eq!(&header[14], "cs1_policy");
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 5);
        assert_eq!(
            &rows[1][2], "'=HYPERLINK(\"x\")",
            "a formula-like name is neutralised"
        );
        assert_eq!(
            &rows[2][2], "Espoir ; Paix",
            "a separator inside a field is quoted"
        );
        for (row, u) in rows.iter().zip(&made) {
            assert_eq!(row[8].parse::<i64>().unwrap(), u.own.iter().sum::<i64>());
        }
        let long = words::csv_items(&q, &ws, &groups, lang);
        let mut r = csv::ReaderBuilder::new()
            .delimiter(sep as u8)
            .from_reader(long.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        // Every shown item of each assessment: the six standards and the context questions.
        let shown: usize = groups
            .iter()
            .map(|&g| {
                ws.groups[g]
                    .member()
                    .outcome
                    .items
                    .iter()
                    .filter(|i| i.effect != psea_assess::engine::scoring::Effect::Hidden)
                    .count()
            })
            .sum();
        assert_eq!(rows.len(), shown);
        assert!(rows.iter().filter(|r| &r[8] == "cs1_policy").count() == 5);
    }
}

#[test]
fn counts_bands_and_pairs_are_worded_as_elsewhere() {
    let q = load_file("unicef-psea-2020.toml");
    // A no-break space: the number never ends a line without its word.
    assert_eq!(words::assessments(&q, 0, Lang::Fr), "0\u{a0}évaluation");
    assert_eq!(words::assessments(&q, 0, Lang::En), "0\u{a0}assessments");
    assert_eq!(words::assessments(&q, 1, Lang::En), "1\u{a0}assessment");
    assert_eq!(words::count(4, 5, Lang::Fr), "4\u{a0}sur\u{a0}5");
    // A review date says what it is, after who the assessment is.
    let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(
        words::review_due(&q, d, Lang::Fr),
        "à revoir avant le 1er\u{a0}décembre 2026"
    );
    assert_eq!(
        words::review_due(&q, d, Lang::En),
        "to be reviewed before 1 December 2026"
    );
    assert_eq!(words::assessments(&q, 2, Lang::Fr), "2\u{a0}évaluations");
    assert_eq!(
        words::row_band(&q, Some("medium"), Some("low"), Lang::Fr),
        "Capacité moyenne (risque modéré) → Faible capacité (risque élevé) (confirmé)"
    );
    assert_eq!(
        words::row_band(&q, None, None, Lang::En),
        "No rating (incomplete)"
    );
    // A before/after pair gives each percentage as the score line does (whole, never rounded
    // up to the pass mark).
    let quiz = load_file("psea-training-quiz.toml");
    let text = common::questionnaire_text("examples/psea-training-quiz.json");
    let mut later: Value = serde_json::from_str(&text).unwrap();
    later["assessment"]["date"] = json!("2026-12-01");
    let mut ws = Workspace::default();
    ws.add(&quiz, "pre.json", &text);
    ws.add(&quiz, "post.json", &later.to_string());
    let c = class(&quiz, &ws, &[0, 1]);
    assert_eq!(c.pairs.len(), 1);
    let line = words::pair_line(&quiz, &ws, &c.pairs[0], Lang::Fr);
    let o = &ws.groups[0].member().outcome;
    let shown = psea_assess::present::outcome::score_line(o, Lang::Fr);
    let pct = shown
        .split(" — ")
        .nth(1)
        .expect("a percentage in the score line");
    assert!(
        line.ends_with(&format!("{pct} → {pct}")),
        "{line} / {shown}"
    );
}

/// A quiz attempt with questions left unanswered has no verdict: it is counted apart, so the
/// counts add up to the attempts (3 attempts never read « Réussi : 1 ; non réussi : 0 »).
#[test]
fn a_class_counts_unfinished_attempts_apart() {
    let quiz = load_file("psea-training-quiz.toml");
    let text = common::questionnaire_text("examples/psea-training-quiz.json");
    let mut part: Value = serde_json::from_str(&text).unwrap();
    part["assessment"]["assessor"] = json!("Participant 8");
    let answers = part["answers"].as_object_mut().unwrap();
    let first = answers.keys().next().cloned().unwrap();
    answers.remove(&first);
    let mut empty = part.clone();
    empty["assessment"]["assessor"] = json!("Participant 9");
    empty["answers"] = json!({});
    let mut ws = Workspace::default();
    ws.add(&quiz, "done.json", &text);
    ws.add(&quiz, "part.json", &part.to_string());
    ws.add(&quiz, "empty.json", &empty.to_string());
    let c = class(&quiz, &ws, &[0, 1, 2]);
    assert_eq!(c.passed.len() + c.not_passed.len(), 1);
    assert_eq!(c.incomplete, vec![1, 2]);
    let fr = words::passed_count(
        c.passed.len(),
        c.not_passed.len(),
        c.incomplete.len(),
        Lang::Fr,
    );
    assert!(fr.ends_with("\u{202f}; incomplet\u{a0}: 2"), "{fr}");
    let en = words::passed_count(1, 0, 0, Lang::En);
    assert_eq!(en, "Passed: 1; not passed: 0");
}

/// « Norme 5 : 2 sur 3 » counts out of the assessments that answered the standard: one that
/// left it unanswered neither meets it nor counts in the total.
#[test]
fn a_standard_left_unanswered_is_not_counted_in_its_total() {
    let q = load_file("unicef-psea-2020.toml");
    let text = common::questionnaire_text("examples/unicef-psea-2020.json");
    let mut ws = Workspace::default();
    for (n, drop) in [(1, false), (2, false), (3, true)] {
        let mut f: Value = serde_json::from_str(&text).unwrap();
        f["assessment"]["id"] = json!(format!("u{n}"));
        f["assessment"]["organisation"] = json!(format!("ONG {n}"));
        if drop {
            f["answers"]
                .as_object_mut()
                .unwrap()
                .remove("cs5_assistance");
        }
        ws.add(&q, &format!("u{n}.json"), &f.to_string());
    }
    let until = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let m = matrix(&q, &ws, &[0, 1, 2], until);
    let cs5 = m.unmet.iter().find(|u| u.item == "cs5_assistance").unwrap();
    assert_eq!((cs5.groups.len(), cs5.answered), (2, 2));
    let line = words::unmet_line(&q, cs5, Lang::Fr);
    assert!(line.contains("\u{a0}: 2\u{a0}sur\u{a0}2"), "{line}");
    let cs2 = m.unmet.iter().find(|u| u.item == "cs2_management").unwrap();
    assert_eq!((cs2.groups.len(), cs2.answered), (3, 3));
}

#[test]
fn a_follow_up_takes_its_baseline_over_in_every_count_unless_asked_and_a_date_bound_brings_it_back()
{
    let q = load_file("unicef-psea-2020.toml");
    let mut rng = Rng(11);
    let made: Vec<Unicef> = (0..3).map(|n| unicef(n, &mut rng)).collect();
    let mut files = named(&made);
    // Assessment 1's follow-up, made on 2026-11-25 from its baseline (dated 2026-02-02).
    let base: psea_assess::engine::answers::AnswersFile =
        serde_json::from_value(made[1].json.clone()).unwrap();
    let mut next = psea_assess::engine::follow_up::start(
        &base,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    );
    next.assessment.id = "a-001-suivi".into();
    files.push(("suivi.json".into(), serde_json::to_string(&next).unwrap()));
    let (ws, _) = bring_in(&q, &files);
    assert_eq!(ws.groups.len(), 4);
    let all = Filter::default();
    assert_eq!(ws.followed(&all), vec![1]);
    // The follow-up says it is one wherever it is named.
    let who = words::who(&q, &ws.groups[3].member().file, Lang::Fr);
    assert!(who.ends_with(" — 25\u{a0}novembre 2026 — suivi"), "{who}");
    assert!(!words::who(&q, &ws.groups[1].member().file, Lang::Fr).contains("suivi"));
    assert_eq!(ws.kept(&all), vec![0, 2, 3]);
    // Every view counts the three current assessments.
    let m = matrix(
        &q,
        &ws,
        &ws.kept(&all),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    );
    assert_eq!(m.rows.len(), 3);
    assert_eq!(
        words::kept_line(&q, &ws, &all, Lang::Fr),
        "3\u{a0}évaluations (3\u{a0}sur\u{a0}4) — 1 évaluation reprise par un suivi plus récent n’est pas comptée"
    );
    assert_eq!(
        words::kept_line(&q, &ws, &all, Lang::En),
        "3\u{a0}assessments (3\u{a0}out of\u{a0}4) — 1 assessment taken over by a later follow-up is not counted"
    );
    // Asked for, the baseline counts too.
    let both = Filter {
        with_followed: true,
        ..Filter::default()
    };
    assert_eq!(ws.kept(&both), vec![0, 1, 2, 3]);
    assert_eq!(
        words::kept_line(&q, &ws, &both, Lang::Fr),
        "4\u{a0}évaluations"
    );
    // Up to a day before the follow-up, the baseline is where the partner stood.
    let before = Filter {
        to: chrono::NaiveDate::from_ymd_opt(2026, 11, 24),
        ..Filter::default()
    };
    assert!(ws.followed(&before).is_empty());
    assert_eq!(ws.kept(&before), vec![0, 1, 2]);
}

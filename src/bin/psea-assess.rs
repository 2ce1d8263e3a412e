//! `psea-assess`: validate questionnaires, make answer templates, score answers, compare a
//! baseline with its follow-up, write PDF reports, aggregate many answers files.
//!
//! Exit codes: 0 success; 1 a questionnaire has errors (`validate`); 2 bad input (missing or
//! unreadable file, malformed JSON, answers made for another questionnaire). `aggregate`
//! reports each answers file it cannot use on stderr, skips it and still exits 0.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use psea_assess::engine::aggregate::{self, Added, Filter, Workspace};
use psea_assess::engine::answers::{place, AnswersFile, Placement};
use psea_assess::engine::compare::{compare, CompareError};
use psea_assess::engine::scoring::{score, Outcome};
use psea_assess::engine::{self, Questionnaire};
use psea_assess::present::aggregate as agg_words;
use psea_assess::present::message::answers_error;
use psea_assess::present::{self, follow_up, labelled, placement, t, text, Lang};
use psea_assess::report::Baseline;

#[derive(Parser)]
#[command(
    name = "psea-assess",
    version,
    about = "Évaluation PEAS: PSEA questionnaires checked and scored on your own machine"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of everything printed: results, placement lines, errors.
    #[arg(long, global = true, value_enum, default_value = "fr")]
    lang: LangArg,
}

#[derive(Subcommand)]
enum Command {
    /// Check questionnaire files; print every error as file:line:col: message.
    ///
    /// Exit 0 when all are valid, 1 otherwise, 2 when a file cannot be read.
    Validate {
        /// Questionnaire files (TOML).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print an answers file (JSON) holding every item id of a questionnaire, unanswered.
    Template { questionnaire: PathBuf },
    /// Score an answers file: rating, band, per-section detail, unanswered items.
    Score {
        questionnaire: PathBuf,
        answers: PathBuf,
        /// Machine-readable output (documented in questionnaires/README.md).
        #[arg(long)]
        json: bool,
    },
    /// Write the PDF report of an answers file.
    Report {
        questionnaire: PathBuf,
        answers: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// Generation date printed in the report (YYYY-MM-DD); today by default. The same
        /// inputs and date always give the same bytes.
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// An earlier assessment of the same questionnaire: the report gets a « Suivi »
        /// section (before → after, band change, changed questions, risks, action progress).
        #[arg(long)]
        baseline: Option<PathBuf>,
    },
    /// Compare two assessments of one questionnaire: per section, question and risk, before
    /// → after with the direction of change, the band change and the action plan's progress.
    Compare {
        questionnaire: PathBuf,
        /// The baseline (earlier) answers file.
        before: PathBuf,
        /// The follow-up (later) answers file.
        after: PathBuf,
        /// Machine-readable output (the fields are documented in README.md).
        #[arg(long)]
        json: bool,
        /// The day action due dates are read against (YYYY-MM-DD); today by default.
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
    /// Many answers files of one questionnaire, one picture: the ratings of every
    /// organisation and the standards most often unmet, the risks across sites, or a class's
    /// quiz results. Files that cannot be read or are for another questionnaire are reported
    /// on stderr and skipped; the same assessment twice is counted once; of two versions of
    /// one assessment the newer is used (said on stderr).
    Aggregate {
        questionnaire: PathBuf,
        /// Answers files (JSON), or folders whose `.json` files are all read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// CSV (UTF-8 with BOM, « ; » in French, « , » in English): one row per assessment.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// With --csv: one row per assessment and item instead.
        #[arg(long, requires = "csv")]
        items: bool,
        /// Machine-readable output: the files taken in and refused, and the view.
        #[arg(long)]
        json: bool,
        /// Also write the consolidated PDF report to this file.
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// Only assessments whose place contains this text (case and accents ignored).
        #[arg(long, default_value = "")]
        place: String,
        /// Only assessments whose organisation contains this text.
        #[arg(long, default_value = "")]
        organisation: String,
        /// Only assessments dated on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Only assessments dated on or before this day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Also count assessments that a later follow-up among the files takes over (by
        /// default only the latest of a baseline and its follow-ups counts).
        #[arg(long)]
        with_followed: bool,
        /// The day review dates are read against (YYYY-MM-DD); today by default.
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

/// A failure reported as one line, exit 2.
struct Fail(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang: Lang = cli.lang.into();
    let result = match cli.command {
        Command::Validate { files } => validate(&files, lang),
        Command::Template { questionnaire } => template(&questionnaire, lang),
        Command::Score {
            questionnaire,
            answers,
            json,
        } => run_score(&questionnaire, &answers, json, lang),
        Command::Report {
            questionnaire,
            answers,
            output,
            date,
            baseline,
        } => run_report(
            &questionnaire,
            &answers,
            baseline.as_deref(),
            &output,
            lang,
            date.unwrap_or_else(today),
        ),
        Command::Compare {
            questionnaire,
            before,
            after,
            json,
            date,
        } => run_compare(
            &questionnaire,
            &before,
            &after,
            json,
            lang,
            date.unwrap_or_else(today),
        ),
        Command::Aggregate {
            questionnaire,
            files,
            csv,
            items,
            json,
            pdf,
            place,
            organisation,
            from,
            to,
            with_followed,
            date,
        } => {
            let filter = Filter {
                place,
                organisation,
                from,
                to,
                with_followed,
            };
            let out = match (csv, items, json) {
                (true, false, _) => Out::Csv,
                (true, true, _) => Out::CsvItems,
                (_, _, true) => Out::Json,
                _ => Out::Text,
            };
            run_aggregate(
                &questionnaire,
                &files,
                &filter,
                (out, pdf.as_deref()),
                lang,
                date.unwrap_or_else(today),
            )
        }
    };
    match result {
        Ok(code) => code,
        Err(Fail(msg)) => {
            eprintln!("psea-assess: {msg}");
            ExitCode::from(2)
        }
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn read(path: &Path, lang: Lang) -> Result<String, Fail> {
    let p = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        io_fail(
            &e,
            lang,
            format!("impossible de lire {p}"),
            format!("cannot read {p}"),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Fail(match lang {
            Lang::Fr => format!("{p} n’est pas un texte UTF-8 (octet invalide à la position {at})"),
            Lang::En => format!("{p} is not UTF-8 text (invalid byte at offset {at})"),
        })
    })
}

/// « impossible de lire x : fichier introuvable », in `lang`.
fn io_fail(e: &std::io::Error, lang: Lang, fr: String, en: String) -> Fail {
    let what = match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    Fail(labelled(lang, &what, &io_reason(e, lang)))
}

fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => t(lang, "fichier introuvable", "no such file").into(),
        std::io::ErrorKind::PermissionDenied => t(lang, "accès refusé", "permission denied").into(),
        _ => e.to_string(),
    }
}

fn validate(files: &[PathBuf], lang: Lang) -> Result<ExitCode, Fail> {
    let mut invalid = 0;
    for f in files {
        let text = read(f, lang)?;
        match engine::load(&text) {
            Ok(_) => {}
            Err(diags) => {
                invalid += 1;
                for d in diags {
                    println!("{}", d.render_in(&f.display().to_string(), lang));
                }
            }
        }
    }
    let n = files.len();
    if invalid == 0 {
        eprintln!("{n} {}", t(lang, "fichier(s) valide(s)", "file(s) valid"));
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{invalid} {} {n} {}",
            t(lang, "fichier(s) sur", "of"),
            t(lang, "avec des erreurs", "file(s) have errors")
        );
        Ok(ExitCode::from(1))
    }
}

fn load_questionnaire(path: &Path, lang: Lang) -> Result<Questionnaire, Fail> {
    let text = read(path, lang)?;
    engine::load(&text).map_err(|diags| {
        let p = path.display();
        let first = diags
            .first()
            .map(|d| d.render_in(&p.to_string(), lang))
            .unwrap_or_default();
        let n = diags.len();
        let first = labelled(lang, t(lang, "la première", "first"), &first);
        let sep = present::list_sep(lang);
        Fail(match lang {
            Lang::Fr => format!(
                "{p} n’est pas un questionnaire valide ({n} erreur(s){sep}{first}){sep}lancez `psea-assess validate {p}`"
            ),
            Lang::En => format!(
                "{p} is not a valid questionnaire ({n} error(s){sep}{first}){sep}run `psea-assess validate {p}`"
            ),
        })
    })
}

fn template(path: &Path, lang: Lang) -> Result<ExitCode, Fail> {
    let q = load_questionnaire(path, lang)?;
    println!("{}", AnswersFile::template(&q).to_json());
    Ok(ExitCode::SUCCESS)
}

/// `--json` output: the outcome and what happened to the answers on loading.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    result: &'a Outcome,
    placement: &'a Placement,
}

/// Reads an answers file and fits it to `q`; errors in `lang`.
fn load_answers(
    q: &Questionnaire,
    apath: &Path,
    lang: Lang,
) -> Result<(AnswersFile, Placement), Fail> {
    let text = read(apath, lang)?;
    let fail = |e| Fail(format!("{}: {}", apath.display(), answers_error(&e, lang)));
    let file = AnswersFile::from_json(&text).map_err(fail)?;
    place(q, file).map_err(fail)
}

fn run_report(
    qpath: &Path,
    apath: &Path,
    baseline: Option<&Path>,
    out: &Path,
    lang: Lang,
    date: chrono::NaiveDate,
) -> Result<ExitCode, Fail> {
    let q = load_questionnaire(qpath, lang)?;
    let (file, placed) = load_answers(&q, apath, lang)?;
    for line in placement::lines(&placed, lang) {
        eprintln!("{line}");
    }
    let before = match baseline {
        Some(b) => Some(load_answers(&q, b, lang)?.0),
        None => None,
    };
    let before = before.as_ref().map(|f| Baseline { q: &q, file: f });
    let report = psea_assess::report::build_with(&q, &file, before, lang, date);
    write_report(&report, out, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// `compare`: both files placed against the questionnaire as `score` places one; a baseline
/// made with another version of it keeps the rating it recorded.
fn run_compare(
    qpath: &Path,
    bpath: &Path,
    apath: &Path,
    json: bool,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<ExitCode, Fail> {
    let q = load_questionnaire(qpath, lang)?;
    let (before, placed_before) = load_answers(&q, bpath, lang)?;
    let (after, placed_after) = load_answers(&q, apath, lang)?;
    let c = compare(&q, &before, &q, &after, today)
        .map_err(|e| Fail(format!("{}: {}", bpath.display(), compare_error(&e, lang))))?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&c).expect("comparison serialises")
        );
    } else {
        for (path, placed) in [(bpath, &placed_before), (apath, &placed_after)] {
            for line in placement::lines(placed, lang) {
                eprintln!("{}: {line}", path.display());
            }
        }
        print!("{}", follow_up::text(&q, &q, &c, lang));
    }
    Ok(ExitCode::SUCCESS)
}

fn compare_error(e: &CompareError, lang: Lang) -> String {
    match e {
        CompareError::DifferentQuestionnaires { before, after } => match lang {
            Lang::Fr => format!(
                "les deux fichiers sont pour des questionnaires différents («\u{a0}{before}\u{a0}» et «\u{a0}{after}\u{a0}»)"
            ),
            Lang::En => format!(
                "the two files are for different questionnaires (“{before}” and “{after}”)"
            ),
        },
    }
}

fn run_score(qpath: &Path, apath: &Path, json: bool, lang: Lang) -> Result<ExitCode, Fail> {
    let q = load_questionnaire(qpath, lang)?;
    let (file, placement) = load_answers(&q, apath, lang)?;
    let outcome = score(&q, &file);
    if json {
        let report = JsonReport {
            result: &outcome,
            placement: &placement,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("outcome serialises")
        );
    } else {
        for line in placement::lines(&placement, lang) {
            eprintln!("{line}");
        }
        print!(
            "{}",
            text::outcome_on(&q, &file, &outcome, lang, Some(today()))
        );
    }
    Ok(ExitCode::SUCCESS)
}

enum Out {
    Text,
    Csv,
    CsvItems,
    Json,
}

/// The answers files named: each file, and the `.json` files of each folder (sorted by
/// name, so the output does not depend on the file system's order).
fn answers_paths(paths: &[PathBuf], lang: Lang) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| {
                            f.extension()
                                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                        })
                        .collect();
                    found.sort();
                    out.extend(found);
                }
                Err(e) => eprintln!("{}: {}", p.display(), io_reason(&e, lang)),
            }
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// `aggregate --json`: what was taken in, what was not and why, and the questionnaire's view.
#[derive(serde::Serialize)]
struct JsonAggregate<'a> {
    questionnaire: &'a str,
    version: &'a str,
    kind: aggregate::Kind,
    filter: &'a Filter,
    assessments: Vec<JsonMember<'a>>,
    duplicates: Vec<JsonFile>,
    refused: Vec<JsonFile>,
    view: serde_json::Value,
}

#[derive(serde::Serialize)]
struct JsonMember<'a> {
    /// Index used by every figure of the view.
    group: usize,
    files: &'a [String],
    id: &'a str,
    organisation: &'a str,
    place: &'a str,
    assessor: &'a str,
    date: Option<chrono::NaiveDate>,
    versions: usize,
    result: &'a Outcome,
    official: Option<&'a Outcome>,
}

#[derive(serde::Serialize)]
struct JsonFile {
    file: String,
    /// The assessment it duplicates (a group index), for a duplicate.
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<usize>,
    /// Why it was not taken in, for a refused file.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

fn run_aggregate(
    qpath: &Path,
    paths: &[PathBuf],
    filter: &Filter,
    (out, pdf): (Out, Option<&Path>),
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<ExitCode, Fail> {
    let q = load_questionnaire(qpath, lang)?;
    let mut ws = Workspace::default();
    for path in answers_paths(paths, lang) {
        let name = path.display().to_string();
        match read(&path, lang) {
            Ok(text) => match ws.add(&q, &name, &text) {
                Added::Refused(why) => {
                    eprintln!("{name}: {}", agg_words::refusal(&why, lang, &|_| None))
                }
                Added::Duplicate(g) => eprintln!(
                    "{name}: {}",
                    agg_words::duplicate_of(&ws.groups[g].member().sources[0], lang)
                ),
                Added::New(_) | Added::Version(_) => {}
            },
            // A file that cannot be read is reported and skipped, as a file that cannot be
            // parsed is.
            Err(Fail(msg)) => eprintln!("{msg}"),
        }
    }
    let pending: Vec<usize> = ws.pending().collect();
    for g in pending {
        let group = &ws.groups[g];
        let files: Vec<&str> = group
            .versions
            .iter()
            .map(|v| v.sources[0].as_str())
            .collect();
        eprintln!(
            "{}",
            agg_words::newer_used(&files, group.member().sources[0].as_str(), lang)
        );
        ws.choose(g, 0);
    }
    let groups = ws.kept(filter);
    if let Some(path) = pdf {
        let report = psea_assess::report::workspace::build(&q, &ws, filter, lang, today, &|_| None);
        write_report(&report, path, lang)?;
    }
    match out {
        Out::Text => print!("{}", agg_words::text(&q, &ws, filter, today, lang)),
        Out::Csv => print!("{}", agg_words::csv_assessments(&q, &ws, &groups, lang)),
        Out::CsvItems => print!("{}", agg_words::csv_items(&q, &ws, &groups, lang)),
        Out::Json => {
            let view = match aggregate::kind(&q) {
                aggregate::Kind::Matrix => serde_json::to_value(aggregate::matrix(
                    &q,
                    &ws,
                    &groups,
                    today + chrono::Days::new(180),
                )),
                aggregate::Kind::Register => {
                    serde_json::to_value(aggregate::register(&q, &ws, &groups))
                }
                aggregate::Kind::Class => serde_json::to_value(aggregate::class(&q, &ws, &groups)),
            }
            .expect("view serialises");
            let report = JsonAggregate {
                questionnaire: &q.id,
                version: &q.version,
                kind: aggregate::kind(&q),
                filter,
                assessments: groups
                    .iter()
                    .map(|&g| {
                        let m = ws.groups[g].member();
                        let a = &m.file.assessment;
                        JsonMember {
                            group: g,
                            files: &m.sources,
                            id: &a.id,
                            organisation: &a.organisation,
                            place: &a.place,
                            assessor: &a.assessor,
                            date: a.date,
                            versions: ws.groups[g].versions.len(),
                            result: &m.outcome,
                            official: m.official.as_ref(),
                        }
                    })
                    .collect(),
                duplicates: ws
                    .duplicates
                    .iter()
                    .map(|(f, g)| JsonFile {
                        file: f.clone(),
                        same_as: Some(*g),
                        reason: None,
                    })
                    .collect(),
                refused: ws
                    .refused
                    .iter()
                    .map(|r| JsonFile {
                        file: r.source.clone(),
                        same_as: None,
                        reason: Some(agg_words::refusal(&r.why, lang, &|_| None)),
                    })
                    .collect(),
                view,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("aggregate serialises")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a PDF report to `out`, then says on stderr its pages and size, and the characters
/// no font could show.
fn write_report(report: &psea_assess::report::Report, out: &Path, lang: Lang) -> Result<(), Fail> {
    let o = out.display();
    std::fs::write(out, &report.bytes).map_err(|e| {
        io_fail(
            &e,
            lang,
            format!("impossible d’écrire {o}"),
            format!("cannot write {o}"),
        )
    })?;
    if !report.missing_chars.is_empty() {
        let list: String = report
            .missing_chars
            .iter()
            .map(|c| format!(" {c} (U+{:04X})", *c as u32))
            .collect();
        eprintln!(
            "{}{list}",
            t(
                lang,
                "attention\u{a0}: aucune police ne peut afficher ces caractères\u{202f}; ils apparaissent comme «\u{a0}?\u{a0}» dans le PDF\u{a0}:",
                "warning: no font can show these characters; they appear as “?” in the PDF:"
            )
        );
    }
    let (pages, bytes) = (report.pages, report.bytes.len());
    eprintln!(
        "{}",
        labelled(
            lang,
            &o.to_string(),
            &match lang {
                Lang::Fr => format!("{pages} page(s), {bytes} octets"),
                Lang::En => format!("{pages} page(s), {bytes} bytes"),
            }
        )
    );
    Ok(())
}

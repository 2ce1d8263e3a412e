//! The parts of the app fetched on demand, so the first load holds the home page only.
//!
//! Each `#[wasm_split(module)]` function is a split point: after the build,
//! `scripts/trunk-post-build.mjs` runs wasm-split, which moves these functions, and all the
//! code and data only they reach, into `split_<module>.wasm` (code shared between modules
//! goes to a `chunk_<n>.wasm` both depend on). The first call fetches the module; later
//! calls run at once. A fetch that fails (offline before the app was ever cached) gives
//! [`Unavailable`] and a later call tries again.
//!
//! - `library`: the bundled questionnaires, the engine's parser and validator, and placing
//!   an imported answers file;
//! - `fill`, `results`: the two pages behind the home page (`preload_fill` and
//!   `preload_results` fetch their modules ahead of time); `fill` also has the home page's
//!   cards of saved assessments and its messages about opened and imported files, views
//!   a first visit does not need before it can start (they compress better there, among
//!   views, than in `library`: 3.9 KB gzip against 6.7 KB more in all).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use super::i18n::{tr, K};
use crate::engine::answers::{place, AnswersFile};
use crate::engine::diagnostic::Msg;
use crate::engine::follow_up::{self, RecordedResult};
use crate::engine::scoring::score;
use crate::engine::{self, Questionnaire};
use crate::present::follow_up as present_follow_up;
use crate::present::message::answers_error;
use crate::present::placement::reasons;
use crate::present::Lang;

/// A module of the app could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct Unavailable;

impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

/// The questionnaires the app knows, and the [`Recorder`] (it scores, so it comes with them,
/// not in the first load).
pub type Library = (Vec<Arc<Questionnaire>>, Recorder);

/// The bundled questionnaires, then those the user opened (`opened`, TOML texts; each
/// replaces a bundled one with the same id).
#[wasm_split(library, fallible)]
pub fn library(opened: Vec<String>) -> Result<Library, Unavailable> {
    let mut lib: Vec<Arc<Questionnaire>> = Vec::new();
    let opened = opened.iter().map(String::as_str);
    for src in super::bundled::SOURCES.iter().copied().chain(opened) {
        if let Ok(q) = engine::load(src) {
            lib.retain(|x| x.id != q.id);
            lib.push(Arc::new(q));
        }
    }
    Ok((lib, follow_up::record))
}

/// A questionnaire file the user opened (`name`): the questionnaire, or each problem as
/// `<file>:<line>:<column>: <message>` in both languages.
#[wasm_split(library, fallible)]
pub fn read_questionnaire(
    name: String,
    text: String,
) -> Result<Result<Questionnaire, Vec<Msg>>, Unavailable> {
    Ok(engine::load(&text).map_err(|diags| {
        diags
            .iter()
            .map(|d| both(|l| d.render_in(&name, l)))
            .collect()
    }))
}

/// An imported file placed on its questionnaire: the file, how many answers were kept, and
/// each answer set aside with its reason.
pub type Placed = (AnswersFile, usize, Vec<Msg>);

/// Places an imported answers file on its questionnaire, or says why it cannot be (both
/// languages). Reached from [`import`] only, so it lives in this module.
pub fn placed(q: &Questionnaire, file: AnswersFile) -> Result<Placed, Msg> {
    match place(q, file) {
        Ok((file, p)) => {
            let set_aside = p
                .set_aside
                .iter()
                .map(|s| {
                    both(|l| format!("{} — {}", s.item, reasons(&s.why, &s.reason, &s.item, l)))
                })
                .collect();
            Ok((file, p.kept, set_aside))
        }
        Err(e) => Err(both(|l| answers_error(&e, l))),
    }
}

/// A message in both languages, shown in the one chosen (and again after a switch).
pub fn both(f: impl Fn(Lang) -> String) -> Msg {
    Msg {
        fr: f(Lang::Fr),
        en: f(Lang::En),
    }
}

/// Starts a new assessment of `q` (every item unanswered, dated today) and opens it.
#[wasm_split(library, fallible)]
pub fn start_new(state: super::AppState, q: Arc<Questionnaire>) -> Result<(), Unavailable> {
    let mut file = AnswersFile::template(&q);
    file.answers.clear();
    file.assessment.date = Some(super::today());
    super::home::open_new(state, file);
    Ok(())
}

/// Reads every stored assessment in full (see [`super::AppState::load_all`]).
#[wasm_split(library, fallible)]
pub fn load_all(state: super::AppState) -> Result<(), Unavailable> {
    state.load_all();
    Ok(())
}

/// Another tab erased everything: the full list is read again.
#[wasm_split(library, fallible)]
pub fn reload(state: super::AppState) -> Result<(), Unavailable> {
    state.load_all();
    Ok(())
}

/// Another tab changed (or deleted, `value` `None`) the stored assessment `id`.
#[wasm_split(library, fallible)]
pub fn changed_elsewhere(
    state: super::AppState,
    id: String,
    value: Option<String>,
) -> Result<(), Unavailable> {
    state.take_theirs(&id, value);
    Ok(())
}

/// The assessment `id` was deleted (`None`: every one was erased): the full list follows.
#[wasm_split(library, fallible)]
pub fn forget(state: super::AppState, id: Option<String>) -> Result<(), Unavailable> {
    state.assessments.update(|l| match &id {
        Some(id) => l.retain(|x| x.id != *id),
        None => l.clear(),
    });
    Ok(())
}

/// Renames the assessment `id`.
#[wasm_split(library, fallible)]
pub fn rename(state: super::AppState, id: String, name: String) -> Result<(), Unavailable> {
    state.update(&id, |x| x.name = name.trim().to_owned());
    Ok(())
}

/// Adds a copy of the assessment `id`, named « Copie de … ».
#[wasm_split(library, fallible)]
pub fn duplicate(state: super::AppState, id: String) -> Result<(), Unavailable> {
    let found = state
        .assessments
        .with_untracked(|l| l.iter().find(|x| x.id == id).cloned());
    if let Some(dup) = found {
        let mut copy = dup.clone();
        copy.id = super::browser::new_id();
        copy.rev = 0;
        // A copy is an assessment of its own: add() gives it a new stable id.
        copy.file.assessment.id.clear();
        copy.name = format!(
            "{} {}",
            state.t(K::CopyOf),
            super::home::display_name(&dup, state)
        );
        state.add(copy);
    }
    Ok(())
}

/// Exports the answers of the assessments `ids`, one file each: the names of the files
/// whose download started.
#[wasm_split(library, fallible)]
pub fn export(state: super::AppState, ids: Vec<String>) -> Result<Vec<String>, Unavailable> {
    let all = state.assessments.get_untracked();
    Ok(all
        .iter()
        .filter(|s| ids.contains(&s.id))
        .flat_map(|s| super::home::export(state, s))
        .collect())
}

/// Reads an imported answers file (see [`super::home`]'s `import`).
#[wasm_split(library, fallible)]
pub fn import(
    state: super::AppState,
    name: String,
    text: String,
) -> Result<super::home::Report, Unavailable> {
    Ok(super::home::import(state, name, &text))
}

/// The imported file that matched an assessment already here goes in its place (`true`) or
/// is added as a second assessment.
#[wasm_split(library, fallible)]
pub fn settle_import(
    state: super::AppState,
    existing: String,
    replace: bool,
) -> Result<(), Unavailable> {
    super::home::settle(state, existing, replace);
    Ok(())
}

/// What an assessment's home page card says beyond its name, in `lang`: its progress
/// ("answered / items shown"), its rating, the action plan's progress (empty without a
/// plan) and « Suivi de l'évaluation du … » (empty unless a follow-up). A list of strings,
/// a type the first load has code for already, so the card adds little to it.
#[wasm_split(library, fallible)]
pub fn card_lines(
    state: super::AppState,
    id: String,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<Vec<String>, Unavailable> {
    let file = state
        .assessments
        .with_untracked(|l| l.iter().find(|x| x.id == id).map(|x| x.file.clone()));
    let Some(file) = file else {
        return Ok(Vec::new());
    };
    let Some(q) = state.questionnaire(&file.questionnaire.id) else {
        return Ok(Vec::new());
    };
    let o = score(&q, &file);
    // Counted as the filling page's bar counts.
    let (answered, total) = crate::engine::condition::answered(&q, &file);
    let status = crate::present::outcome::result_status(&q, &o)
        .map(|st| st.label.get(lang.code()).to_owned());
    let rating = o
        .band
        .as_ref()
        .map(|b| b.label.get(lang.code()).to_owned())
        .or(o
            .passed
            .map(|p| tr(lang, if p { K::Passed } else { K::NotPassed }).to_owned()));
    // A status such as « Aucun contact avec les bénéficiaires » is stated first.
    let rating = match (status, rating) {
        (Some(st), Some(r)) => Some(format!("{st} — {r}")),
        (st, r) => r.or(st),
    };
    // The plan as the results page shows it: the user's entries and those it drafts from the
    // gaps on opening, so the card does not say « 0 sur 1 » where that page lists three.
    let mut plan = file.action_plan.clone();
    if !matches!(q.scoring.rule, crate::engine::model::Rule::Quiz(_)) {
        plan.extend(crate::engine::plan::draft(
            &q,
            &o,
            &file.action_plan,
            lang.code(),
        ));
    }
    let plan = if plan.is_empty() {
        String::new()
    } else {
        let (done, total, late) = follow_up::progress(&plan, today);
        present_follow_up::progress(done, total, late, lang)
    };
    let follow_up = file
        .baseline
        .as_ref()
        .map(|b| present_follow_up::follow_up_of(b.date, lang))
        .unwrap_or_default();
    Ok(vec![
        format!("{answered} / {total}"),
        rating.unwrap_or_else(|| "—".into()),
        plan,
        follow_up,
    ])
}

/// Starts a follow-up of the stored assessment `id` (answers and action plan carried, dated
/// today, its own ids) and opens it. Here rather than in the home page, so the first load
/// carries none of it.
#[wasm_split(library, fallible)]
pub fn open_follow_up(state: super::AppState, id: String) -> Result<(), Unavailable> {
    let baseline = state
        .assessments
        .with_untracked(|l| l.iter().find(|x| x.id == id).map(|x| x.file.clone()));
    if let Some(baseline) = baseline {
        super::home::open_new(state, follow_up::start(&baseline, super::today()));
    }
    Ok(())
}

/// The home page's views that only saved work and file actions need
/// ([`super::home::HomeViews`]).
#[wasm_split(fill, fallible)]
pub fn home_views() -> Result<super::home::HomeViews, Unavailable> {
    Ok(super::home::HomeViews {
        card: super::home::card,
        report: super::home::report_banner,
        damaged: super::home::damaged,
    })
}

/// What records, on each save, the result an assessment's questionnaire version gives it.
pub type Recorder = fn(&Questionnaire, &AnswersFile) -> RecordedResult;

/// A page of its own module: a function of the route that builds it ([`super::LazyPage`]
/// calls it once the module is fetched; each module's function builds its own page).
pub type Page = fn(super::Route) -> AnyView;

#[wasm_split(fill, fallible, preload(preload_fill))]
pub fn fill() -> Result<Page, Unavailable> {
    Ok(|route| match route {
        super::Route::Fill(id) => view! { <super::fill::Fill id=id/> }.into_any(),
        _ => ().into_any(),
    })
}

#[wasm_split(results, fallible, preload(preload_results))]
pub fn results() -> Result<Page, Unavailable> {
    Ok(|route| match route {
        super::Route::Results(id) => view! { <super::results::Results id=id/> }.into_any(),
        _ => ().into_any(),
    })
}

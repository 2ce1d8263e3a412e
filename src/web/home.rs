//! Home: the bundled questionnaires, "my assessments", opening a questionnaire file,
//! importing an answers file, and erasing this device's data.

use std::sync::Arc;

use leptos::prelude::*;

use super::i18n::{tr, K};
use super::lazy::{self, Unavailable};
use super::{browser, storage, AppState, CatalogueEntry, Head, LibraryState, Route, Stored};
use crate::engine::answers::AnswersFile;
use crate::engine::diagnostic::Msg;
use crate::present::date::written as french_date;
use crate::present::{labelled, quoted, Lang};
use lazy::both;

/// A message shown after a file was opened or imported.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Report {
    None,
    QuestionnaireAdded(String),
    QuestionnaireErrors(String, Vec<Msg>),
    Imported {
        name: String,
        kept: usize,
        set_aside: Vec<Msg>,
    },
    ImportFailed(Msg),
    /// The imported file is an assessment already on this device (same stable id, or for
    /// files without one the same questionnaire, organisation, date and answers): the user
    /// chooses to replace it or keep both. The file waits in the library module ([`PENDING`]).
    AlreadyHere {
        name: String,
        existing: String,
        kept: usize,
        set_aside: Vec<Msg>,
    },
    Replaced(String),
    Erased,
    /// The entries set aside as unreadable were deleted (after the user confirmed).
    SetAsideDropped,
    /// The module that reads questionnaires could not be fetched.
    Unavailable,
}

impl Report {
    /// Whether [`HomeViews::report`] shows it (the others are shown by [`ReportView`]).
    fn shown_lazily(&self) -> bool {
        !matches!(
            self,
            Report::None | Report::Unavailable | Report::Erased | Report::SetAsideDropped
        )
    }
}

/// Where on the home page a message shows: next to the control that caused it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum At {
    Start,
    Files,
    Erase,
    /// Under the alert about entries set aside (which goes once they are deleted).
    Damaged,
}

#[component]
pub fn Home() -> impl IntoView {
    let state = super::app_state();
    let report = RwSignal::new((At::Files, Report::None));
    // The cards and the messages about files come with the filling page's module (see
    // [`HomeViews`]): fetched at once when there are saved assessments, else once the library
    // is read (a first visit needs it first), and again for a message if it failed.
    // (Waiting for the library, not asking for it: it is read once this page is painted.)
    let views = LazyViews::new();
    Effect::new(move |_| {
        let ready = state.library_state.get() == LibraryState::Ready;
        if ready || !state.heads.with(Vec::is_empty) {
            views.fetch();
        }
    });
    let say = move |at: At, r: Report| {
        let lazy = r.shown_lazily();
        report.set((at, r));
        if lazy {
            views.fetch();
        }
    };
    // Starting needs the parsed questionnaire: a click before the library is read waits
    // for it.
    let start = move |qid: String| {
        leptos::task::spawn_local(async move {
            if state.ensure_library().await.is_err() {
                return say(At::Start, Report::Unavailable);
            }
            let Some(q) = state.questionnaire(&qid) else {
                return;
            };
            if lazy::start_new(state, q).await.is_err() {
                say(At::Start, Report::Unavailable);
            }
        });
    };
    let open_questionnaire = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, text)) = browser::read_picked(&ev).await else {
                return;
            };
            if state.ensure_library().await.is_err() {
                return say(At::Files, Report::Unavailable);
            }
            match lazy::read_questionnaire(name.clone(), text.clone()).await {
                Ok(Ok(q)) => {
                    let _ = storage::save_questionnaire(&q.id, &text);
                    let title = q.title.get(state.lang.get_untracked().code()).to_owned();
                    state.library.update(|l| {
                        l.retain(|x| x.id != q.id);
                        l.push(Arc::new(q));
                    });
                    say(At::Files, Report::QuestionnaireAdded(title));
                }
                Ok(Err(errors)) => say(At::Files, Report::QuestionnaireErrors(name, errors)),
                Err(Unavailable) => say(At::Files, Report::Unavailable),
            }
        });
    };
    let import_answers = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, text)) = browser::read_picked(&ev).await else {
                return;
            };
            if state.ensure_library().await.is_err() {
                return say(At::Files, Report::Unavailable);
            }
            say(
                At::Files,
                lazy::import(state, name, text)
                    .await
                    .unwrap_or(Report::Unavailable),
            );
        });
    };
    let erase_all = move |_| {
        if browser::confirm(state.t(K::ConfirmEraseAll)) {
            storage::erase_all();
            state.heads.set(Vec::new());
            if state.loaded() {
                leptos::task::spawn_local(async move {
                    let _ = lazy::forget(state, None).await;
                });
            }
            state.damaged.set(Vec::new());
            state.load_library();
            say(At::Erase, Report::Erased);
        }
    };

    view! {
        <h1>{state.text(K::AppName)}</h1>
        <p class="tagline">{state.text(K::Tagline)}</p>
        <super::StorageBanner/>
        // Entries set aside are found by the library's full read: the alert comes after it.
        {move || (!state.damaged.with(Vec::is_empty)).then(|| match views.get() {
            Some(Ok(v)) => (v.damaged)(report),
            _ => ().into_any(),
        })}
        <ReportView report=report views=views at=At::Damaged/>

        <Backup/>
        <section aria-labelledby="mine">
            <h2 id="mine" tabindex="-1">{state.text(K::MyAssessments)}</h2>
            // Built by the filling page's module (fetched at once): a first visit, with
            // nothing saved, does not fetch their code before it can start. Meanwhile each
            // card shows its name and the room it takes, so the page does not jump.
            {move || {
                let list = state.heads.get();
                if list.is_empty() {
                    return view! { <p>{state.text(K::NoAssessments)}</p> }.into_any();
                }
                let Some(Ok(v)) = views.get() else {
                    // Until the cards can be built, their names at least, under « Chargement… »
                    // or the message that the module could not be fetched.
                    let names = list.into_iter().map(|h| view! {
                        <li class="card pending"><h3>{h.display_name(state)}</h3></li>
                    }).collect_view();
                    let why = match views.get() {
                        Some(Err(Unavailable)) => views.unavailable("mine"),
                        _ => view! { <p role="status">{state.text(K::Loading)}</p> }.into_any(),
                    };
                    return view! { {why} <ul class="cards">{names}</ul> }.into_any();
                };
                view! { <ul class="cards">{list.into_iter().map(|h| (v.card)(h)).collect_view()}</ul> }.into_any()
            }}
        </section>

        <section aria-labelledby="qs">
            <h2 id="qs">{state.text(K::Questionnaires)}</h2>
            <ReportView report=report views=views at=At::Start/>
            <ul class="cards">
                {move || {
                    let lang = state.lang.get();
                    let l = lang.code();
                    // The catalogue until the library is read (it adds the opened files).
                    let entries: Vec<Entry> = if state.library_state.get() == LibraryState::Ready {
                        state.library.get().iter().map(|q| Entry {
                            id: q.id.clone(),
                            title: q.title.get(l).to_owned(),
                            purpose: q.purpose.get(l).to_owned(),
                            audience: q.audience.get(l).to_owned(),
                            minutes: i64::from(q.duration_minutes),
                            quiz: matches!(q.scoring.rule, crate::engine::model::Rule::Quiz(_)),
                        }).collect()
                    } else {
                        super::bundled::CATALOGUE.iter().map(|c| Entry {
                            id: c.id.to_owned(),
                            title: CatalogueEntry::text(c.title, l).to_owned(),
                            purpose: CatalogueEntry::text(c.purpose, l).to_owned(),
                            audience: CatalogueEntry::text(c.audience, l).to_owned(),
                            minutes: c.minutes,
                            quiz: c.quiz,
                        }).collect()
                    };
                    entries.into_iter().map(|e| {
                        let id = e.id.clone();
                        let start_key = if e.quiz { K::StartQuiz } else { K::Start };
                        view! {
                            <li class="card">
                                <h3>{e.title.clone()}</h3>
                                <p>{e.purpose}</p>
                                <p class="meta"><strong>{format!("{}{}", tr(lang, K::ForWhom), super::i18n::colon(lang))}</strong>{e.audience}</p>
                                <p class="meta">{format!("≈ {} {}", e.minutes, tr(lang, K::Minutes))}</p>
                                <button class="primary" aria-label=labelled(lang, tr(lang, start_key), &e.title)
                                    on:click=move |_| start(id.clone())>{tr(lang, start_key)}</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>

        <section aria-labelledby="files">
            <h2 id="files">{move || format!("{} / {}", state.t(K::OpenQuestionnaireFile), state.t(K::ImportAnswers))}</h2>
            <p>
                <label for="qfile">{state.text(K::OpenQuestionnaireFile)}</label>
                <input id="qfile" type="file" accept=".toml,text/plain" aria-describedby="qfile-hint" on:change=open_questionnaire/>
                <span id="qfile-hint" class="hint">{state.text(K::OpenQuestionnaireHint)}</span>
            </p>
            <p>
                <label for="afile">{state.text(K::ImportAnswers)}</label>
                <input id="afile" type="file" accept=".json,application/json" aria-describedby="afile-hint" on:change=import_answers/>
                <span id="afile-hint" class="hint">{state.text(K::ImportAnswersHint)}</span>
            </p>
            <p class="workspace-entry">
                <a href="#/workspace">{move || crate::present::aggregate::title(state.lang.get())}</a>
                <span class="hint">{state.text(K::WorkspaceHint)}</span>
            </p>
            <ReportView report=report views=views at=At::Files/>
        </section>

        <section aria-labelledby="erase" class="danger-zone">
            <h2 id="erase">{state.text(K::EraseAll)}</h2>
            <button class="danger" on:click=erase_all>{state.text(K::EraseAll)}</button>
            <ReportView report=report views=views at=At::Erase/>
        </section>
    }
}

/// Adds a new assessment (it gets its own ids) and opens its filling page.
pub(super) fn open_new(state: AppState, file: AnswersFile) {
    let s = Stored {
        id: browser::new_id(),
        name: String::new(),
        file,
        rev: 0,
    };
    let id = s.id.clone();
    state.add(s);
    state.go(Route::Fill(id));
}

thread_local! {
    /// An imported file that matched an assessment already here, while the user chooses.
    static PENDING: std::cell::RefCell<Option<AnswersFile>> = const { std::cell::RefCell::new(None) };
}

/// Reads an answers file the user picked and adds it, or says why not. Nothing is created
/// for a file that is not an answers file, names a questionnaire this device does not have,
/// or has no answer that fits it; an assessment already here asks first. Called by the
/// library module (read already), so the first load carries none of it.
pub(super) fn import(state: AppState, name: String, text: &str) -> Report {
    let failed =
        |why: &dyn Fn(Lang) -> String| Report::ImportFailed(both(|l| labelled(l, &name, &why(l))));
    let file = match AnswersFile::from_json(text) {
        Ok(f) => f,
        Err(e) => {
            let why = both(|l| crate::present::message::answers_error(&e, l));
            return failed(&|l| why.text(l).to_owned());
        }
    };
    let qid = file.questionnaire.id.clone();
    let Some(q) = state.questionnaire(&qid) else {
        return failed(&|l| format!("{} {}", tr(l, K::NoQuestionnaireFor), quoted(l, &qid)));
    };
    let (mut file, kept, set_aside) = match lazy::placed(&q, file) {
        Err(e) => return failed(&|l| e.text(l).to_owned()),
        Ok(placed) => placed,
    };
    if kept == 0 && !set_aside.is_empty() {
        return failed(&|l| format!("{} {}", tr(l, K::NoAnswerFits), quoted(l, &qid)));
    }
    if file.assessment.updated.is_none() {
        file.assessment.updated = Some(chrono::Utc::now());
    }
    let existing = state.assessments.with_untracked(|l| {
        l.iter()
            .find(|s| same_assessment(&s.file, &file))
            .map(|s| s.id.clone())
    });
    match existing {
        Some(existing) => {
            PENDING.with(|p| *p.borrow_mut() = Some(file));
            Report::AlreadyHere {
                name,
                existing,
                kept,
                set_aside,
            }
        }
        None => {
            state.add(Stored {
                id: browser::new_id(),
                name: String::new(),
                file,
                rev: 0,
            });
            Report::Imported {
                name,
                kept,
                set_aside,
            }
        }
    }
}

/// The imported file waiting ([`PENDING`]) replaces the assessment `existing` (keeping its
/// stable id when the file has none), or is added as an assessment of its own.
pub(super) fn settle(state: AppState, existing: String, replace: bool) {
    let Some(imported) = PENDING.with(|p| p.borrow().clone()) else {
        return;
    };
    if replace {
        state.update(&existing, move |s| {
            let id = std::mem::take(&mut s.file.assessment.id);
            s.file = imported;
            if s.file.assessment.id.is_empty() {
                s.file.assessment.id = id;
            }
        });
    } else {
        let mut copy = imported;
        // Two assessments now: the copy gets an id of its own.
        copy.assessment.id.clear();
        state.add(Stored {
            id: browser::new_id(),
            name: String::new(),
            file: copy,
            rev: 0,
        });
    }
}

/// Whether an imported file is an assessment already stored: the same stable id; for files
/// without one, the same questionnaire, organisation, date and answers.
fn same_assessment(stored: &AnswersFile, imported: &AnswersFile) -> bool {
    if !imported.assessment.id.is_empty() {
        return stored.assessment.id == imported.assessment.id;
    }
    stored.questionnaire.id == imported.questionnaire.id
        && stored.assessment.organisation == imported.assessment.organisation
        && stored.assessment.date == imported.assessment.date
        && stored.answers == imported.answers
}

/// A questionnaire as the home page lists it, in the current language.
struct Entry {
    id: String,
    title: String,
    purpose: String,
    audience: String,
    minutes: i64,
    quiz: bool,
}

/// The message of the last action, where it belongs (`at`); focus moves to it, so it is in
/// view and read out.
#[component]
fn ReportView(report: RwSignal<(At, Report)>, views: LazyViews, at: At) -> impl IntoView {
    let state = super::app_state();
    let id = match at {
        At::Start => "report-start",
        At::Files => "report-files",
        At::Erase => "report-erase",
        At::Damaged => "report-damaged",
    };
    Effect::new(move |_| {
        if report.with(|(a, r)| *a == at && *r != Report::None) {
            browser::focus(id);
        }
    });
    let body = move || {
        let (where_, r) = report.get();
        if where_ != at {
            return ().into_any();
        }
        let banner = |k: K| {
            view! { <div class="banner ok" role="status"><p>{state.text(k)}</p></div> }.into_any()
        };
        match r {
            Report::None => ().into_any(),
            Report::Unavailable => view! { <div class="banner error" role="alert"><p>{state.text(K::PageUnavailable)}</p></div> }.into_any(),
            Report::Erased => banner(K::Erased),
            Report::SetAsideDropped => banner(K::SetAsideDropped),
            // What follows a file read by the library module ([`HomeViews`]).
            r => match views.get() {
                Some(Ok(v)) => (v.report)(report, at, r),
                Some(Err(Unavailable)) => views.unavailable(id),
                None => view! { <p role="status">{state.text(K::Loading)}</p> }.into_any(),
            },
        }
    };
    view! { <div class="report" id=id tabindex="-1">{body}</div> }
}

/// The alert about entries set aside as unreadable, with their export and deletion
/// ([`HomeViews::damaged`]).
pub(super) fn damaged(report: RwSignal<(At, Report)>) -> AnyView {
    let state = super::app_state();
    view! {
        <div class="banner error" role="alert">
            <p>{move || {
                let keys = state.damaged.get();
                let shown: Vec<&str> = keys.iter().map(|k| storage::shown_key(k)).collect();
                labelled(state.lang.get(), state.t(K::CorruptKept), &shown.join(", "))
            }}</p>
            <div class="actions">
            <button on:click=move |_| {
                let text = storage::damaged_entries(&state.damaged.get_untracked());
                let name = crate::present::t(state.lang.get_untracked(), "psea-entrees-mises-de-cote.txt", "psea-set-aside-entries.txt");
                let _ = browser::download(name, "text/plain", text.as_bytes());
            }>{state.text(K::ExportSetAside)}</button>
            <button on:click=move |_| {
                if browser::confirm(state.t(K::ConfirmDropSetAside)) {
                    storage::drop_set_aside(&state.damaged.get_untracked());
                    state.damaged.set(Vec::new());
                    report.set((At::Damaged, Report::SetAsideDropped));
                }
            }>{state.text(K::DropSetAside)}</button>
            </div>
        </div>
    }
    .into_any()
}

/// The message of an action on a file (opened, imported, already here, replaced, failed),
/// for [`ReportView`] ([`HomeViews::report`]).
pub(super) fn report_banner(report: RwSignal<(At, Report)>, at: At, r: Report) -> AnyView {
    let state = super::app_state();
    let said = move |k: K, value: &str| labelled(state.lang.get(), state.t(k), value);
    match r {
        Report::QuestionnaireAdded(title) => view! {
            <div class="banner ok" role="status"><p>{move || said(K::QuestionnaireAdded, &title)}</p></div>
        }.into_any(),
        Report::QuestionnaireErrors(name, errors) => view! {
            <div class="banner error" role="alert">
                <p>{move || format!("{} ({name})", state.t(K::QuestionnaireErrors))}</p>
                <ul class="errors">{errors.into_iter().map(|e| view! {
                    <li><code>{move || e.text(state.lang.get()).to_owned()}</code></li>
                }).collect_view()}</ul>
            </div>
        }.into_any(),
        Report::Imported { name, kept, set_aside } => view! {
            <div class="banner ok" role="status">
                <p>{move || said(K::Imported, &crate::present::placement::imported(&name, kept, state.lang.get()))}</p>
                <SetAsideList set_aside=set_aside/>
            </div>
        }.into_any(),
        Report::AlreadyHere { name, existing, kept, set_aside } => {
            let (n1, n2) = (name.clone(), name.clone());
            let aside = set_aside.clone();
            let existing2 = existing.clone();
            let shown = state.heads.with_untracked(|l| {
                l.iter().find(|h| h.id == existing).map(|h| h.display_name(state))
            }).unwrap_or_default();
            view! {
                <div class="banner warn" role="alert">
                    <p>{move || said(K::AlreadyHere, &quoted(state.lang.get(), &shown))}</p>
                    <p class="actions">
                        <button class="primary" on:click=move |_| {
                            let (existing, n1) = (existing.clone(), n1.clone());
                            leptos::task::spawn_local(async move {
                                let done = lazy::settle_import(state, existing, true).await;
                                report.set((at, match done {
                                    Ok(()) => Report::Replaced(n1),
                                    Err(Unavailable) => Report::Unavailable,
                                }));
                            });
                        }>{state.text(K::Replace)}</button>
                        <button on:click=move |_| {
                            let (existing, n2, aside) = (existing2.clone(), n2.clone(), aside.clone());
                            leptos::task::spawn_local(async move {
                                let done = lazy::settle_import(state, existing, false).await;
                                report.set((at, match done {
                                    Ok(()) => Report::Imported { name: n2, kept, set_aside: aside },
                                    Err(Unavailable) => Report::Unavailable,
                                }));
                            });
                        }>{state.text(K::KeepBoth)}</button>
                    </p>
                </div>
            }.into_any()
        }
        Report::Replaced(name) => view! {
            <div class="banner ok" role="status"><p>{move || said(K::Replaced, &name)}</p></div>
        }.into_any(),
        Report::ImportFailed(msg) => view! { <div class="banner error" role="alert"><p>{move || msg.text(state.lang.get()).to_owned()}</p></div> }.into_any(),
        // Shown by ReportView itself.
        Report::None | Report::Unavailable | Report::Erased | Report::SetAsideDropped => ().into_any(),
    }
}

/// The answers an import set aside (kept in the file), if any.
#[component]
fn SetAsideList(set_aside: Vec<Msg>) -> impl IntoView {
    let state = super::app_state();
    (!set_aside.is_empty()).then(|| {
        view! {
            <p>{state.text(K::SetAside)}</p>
            <ul>{set_aside.into_iter().map(|s| view! { <li>{move || s.text(state.lang.get()).to_owned()}</li> }).collect_view()}</ul>
        }
    })
}

/// The home page's views that come with the filling page's module ([`lazy::home_views`]):
/// a saved assessment's card, the message of an action on a file, and the alert about
/// entries set aside. Plain function
/// pointers, called where the page is built, as if the views were here.
#[derive(Clone, Copy)]
pub(super) struct HomeViews {
    pub card: fn(Head) -> AnyView,
    pub report: fn(RwSignal<(At, Report)>, At, Report) -> AnyView,
    pub damaged: fn(RwSignal<(At, Report)>) -> AnyView,
}

/// The [`HomeViews`] as the home page waits for them: `None` while the module is on its way.
#[derive(Clone, Copy)]
struct LazyViews {
    views: RwSignal<Option<Result<HomeViews, Unavailable>>>,
    fetching: StoredValue<bool>,
    /// Where focus goes when a retry ends (its button is gone by then).
    focus_after: StoredValue<Option<&'static str>>,
}

impl LazyViews {
    fn new() -> Self {
        LazyViews {
            views: RwSignal::new(None),
            fetching: StoredValue::new(false),
            focus_after: StoredValue::new(None),
        }
    }

    fn get(&self) -> Option<Result<HomeViews, Unavailable>> {
        self.views.get()
    }

    /// Fetches the module, unless it is here or on its way.
    fn fetch(self) {
        if self.fetching.try_get_value() != Some(false)
            || matches!(self.views.get_untracked(), Some(Ok(_)))
        {
            return;
        }
        self.fetching.set_value(true);
        leptos::task::spawn_local(async move {
            let fetched = lazy::home_views().await;
            self.fetching.try_set_value(false);
            self.views.try_set(Some(fetched));
            if let Some(Some(id)) = self.focus_after.try_update_value(Option::take) {
                browser::focus(id);
            }
        });
    }

    /// « Could not be loaded » with « Try again », in place of what needs the module; after a
    /// retry, focus goes to `focus` (what the module then shows, or this message again).
    fn unavailable(self, focus: &'static str) -> AnyView {
        let state = super::app_state();
        view! {
            <div class="banner error" role="alert">
                <p>{state.text(K::PageUnavailable)}</p>
                <button on:click=move |_| {
                    self.focus_after.set_value(Some(focus));
                    self.fetch();
                }>{state.text(K::TryAgain)}</button>
            </div>
        }
        .into_any()
    }
}

/// A saved assessment's card ([`HomeViews::card`]).
pub(super) fn card(h: Head) -> AnyView {
    view! { <AssessmentCard h=h/> }.into_any()
}

/// An assessment on the home page, from its head (see [`storage::Head`]): what needs the
/// full answers file (progress, rating, export, follow-up, copy, rename) goes through the
/// library module. Every word follows the language switch at once.
#[component]
fn AssessmentCard(h: Head) -> impl IntoView {
    let state = super::app_state();
    let lang = move || state.lang.get();
    let qid = h.questionnaire.clone();
    // Title, progress and rating need the library; until it is read, the catalogue's title.
    let q = move || {
        state.library_state.track();
        state.questionnaire(&qid)
    };
    let qtitle = {
        let q = q.clone();
        let qid = h.questionnaire.clone();
        move || {
            let l = lang().code();
            q().map(|q| q.title.get(l).to_owned())
                .or_else(|| {
                    super::bundled::CATALOGUE
                        .iter()
                        .find(|c| c.id == qid)
                        .map(|c| CatalogueEntry::text(c.title, l).to_owned())
                })
                .unwrap_or_else(|| qid.clone())
        }
    };
    let name = {
        let h = h.clone();
        move || h.display_name(state)
    };
    let self_assessment = {
        let q = q.clone();
        move || q().is_some_and(|q| q.self_assessment)
    };
    // Computed by the library module, once it is read, in the language shown.
    // [progress, rating, plan progress, follow-up line] (see lazy::card_lines).
    let lines = RwSignal::new(vec!["…".to_owned(); 2]);
    let line = move |n: usize| lines.with(|l| l.get(n).cloned().unwrap_or_default());
    {
        let id = h.id.clone();
        Effect::new(move |_| {
            let lang = lang();
            if q().is_none() {
                return;
            }
            let id = id.clone();
            leptos::task::spawn_local(async move {
                match lazy::card_lines(state, id, lang, super::today()).await {
                    Ok(l) if !l.is_empty() => lines.set(l),
                    _ => {}
                }
            });
        });
    }
    // What needs the full answers file runs in the library module, once it is read; if that
    // module cannot be fetched, the user is told (nothing changed).
    let full = move |f: Box<dyn FnOnce() -> LocalFuture>| {
        leptos::task::spawn_local(async move {
            if state.ensure_library().await.is_ok() {
                f().await;
            } else {
                let _ = window().alert_with_message(state.t(K::PageUnavailable));
            }
        });
    };
    // A follow-up: a linked copy whose answers are carried from this one, made and opened
    // by the library module.
    let follow_up = {
        let id = h.id.clone();
        move |_| {
            let id = id.clone();
            full(Box::new(move || {
                Box::pin(async move {
                    let _ = lazy::open_follow_up(state, id).await;
                })
            }));
        }
    };
    let updated = h.updated;
    let changed = move || {
        updated
            .map(|d| french_date(d.date_naive(), lang()))
            .unwrap_or_default()
    };
    let (id1, id2, id3, id4, id5) = (
        h.id.clone(),
        h.id.clone(),
        h.id.clone(),
        h.id.clone(),
        h.id.clone(),
    );
    let exported = RwSignal::new(Vec::new());
    let labelled = {
        let name = name.clone();
        move |k: K| {
            let name = name.clone();
            move || labelled(lang(), state.t(k), &name())
        }
    };
    view! {
        <li class="card">
            <h3>{name.clone()}</h3>
            <p class="follow-up-of" hidden=move || line(3).is_empty()>{move || line(3)}</p>
            <dl>
                <dt>{state.text(K::Questionnaire)}</dt><dd>{qtitle}</dd>
                <dt>{state.text(K::LastChange)}</dt><dd>{changed}</dd>
                <dt>{state.text(K::Progress)}</dt><dd>{move || line(0)}</dd>
                <dt>{state.text(K::Rating)}</dt><dd>{move || line(1)}</dd>
                {move || {
                    let rated = !["—", "…"].contains(&line(1).as_str());
                    (rated && self_assessment()).then(|| view! { <dd class="self-assessment">{state.text(K::SelfAssessment)}</dd> })
                }}
            </dl>
            <p class="plan-progress" hidden=move || line(2).is_empty()>{move || line(2)}</p>
            <div class="actions">
                <button class="primary" aria-label=labelled(K::Open) on:click=move |_| state.go(Route::Fill(id1.clone()))>{state.text(K::Open)}</button>
                <button aria-label=labelled(K::Export) on:click=move |_| {
                    let id = id5.clone();
                    full(Box::new(move || Box::pin(async move {
                        if let Ok(names) = lazy::export(state, vec![id]).await {
                            exported.set(names);
                        }
                    })));
                }>{state.text(K::Export)}</button>
                <button aria-label=labelled(K::NewFollowUp) on:click=follow_up>{state.text(K::NewFollowUp)}</button>
                <button aria-label=labelled(K::Duplicate) on:click=move |_| {
                    let id = id4.clone();
                    full(Box::new(move || Box::pin(async move {
                        let _ = lazy::duplicate(state, id).await;
                    })));
                }>{state.text(K::Duplicate)}</button>
                <button aria-label=labelled(K::Rename) on:click=move |_| {
                    // Prefilled with the name shown on the card.
                    let current = state.heads.with_untracked(|l| l.iter().find(|x| x.id == id2).map(|x| x.display_name(state))).unwrap_or_default();
                    if let Some(new) = browser::prompt(state.t(K::NewName), &current) {
                        let id = id2.clone();
                        full(Box::new(move || Box::pin(async move {
                            let _ = lazy::rename(state, id, new).await;
                        })));
                    }
                }>{state.text(K::Rename)}</button>
                <button class="danger" aria-label=labelled(K::Delete) on:click=move |_| {
                    if browser::confirm(state.t(K::ConfirmDelete)) {
                        storage::delete(&id3);
                        state.heads.update(|l| l.retain(|x| x.id != id3));
                        if state.loaded() {
                            let id = id3.clone();
                            leptos::task::spawn_local(async move {
                                let _ = lazy::forget(state, Some(id)).await;
                            });
                        }
                    }
                }>{state.text(K::Delete)}</button>
            </div>
            <ExportStatus names=exported/>
        </li>
    }
}

/// An action of the card, run once the library (and the full list) is read.
type LocalFuture = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

/// Exports one assessment's answers; its file name when the download started.
pub(super) fn export(state: AppState, s: &Stored) -> Vec<String> {
    // Set again only when the download started (two exports may fall in the same millisecond).
    let before = state.last_export.get_untracked();
    state.last_export.set(None);
    super::export_answers(state, s);
    if state.last_export.get_untracked().is_some() {
        vec![super::answers_file_name(s)]
    } else {
        state.last_export.set(before);
        vec![]
    }
}

/// « ✓ File saved to downloads: name », where the export was asked for.
#[component]
fn ExportStatus(names: RwSignal<Vec<String>>) -> impl IntoView {
    let state = super::app_state();
    view! {
        <p class="export-status" role="status">{move || {
            let names = names.get();
            (!names.is_empty()).then(|| format!("✓ {}", labelled(state.lang.get(), state.t(K::ExportDone), &names.join(", "))))
        }}</p>
    }
}

/// Whether storage is persistent, when the last backup was exported, and a reminder when
/// assessments changed since.
#[component]
fn Backup() -> impl IntoView {
    let state = super::app_state();
    let exported = RwSignal::new(Vec::new());
    let stale = move || {
        let last = state.last_export.get();
        state.heads.with(|l| {
            l.iter().any(|s| match (s.updated, last) {
                (Some(u), Some(e)) => u > e,
                (_, None) => true,
                (None, Some(_)) => false,
            })
        })
    };
    view! {
        <section aria-labelledby="backup" class="backup">
            <h2 id="backup">{state.text(K::Backup)}</h2>
            <p>{move || match state.persisted.get() {
                Some(true) => state.t(K::Persisted),
                Some(false) => state.t(K::NotPersisted),
                None => "",
            }}</p>
            <p>{move || labelled(state.lang.get(), state.t(K::LastBackup), &state.last_export.get()
                .map(|d| french_date(d.date_naive(), state.lang.get()))
                .unwrap_or_else(|| state.t(K::Never).to_owned()))}</p>
            {move || stale().then(|| view! {
                <p class="warn" role="note">{state.text(K::BackupReminder)}</p>
            })}
            {move || state.heads.with(|l| !l.is_empty()).then(|| view! {
                <p class="actions"><button class="primary" on:click=move |_| {
                    // One answers file per assessment, each importable on its own.
                    let ids: Vec<String> = state.heads.with_untracked(|l| l.iter().map(|h| h.id.clone()).collect());
                    leptos::task::spawn_local(async move {
                        if state.ensure_library().await.is_ok() {
                            if let Ok(names) = lazy::export(state, ids).await {
                                exported.set(names);
                            }
                        }
                    });
                }>{state.text(K::ExportAll)}</button></p>
            })}
            <ExportStatus names=exported/>
        </section>
    }
}

/// The name a user gave, else the organisation, else "Untitled".
pub fn display_name(s: &Stored, state: AppState) -> String {
    name_or_organisation(&s.name, &s.file.assessment.organisation, state)
}

impl Head {
    /// The name shown on the card (see [`display_name`]).
    pub fn display_name(&self, state: AppState) -> String {
        name_or_organisation(&self.name, &self.organisation, state)
    }
}

fn name_or_organisation(name: &str, organisation: &str, state: AppState) -> String {
    if !name.trim().is_empty() {
        name.to_owned()
    } else if !organisation.trim().is_empty() {
        organisation.to_owned()
    } else {
        state.t(K::Untitled).to_owned()
    }
}

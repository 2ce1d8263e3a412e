//! The coordinator's workspace (#15): many partners' or sites' answers files of one
//! questionnaire brought in at once, and one picture of them (`engine::aggregate`), kept apart
//! from "my assessments".
//!
//! The whole page is a split point (`workspace`): nothing of it is in the first load.
//!
//! - Intake: `<input type=file multiple>` and a drop zone; files are read and added with
//!   [`Workspace::add`] 20 at a time, yielding to the browser between chunks, with a progress
//!   bar; then a summary of the workspace: assessments, duplicates folded (which files),
//!   files refused (each with its reason), and the versions awaiting the user's choice.
//! - Kept across reloads: the files brought in ({name, text}) and the version choices, under
//!   `psea:v1:ws:<questionnaire id>` (the `psea:` prefix, so « Effacer toutes mes données »
//!   removes it too). When storage refuses, the page says so and goes on in memory: that
//!   workspace is then held for as long as the browser tab is open ([`UNSTORED`]), through
//!   another questionnaire's workspace or another page and back.
//! - The views ([`views`]), filters and sorting, and the CSV exports.

mod views;
mod words;

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_split_helpers::wasm_split;

use super::i18n::K;
use super::lazy::Unavailable;
use super::AppState;
use crate::engine::aggregate::{Filter, Sort, Workspace};
use crate::engine::Questionnaire;
use crate::present::aggregate as says;
use crate::present::{labelled, Lang};
use words::{w, W};

/// The workspace page, from its own module (see [`super::lazy::Page`]).
#[wasm_split(workspace, fallible)]
pub fn page() -> Result<super::lazy::Page, Unavailable> {
    Ok(|_| {
        let state = super::app_state();
        view! { <WorkspacePage state=state/> }.into_any()
    })
}

/// Where a questionnaire's workspace is kept.
const PREFIX: &str = "psea:v1:ws:";
/// Files added between two yields to the browser (so the progress bar moves).
const CHUNK: usize = 20;

/// The page's state, shared by its parts.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: AppState,
    pub q: RwSignal<Option<Arc<Questionnaire>>>,
    /// The workspace; read through `rev` (raised after each batch, choice or clearing).
    pub ws: StoredValue<Workspace, LocalStorage>,
    pub rev: RwSignal<u32>,
    /// Every file brought in, in order ({name, text}): what is stored and rebuilt.
    files: StoredValue<Vec<(String, String)>, LocalStorage>,
    /// Files read so far / files in the batch, while a batch is read.
    progress: RwSignal<Option<(usize, usize)>>,
    /// Storage refused the workspace: it lives in memory only.
    unsaved: RwSignal<bool>,
    /// Raised when another questionnaire is chosen, so a batch under way for the old one stops.
    batch: StoredValue<u32>,
    pub filter: RwSignal<Filter>,
    pub sort: RwSignal<Sort>,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.state.lang.get()
    }

    /// The kept groups (the filter applied), in the chosen order.
    pub fn kept(&self) -> Vec<usize> {
        self.rev.track();
        let filter = self.filter.get();
        let sort = self.sort.get();
        let Some(q) = self.q.get() else {
            return Vec::new();
        };
        self.ws.with_value(|ws| ws.shown(&q, &filter, sort))
    }
}

/// The title in `lang` of the questionnaire `id` of the library (a refused file's), if there.
pub fn title_in(c: Ctx, id: &str, lang: Lang) -> Option<String> {
    c.state
        .questionnaire(id)
        .map(|q| q.title.get(lang.code()).to_owned())
}

/// A questionnaire's workspace as stored.
#[derive(Serialize, Deserialize, Default, Clone)]
struct Saved {
    files: Vec<SavedFile>,
    /// (group, version) the user chose, for groups with several versions.
    #[serde(default)]
    choices: Vec<(usize, usize)>,
}

#[derive(Serialize, Deserialize, Clone)]
struct SavedFile {
    name: String,
    text: String,
}

thread_local! {
    /// The questionnaire whose workspace this tab showed last: the page opens on it again.
    static LAST_SHOWN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Workspaces storage refused, by questionnaire id, and the count of « Effacer toutes mes
/// données » they were held under (`storage::erasures`).
type Held = (u32, Vec<(String, Saved)>);

thread_local! {
    /// The workspaces storage refused: kept for the tab's life, since the page promises them
    /// « tant que cette page est ouverte », and forgotten when all data is erased. Newer than
    /// a stored workspace of the same questionnaire, so they are brought back in its place.
    static UNSTORED: std::cell::RefCell<Held> = const { std::cell::RefCell::new((0, Vec::new())) };
}

/// The held workspaces, emptied first if all data was erased since they were held.
fn with_unstored<T>(f: impl FnOnce(&mut Vec<(String, Saved)>) -> T) -> T {
    UNSTORED.with_borrow_mut(|(erasures, all)| {
        let now = super::storage::erasures();
        if *erasures != now {
            all.clear();
            *erasures = now;
        }
        f(all)
    })
}

/// Holds `saved` in memory for `qid` when storage refused it; forgets the held copy when
/// storage took the workspace (or it is empty).
fn hold_unstored(qid: &str, saved: Option<Saved>) {
    with_unstored(|all| {
        all.retain(|(id, _)| id != qid);
        if let Some(saved) = saved.filter(|s| !s.files.is_empty()) {
            all.push((qid.to_owned(), saved));
        }
    });
}

/// The workspace storage refused for `qid`, if one is held.
fn unstored(qid: &str) -> Option<Saved> {
    with_unstored(|all| all.iter().find(|(id, _)| id == qid).map(|(_, s)| s.clone()))
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_saved(qid: &str) -> Saved {
    local()
        .and_then(|s| s.get_item(&format!("{PREFIX}{qid}")).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn has_saved(qid: &str) -> bool {
    local().is_some_and(|s| {
        s.get_item(&format!("{PREFIX}{qid}"))
            .ok()
            .flatten()
            .is_some()
    })
}

/// The versions the user chose: (group, version) for each group with several versions whose
/// choice was confirmed (as `Workspace::choose` takes them).
fn choices(ws: &Workspace) -> Vec<(usize, usize)> {
    ws.groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.versions.len() > 1 && g.agreed)
        .map(|(i, g)| (i, g.chosen))
        .collect()
}

/// Stores the workspace of the questionnaire shown (removes it when empty); says when
/// storage refuses, and then holds it in memory (`UNSTORED`).
fn save(c: Ctx) {
    let Some(q) = c.q.get_untracked() else {
        return;
    };
    let key = format!("{PREFIX}{}", q.id);
    let files: Vec<SavedFile> = c.files.with_value(|f| {
        f.iter()
            .map(|(name, text)| SavedFile {
                name: name.clone(),
                text: text.clone(),
            })
            .collect()
    });
    let choices = c.ws.with_value(choices);
    let saved = Saved { files, choices };
    // Storage blocked altogether (the app's banner says so) counts as refused.
    let ok = local().is_some_and(|storage| {
        if saved.files.is_empty() {
            storage.remove_item(&key).is_ok()
        } else {
            serde_json::to_string(&saved)
                .ok()
                .is_some_and(|json| storage.set_item(&key, &json).is_ok())
        }
    });
    let unsaved = !ok && !saved.files.is_empty();
    hold_unstored(&q.id, unsaved.then_some(saved));
    c.unsaved.set(unsaved);
}

/// Lets the browser draw (the progress bar) before the next chunk: a timer of 0 ms (Leptos's
/// own, so the first load gains no binding for it).
async fn tick() {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::ZERO,
    );
    let _ = wait.await;
}

/// A file to bring in: picked or dropped, or already read (a stored workspace).
enum Source {
    Picked(web_sys::File),
    Read(String, String),
}

/// A file being read (the files of a chunk are read side by side).
enum Reading {
    Done(String, String),
    Pending(String, wasm_bindgen_futures::JsFuture),
}

impl Reading {
    fn start(source: Source) -> Reading {
        match source {
            Source::Read(name, text) => Reading::Done(name, text),
            Source::Picked(file) => Reading::Pending(
                file.name(),
                wasm_bindgen_futures::JsFuture::from(file.text()),
            ),
        }
    }

    async fn text(self) -> (String, String) {
        match self {
            Reading::Done(name, text) => (name, text),
            Reading::Pending(name, text) => {
                let text = text
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    // Unreadable bytes: the workspace refuses the file with the reason.
                    .unwrap_or_default();
                (name, text)
            }
        }
    }
}

/// Adds `sources` to the workspace, CHUNK at a time with the progress shown, then applies
/// `choices` (a stored workspace's), stores it when `store` (and moves focus to the summary).
/// False when another questionnaire was chosen meanwhile (the batch stopped).
async fn bring_in(c: Ctx, sources: Vec<Source>, choices: Vec<(usize, usize)>, store: bool) -> bool {
    let Some(q) = c.q.get_untracked() else {
        return false;
    };
    let batch = c.batch.get_value();
    let total = sources.len();
    if total == 0 {
        return true;
    }
    c.progress.set(Some((0, total)));
    let mut done = 0;
    let mut sources = sources.into_iter().peekable();
    while sources.peek().is_some() {
        // The chunk's files are read side by side, then added in order.
        let reading: Vec<Reading> = sources.by_ref().take(CHUNK).map(Reading::start).collect();
        let mut chunk = Vec::with_capacity(reading.len());
        for r in reading {
            chunk.push(r.text().await);
        }
        if c.batch.get_value() != batch {
            return false;
        }
        c.ws.update_value(|ws| {
            for (name, text) in &chunk {
                ws.add(&q, name, text);
            }
        });
        done += chunk.len();
        c.files.update_value(|f| f.extend(chunk));
        c.progress.set(Some((done, total)));
        tick().await;
        if c.batch.get_value() != batch {
            return false;
        }
    }
    c.ws.update_value(|ws| {
        for (g, v) in choices {
            ws.choose(g, v);
        }
    });
    c.progress.set(None);
    c.rev.update(|n| *n += 1);
    if store {
        save(c);
        super::browser::focus("ws-summary");
    }
    true
}

/// Shows the workspace of `q`: the one held in memory if storage refused it (stored once
/// rebuilt, if storage takes it now), else the stored one, rebuilt.
fn open(c: Ctx, q: Option<Arc<Questionnaire>>) {
    c.batch.update_value(|n| *n += 1);
    c.ws.set_value(Workspace::default());
    c.files.set_value(Vec::new());
    c.progress.set(None);
    c.unsaved.set(false);
    c.filter.set(Filter::default());
    // The date fields are not bound to the filter (a field being typed into reads as empty
    // until its date is whole, and writing that back would wipe what is typed): cleared
    // with it here, or they would go on showing dates that no longer filter anything.
    for id in ["ws-f-from", "ws-f-to"] {
        if let Some(input) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
    }
    c.sort.set(Sort::Organisation);
    let qid = q.as_ref().map(|q| q.id.clone());
    LAST_SHOWN.set(qid.clone());
    c.q.set(q);
    c.rev.update(|n| *n += 1);
    if let Some(qid) = qid {
        let held = unstored(&qid);
        // Not stored: said at once, and the held copy stays until storage takes it.
        let from_memory = held.is_some();
        c.unsaved.set(from_memory);
        let saved = held.unwrap_or_else(|| load_saved(&qid));
        let sources = saved
            .files
            .into_iter()
            .map(|f| Source::Read(f.name, f.text))
            .collect();
        leptos::task::spawn_local(async move {
            // Stored only when rebuilt whole: another questionnaire may be chosen meanwhile.
            if bring_in(c, sources, saved.choices, false).await && from_memory {
                save(c);
            }
        });
    }
}

/// The files of a `FileList` (picked or dropped).
fn files_of(list: Option<web_sys::FileList>) -> Vec<Source> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(Source::Picked)
        .collect()
}

#[component]
fn WorkspacePage(state: AppState) -> impl IntoView {
    let c = Ctx {
        state,
        q: RwSignal::new(None),
        ws: StoredValue::new_local(Workspace::default()),
        rev: RwSignal::new(0),
        files: StoredValue::new_local(Vec::new()),
        progress: RwSignal::new(None),
        unsaved: RwSignal::new(false),
        batch: StoredValue::new(0),
        filter: RwSignal::new(Filter::default()),
        sort: RwSignal::new(Sort::Organisation),
    };
    // The questionnaire shown last in this tab, else one with a workspace held in memory or
    // stored, else the first of the library.
    let library = state.library.get_untracked();
    let last = LAST_SHOWN.with_borrow(|id| id.clone());
    let first = library
        .iter()
        .find(|q| Some(&q.id) == last.as_ref())
        .or_else(|| library.iter().find(|q| unstored(&q.id).is_some()))
        .or_else(|| library.iter().find(|q| has_saved(&q.id)))
        .or(library.first())
        .cloned();
    open(c, first);
    let choose_q = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        open(c, state.questionnaire(&id));
    };
    let options = move || {
        let l = c.lang().code();
        state
            .library
            .get()
            .iter()
            .map(|q| {
                let id = q.id.clone();
                view! { <option value=id.clone()>{q.title.get(l).to_owned()}</option> }
            })
            .collect_view()
    };
    super::browser::tab_title(|lang| says::title(lang).to_owned());
    view! {
        <h1>{move || says::title(c.lang())}</h1>
        <p class="hint">{move || w(c.lang(), W::Intro)}</p>
        <p class="field">
            <label for="ws-q">{move || w(c.lang(), W::Questionnaire)}</label>
            <select id="ws-q" on:change=choose_q prop:value=move || c.q.get().map(|q| q.id.clone()).unwrap_or_default()>
                {options}
            </select>
        </p>
        <Intake c=c/>
        <Summary c=c/>
        <views::Views c=c/>
    }
}

/// « Ajouter des fichiers » and the drop zone around it, and the progress of a batch.
#[component]
fn Intake(c: Ctx) -> impl IntoView {
    let over = RwSignal::new(false);
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let sources = files_of(input.files());
        // Let the same files be picked again.
        input.set_value("");
        leptos::task::spawn_local(async move {
            bring_in(c, sources, Vec::new(), true).await;
        });
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        // DataTransfer.files, read by name (no web-sys feature needed for it).
        let list = js_sys::Reflect::get(&ev, &"dataTransfer".into())
            .ok()
            .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()).ok())
            .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
        let sources = files_of(list);
        leptos::task::spawn_local(async move {
            bring_in(c, sources, Vec::new(), true).await;
        });
    };
    let lang = move || c.lang();
    view! {
        <section aria-labelledby="ws-add" class="ws-drop" class:over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=dropped>
            <h2 id="ws-add">{move || w(lang(), W::AnswersFiles)}</h2>
            <p class="field">
                <label for="ws-files">{move || w(lang(), W::AddFiles)}</label>
                <input id="ws-files" type="file" multiple accept=".json,application/json" aria-describedby="ws-files-hint" on:change=picked/>
                <span id="ws-files-hint" class="hint">{move || format!("{} — {}", w(lang(), W::AddHint), w(lang(), W::DropHere))}</span>
            </p>
            {move || c.progress.get().map(|(done, total)| view! {
                <p>
                    <progress id="ws-progress" max=total value=done aria-describedby="ws-progress-text"></progress>
                    " "
                    <span id="ws-progress-text" role="status">{format!("{done} / {total} {}", w(lang(), W::FilesRead))}</span>
                </p>
            })}
        </section>
    }
}

/// What the workspace holds: assessments, duplicates folded, files refused with their reason,
/// versions awaiting the user's choice; « Vider l’espace ».
#[component]
fn Summary(c: Ctx) -> impl IntoView {
    let state = c.state;
    let clear = move |_| {
        if super::browser::confirm(w(c.lang(), W::ConfirmClear)) {
            let q = c.q.get_untracked();
            c.files.set_value(Vec::new());
            save(c);
            open(c, q);
        }
    };
    let body = move || {
        c.rev.track();
        let lang = c.lang();
        let q = c.q.get()?;
        let files = c.files.with_value(|f| f.len());
        if files == 0 {
            return Some(view! { <p>{w(lang, W::Empty)}</p> }.into_any());
        }
        let view = c.ws.with_value(|ws| {
            let duplicates = (!ws.duplicates.is_empty()).then(|| {
                let items = ws
                    .duplicates
                    .iter()
                    .map(|(name, g)| {
                        let who = says::who(&q, &ws.groups[*g].member().file, lang);
                        view! { <li>{format!("{name} → {who}")}</li> }
                    })
                    .collect_view();
                view! {
                    <p>{says::duplicates(ws.duplicates.len(), lang)}</p>
                    <ul class="ws-files">{items}</ul>
                }
            });
            let refused = (!ws.refused.is_empty()).then(|| {
                let items = ws
                    .refused
                    .iter()
                    .map(|r| {
                        let why = says::refusal(&r.why, lang, &|id| title_in(c, id, lang));
                        view! { <li>{labelled(lang, &r.source, &why)}</li> }
                    })
                    .collect_view();
                view! {
                    <h3>{format!("{} ({})", says::refused_title(lang), ws.refused.len())}</h3>
                    <ul class="ws-files refused">{items}</ul>
                }
            });
            let pending: Vec<usize> = ws.pending().collect();
            let versions = (!pending.is_empty()).then(|| {
                let groups = pending
                    .into_iter()
                    .map(|g| {
                        let group = &ws.groups[g];
                        let who = says::who(&q, &group.member().file, lang);
                        let lines = group
                            .versions
                            .iter()
                            .enumerate()
                            .map(|(v, m)| {
                                let changed = m
                                    .file
                                    .assessment
                                    .updated
                                    .map(|d| {
                                        let local = d.with_timezone(&chrono::Local);
                                        format!(
                                            "{} {}",
                                            crate::present::date::written(local.date_naive(), lang),
                                            crate::present::date::time(&local)
                                        )
                                    })
                                    .unwrap_or_else(|| "—".to_owned());
                                let line = format!(
                                    "{} — {}",
                                    m.sources.join(", "),
                                    labelled(lang, super::i18n::tr(lang, K::LastChange), &changed)
                                );
                                let chosen = v == group.chosen;
                                let (label, class) = if v == 0 {
                                    (w(lang, W::KeepNewest), "primary")
                                } else {
                                    (w(lang, W::KeepThis), "")
                                };
                                view! {
                                    <li>
                                        <span>{line}</span>
                                        {chosen.then(|| format!(" ({})", w(lang, W::Chosen)))}
                                        " "
                                        <button class=class on:click=move |_| {
                                            c.ws.update_value(|ws| ws.choose(g, v));
                                            save(c);
                                            c.rev.update(|n| *n += 1);
                                        }>{label}</button>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <div class="ws-versions"><p><strong>{who}</strong></p><ul>{lines}</ul></div> }
                    })
                    .collect_view();
                view! {
                    <h3>{says::versions_title(lang)}</h3>
                    {groups}
                }
            });
            view! {
                <p class="ws-count">{says::assessments(&q, ws.groups.len(), lang)}</p>
                {duplicates}
                {refused}
                {versions}
            }
        });
        Some(view.into_any())
    };
    view! {
        <section aria-labelledby="ws-summary-title" id="ws-summary" tabindex="-1" class="report">
            <h2 id="ws-summary-title">{move || w(c.lang(), W::Received)}</h2>
            <Show when=move || c.unsaved.get()>
                <div class="banner error" role="alert"><p>{move || w(c.lang(), W::NotStored)}</p></div>
            </Show>
            {body}
            <Show when=move || { c.rev.track(); c.files.with_value(|f| !f.is_empty()) && c.progress.get().is_none() }>
                <p class="actions"><button class="danger" on:click=clear>{move || w(state.lang.get(), W::Clear)}</button></p>
            </Show>
        </section>
    }
}

//! The browser app: a thin Leptos layer over the engine.
//!
//! - [`i18n`]: every UI string in French and English, checked at compile time;
//! - [`storage`]: versioned localStorage keys, damaged entries set aside, never deleted;
//! - [`browser`]: downloads, file picking, the URL hash;
//! - [`home`], [`fill`], [`results`]: the three pages.
//!
//! Navigation uses the URL hash (`#/`, `#/a/<id>`, `#/a/<id>/results`) rather than paths,
//! so the app works on any static host, under a sub-path, with no server rewrite rules.

mod browser;
mod fill;
mod home;
pub mod i18n;
mod pdf;
mod results;
mod storage;

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::engine::{self, Questionnaire};
use crate::summary::Lang;
use i18n::{tr, K};
pub use storage::Stored;

/// The questionnaires shipped with the app, compiled in so they work offline.
const BUNDLED: [&str; 6] = [
    include_str!("../../questionnaires/unicef-psea-2020.toml"),
    include_str!("../../questionnaires/un-common-psea.toml"),
    include_str!("../../questionnaires/cash-transfer-sea-risk.toml"),
    include_str!("../../questionnaires/distribution-sea-risk.toml"),
    include_str!("../../questionnaires/programme-sea-risk-flags.toml"),
    include_str!("../../questionnaires/psea-training-quiz.toml"),
];

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Home,
    Fill(String),
    Results(String),
}

impl Route {
    fn from_hash(h: &str) -> Route {
        let parts: Vec<&str> = h
            .trim_start_matches('#')
            .trim_start_matches('/')
            .split('/')
            .collect();
        match parts.as_slice() {
            ["a", id] if !id.is_empty() => Route::Fill(id.to_string()),
            ["a", id, "results"] if !id.is_empty() => Route::Results(id.to_string()),
            _ => Route::Home,
        }
    }

    fn hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Fill(id) => format!("#/a/{id}"),
            Route::Results(id) => format!("#/a/{id}/results"),
        }
    }
}

/// Whether the last change reached storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    Saved,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub library: RwSignal<Vec<Arc<Questionnaire>>>,
    /// The TOML text of each questionnaire in the library, by id: what the PDF worker parses.
    pub sources: StoredValue<HashMap<String, Arc<str>>>,
    pub assessments: RwSignal<Vec<Stored>>,
    pub save_state: RwSignal<SaveState>,
    /// Keys of stored entries that could not be read and were set aside.
    pub damaged: RwSignal<Vec<String>>,
    /// A new version of the app is installed and waits for the user's go.
    pub update_ready: RwSignal<bool>,
    /// Whether the browser granted persistent storage (`None` until it answers).
    pub persisted: RwSignal<Option<bool>>,
    pub last_export: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
}

impl AppState {
    /// A UI string in the current language (reactive).
    pub fn t(&self, k: K) -> &'static str {
        tr(self.lang.get(), k)
    }

    pub fn questionnaire(&self, id: &str) -> Option<Arc<Questionnaire>> {
        self.library
            .with_untracked(|l| l.iter().find(|q| q.id == id).cloned())
    }

    pub fn go(&self, route: Route) {
        browser::set_hash(&route.hash());
        self.route.set(route);
    }

    /// Applies `f` to an assessment and saves it at once.
    pub fn update(&self, id: &str, f: impl FnOnce(&mut Stored)) {
        let mut changed = None;
        self.assessments.update(|list| {
            if let Some(s) = list.iter_mut().find(|s| s.id == id) {
                f(s);
                s.file.assessment.updated = Some(chrono::Utc::now());
                changed = Some(s.clone());
            }
        });
        if let Some(s) = changed {
            self.save_state.set(match storage::save(&s) {
                Ok(()) => SaveState::Saved,
                Err(e) => SaveState::Failed(e),
            });
        }
    }

    pub fn add(&self, s: Stored) {
        let result = storage::save(&s);
        self.assessments.update(|l| l.insert(0, s));
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
    }
}

type Library = (Vec<Arc<Questionnaire>>, HashMap<String, Arc<str>>);

/// The bundled questionnaires, then those the user opened (which replace a bundled one with
/// the same id), with their sources.
fn load_library() -> Library {
    let mut lib = Vec::new();
    let mut sources = HashMap::new();
    let opened = storage::load_questionnaires();
    let all = BUNDLED.iter().map(|s| Arc::<str>::from(*s));
    for src in all.chain(opened.into_iter().map(Arc::from)) {
        if let Ok(q) = engine::load(&src) {
            lib.retain(|x: &Arc<Questionnaire>| x.id != q.id);
            sources.insert(q.id.clone(), src);
            lib.push(Arc::new(q));
        }
    }
    (lib, sources)
}

#[component]
pub fn App() -> impl IntoView {
    let (assessments, damaged) = storage::load_assessments();
    let (library, sources) = load_library();
    let state = AppState {
        lang: RwSignal::new(storage::load_lang()),
        route: RwSignal::new(Route::from_hash(&browser::hash())),
        library: RwSignal::new(library),
        sources: StoredValue::new(sources),
        assessments: RwSignal::new(assessments),
        save_state: RwSignal::new(SaveState::Idle),
        damaged: RwSignal::new(damaged),
        update_ready: RwSignal::new(js_flag("pseaWaiting")),
        persisted: RwSignal::new(None),
        last_export: RwSignal::new(storage::last_export()),
    };
    provide_context(state);
    let _ = window_event_listener_untyped("psea-update", move |_| state.update_ready.set(true));
    // Ask the browser not to evict our data under storage pressure.
    leptos::task::spawn_local(async move {
        let Some(promise) = web_sys::window().and_then(|w| w.navigator().storage().persist().ok())
        else {
            return;
        };
        let granted = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool());
        state.persisted.set(Some(granted.unwrap_or(false)));
    });
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(Route::from_hash(&browser::hash()))
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        storage::save_lang(lang);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
    });

    view! {
        <a class="skip" href="#main" on:click=move |ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                let _ = m.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{move || state.t(K::SkipToContent)}</a>
        <header class="topbar">
            <button class="link brand" on:click=move |_| state.go(Route::Home)>{move || state.t(K::AppName)}</button>
            <SaveIndicator/>
            <label class="lang">
                <span>{move || state.t(K::Language)}</span>
                <select on:change=move |ev| {
                    state.lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Fr })
                } prop:value=move || state.lang.get().code().to_owned()>
                    <option value="fr">"Français"</option>
                    <option value="en">"English"</option>
                </select>
            </label>
        </header>
        <Show when=move || state.update_ready.get()>
            <div class="banner ok" role="status">
                <p>{move || state.t(K::UpdateReady)}</p>
                <button class="primary" on:click=move |_| call_js("pseaApplyUpdate")>{move || state.t(K::UpdateNow)}</button>
            </div>
        </Show>
        <main id="main" tabindex="-1">
            {move || match state.route.get() {
                Route::Home => view! { <home::Home/> }.into_any(),
                Route::Fill(id) => view! { <fill::Fill id=id/> }.into_any(),
                Route::Results(id) => view! { <results::Results id=id/> }.into_any(),
            }}
        </main>
    }
}

/// "Saved" after each change, or the storage error with what to do.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="save-state" role="status" aria-live="polite">
            {move || match state.save_state.get() {
                SaveState::Idle => String::new(),
                SaveState::Saved => format!("✓ {}", state.t(K::Saved)),
                SaveState::Failed(_) => format!("⚠ {}", state.t(K::SaveFailed)),
            }}
        </p>
    }
}

/// The storage error banner with an export button, shown on every page while saving fails.
#[component]
pub fn StorageBanner(#[prop(optional)] export: Option<Callback<()>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || matches!(state.save_state.get(), SaveState::Failed(_))>
            <div class="banner error" role="alert">
                <p>{move || state.t(K::StorageFailed)}</p>
                {export.map(|cb| view! {
                    <button on:click=move |_| cb.run(())>{move || state.t(K::ExportAnswers)}</button>
                })}
            </div>
        </Show>
    }
}

use browser::download;

/// Today's date on the device.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The answers file name: `<questionnaire>-<organisation>-<date>.json`.
pub fn answers_file_name(s: &Stored) -> String {
    let org: String = s
        .file
        .assessment
        .organisation
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let org = org.trim_matches('-');
    format!(
        "{}-{}-{}.json",
        s.file.questionnaire.id,
        if org.is_empty() { "organisation" } else { org },
        today()
    )
}

/// Downloads the answers file and remembers when, for the backup reminder.
pub fn export_answers(state: AppState, s: &Stored) {
    if download(
        &answers_file_name(s),
        "application/json",
        s.file.to_json().as_bytes(),
    )
    .is_ok()
    {
        let now = chrono::Utc::now();
        storage::set_last_export(now);
        state.last_export.set(Some(now));
    }
}

/// Whether `window[name]` is set (flags left by boot.js).
fn js_flag(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &name.into()).ok())
        .is_some_and(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `window[name]()` if boot.js defined it.
fn call_js(name: &str) {
    if let Some(f) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &name.into()).ok())
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}

use wasm_bindgen::JsCast;

//! Home: the bundled questionnaires, "my assessments", opening a questionnaire file,
//! importing an answers file, and erasing this device's data.

use std::sync::Arc;

use leptos::prelude::*;

use super::i18n::K;
use super::lazy::{self, Unavailable};
use super::{browser, storage, AppState, CatalogueEntry, LibraryState, Route, Stored};
use crate::engine::answers::AnswersFile;
use crate::summary::french_date;

/// A message shown after a file was opened or imported.
#[derive(Clone, Debug, PartialEq)]
enum Report {
    None,
    QuestionnaireAdded(String),
    QuestionnaireErrors(String, Vec<String>),
    Imported {
        name: String,
        kept: usize,
        set_aside: Vec<String>,
    },
    ImportFailed(String),
    Erased,
    /// The module that reads questionnaires could not be fetched.
    Unavailable,
}

#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = RwSignal::new(Report::None);
    // Starting needs the parsed questionnaire: a click before the library is read waits
    // for it.
    let start = move |qid: String| {
        leptos::task::spawn_local(async move {
            if state.ensure_library().await.is_err() {
                return report.set(Report::Unavailable);
            }
            let Some(q) = state.questionnaire(&qid) else {
                return;
            };
            let Ok(file) = lazy::new_answers(q, super::today()).await else {
                return report.set(Report::Unavailable);
            };
            let s = Stored {
                id: browser::new_id(),
                name: String::new(),
                file,
            };
            let id = s.id.clone();
            state.add(s);
            state.go(Route::Fill(id));
        });
    };
    let open_questionnaire = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, text)) = browser::read_picked(&ev).await else {
                return;
            };
            if state.ensure_library().await.is_err() {
                return report.set(Report::Unavailable);
            }
            match lazy::read_questionnaire(name.clone(), text.clone()).await {
                Ok(Ok(q)) => {
                    let _ = storage::save_questionnaire(&q.id, &text);
                    let title = q.title.get(state.lang.get_untracked().code()).to_owned();
                    state.sources.update_value(|m| {
                        m.insert(q.id.clone(), Arc::from(text.as_str()));
                    });
                    state.library.update(|l| {
                        l.retain(|x| x.id != q.id);
                        l.push(Arc::new(q));
                    });
                    report.set(Report::QuestionnaireAdded(title));
                }
                Ok(Err(errors)) => report.set(Report::QuestionnaireErrors(name, errors)),
                Err(Unavailable) => report.set(Report::Unavailable),
            }
        });
    };
    let import_answers = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some((name, text)) = browser::read_picked(&ev).await else {
                return;
            };
            let file = match AnswersFile::from_json(&text) {
                Ok(f) => f,
                Err(e) => return report.set(Report::ImportFailed(format!("{name}: {e}"))),
            };
            if state.ensure_library().await.is_err() {
                return report.set(Report::Unavailable);
            }
            let Some(q) = state.questionnaire(&file.questionnaire.id) else {
                let msg = format!(
                    "{name}{}{} {}",
                    super::i18n::colon(state.lang.get_untracked()),
                    state.t(K::NoQuestionnaireFor),
                    crate::present::quoted(state.lang.get_untracked(), &file.questionnaire.id)
                );
                return report.set(Report::ImportFailed(msg));
            };
            match lazy::place_answers(q, file).await {
                Err(Unavailable) => report.set(Report::Unavailable),
                Ok(Ok((file, placement))) => {
                    let set_aside = placement
                        .set_aside
                        .iter()
                        .map(|s| format!("{} — {}", s.item, s.reason))
                        .collect();
                    state.add(Stored {
                        id: browser::new_id(),
                        name: String::new(),
                        file,
                    });
                    report.set(Report::Imported {
                        name,
                        kept: placement.kept,
                        set_aside,
                    });
                }
                Ok(Err(e)) => report.set(Report::ImportFailed(format!("{name}: {e}"))),
            }
        });
    };
    let erase_all = move |_| {
        if browser::confirm(state.t(K::ConfirmEraseAll)) {
            storage::erase_all();
            state.assessments.set(Vec::new());
            state.damaged.set(Vec::new());
            state.load_library();
            report.set(Report::Erased);
        }
    };

    view! {
        <h1>{move || state.t(K::AppName)}</h1>
        <p class="tagline">{move || state.t(K::Tagline)}</p>
        <super::StorageBanner/>
        <Show when=move || !state.damaged.get().is_empty()>
            <div class="banner error" role="alert">
                <p>{move || format!("{}{}{}", state.t(K::CorruptKept), super::i18n::colon(state.lang.get()), state.damaged.get().join(", "))}</p>
                <button on:click=move |_| {
                    let all: Vec<String> = storage::set_aside_entries().into_iter().map(|(k, v)| format!("{k}\n{v}\n")).collect();
                    let _ = browser::download("psea-entrees-mises-de-cote.txt", "text/plain", all.join("\n").as_bytes());
                }>{move || state.t(K::ExportAnswers)}</button>
            </div>
        </Show>
        <ReportView report=report/>

        <Backup/>
        <section aria-labelledby="mine">
            <h2 id="mine">{move || state.t(K::MyAssessments)}</h2>
            {move || {
                let list = state.assessments.get();
                if list.is_empty() {
                    view! { <p>{state.t(K::NoAssessments)}</p> }.into_any()
                } else {
                    view! { <ul class="cards">{list.into_iter().map(|s| view! { <AssessmentCard s=s/> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>

        <section aria-labelledby="qs">
            <h2 id="qs">{move || state.t(K::Questionnaires)}</h2>
            <ul class="cards">
                {move || {
                    let l = state.lang.get().code();
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
                                <p class="meta"><strong>{move || format!("{}{}", state.t(K::ForWhom), super::i18n::colon(state.lang.get()))}</strong>{e.audience}</p>
                                <p class="meta">{format!("≈ {} {}", e.minutes, state.t(K::Minutes))}</p>
                                <button class="primary" aria-label=format!("{}{}{}", state.t(start_key), super::i18n::colon(state.lang.get_untracked()), e.title)
                                    on:click=move |_| start(id.clone())>{state.t(start_key)}</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>

        <section aria-labelledby="files">
            <h2 id="files">{move || format!("{} / {}", state.t(K::OpenQuestionnaireFile), state.t(K::ImportAnswers))}</h2>
            <p>
                <label for="qfile">{move || state.t(K::OpenQuestionnaireFile)}</label>
                <input id="qfile" type="file" accept=".toml,text/plain" aria-describedby="qfile-hint" on:change=open_questionnaire/>
                <span id="qfile-hint" class="hint">{move || state.t(K::OpenQuestionnaireHint)}</span>
            </p>
            <p>
                <label for="afile">{move || state.t(K::ImportAnswers)}</label>
                <input id="afile" type="file" accept=".json,application/json" aria-describedby="afile-hint" on:change=import_answers/>
                <span id="afile-hint" class="hint">{move || state.t(K::ImportAnswersHint)}</span>
            </p>
        </section>

        <section aria-labelledby="erase" class="danger-zone">
            <h2 id="erase">{move || state.t(K::EraseAll)}</h2>
            <button class="danger" on:click=erase_all>{move || state.t(K::EraseAll)}</button>
        </section>
    }
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

#[component]
fn ReportView(report: RwSignal<Report>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        match report.get() {
        Report::None => ().into_any(),
        Report::QuestionnaireAdded(title) => {
            view! { <div class="banner ok" role="status"><p>{format!("{}{}{title}", state.t(K::QuestionnaireAdded), super::i18n::colon(state.lang.get_untracked()))}</p></div> }.into_any()
        }
        Report::QuestionnaireErrors(name, errors) => view! {
            <div class="banner error" role="alert">
                <p>{format!("{} ({name})", state.t(K::QuestionnaireErrors))}</p>
                <ul class="errors">{errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        Report::Imported { name, kept, set_aside } => view! {
            <div class="banner ok" role="status">
                <p>{format!("{}{}{name} — {kept} ✓", state.t(K::Imported), super::i18n::colon(state.lang.get_untracked()))}</p>
                {(!set_aside.is_empty()).then(|| view! {
                    <p>{state.t(K::SetAside)}</p>
                    <ul>{set_aside.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                })}
            </div>
        }
        .into_any(),
        Report::ImportFailed(msg) => view! { <div class="banner error" role="alert"><p>{msg}</p></div> }.into_any(),
        Report::Unavailable => view! { <div class="banner error" role="alert"><p>{state.t(K::PageUnavailable)}</p></div> }.into_any(),
        Report::Erased => view! { <div class="banner ok" role="status"><p>{state.t(K::Erased)}</p></div> }.into_any(),
    }
    }
}

#[component]
fn AssessmentCard(s: Stored) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let l = lang.code();
    let qid = s.file.questionnaire.id.clone();
    // Title, progress and rating need the library; until it is read, the catalogue's title.
    let q = move || {
        state.library_state.track();
        state.questionnaire(&qid)
    };
    let qtitle = {
        let q = q.clone();
        let qid = s.file.questionnaire.id.clone();
        move || {
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
    let name = display_name(&s, state);
    let self_assessment = {
        let q = q.clone();
        move || q().is_some_and(|q| q.self_assessment)
    };
    // Computed by the library module, once it is read.
    let progress_rating = RwSignal::new(("…".to_owned(), "…".to_owned()));
    {
        let file = s.file.clone();
        Effect::new(move |_| {
            let Some(q) = q() else { return };
            let file = file.clone();
            leptos::task::spawn_local(async move {
                if let Ok(pr) = lazy::progress_and_rating(q, file, lang).await {
                    progress_rating.set(pr);
                }
            });
        });
    }
    let changed = s
        .file
        .assessment
        .updated
        .map(|d| french_date(d.date_naive(), lang))
        .unwrap_or_default();
    let (id1, id2, id3, id4) = (s.id.clone(), s.id.clone(), s.id.clone(), s.id.clone());
    let dup = s.clone();
    let exported = RwSignal::new(Vec::new());
    view! {
        <li class="card">
            <h3>{name.clone()}</h3>
            <dl>
                <dt>{state.t(K::Questionnaires)}</dt><dd>{qtitle}</dd>
                <dt>{state.t(K::LastChange)}</dt><dd>{changed}</dd>
                <dt>{state.t(K::Progress)}</dt><dd>{move || progress_rating.get().0}</dd>
                <dt>{state.t(K::Rating)}</dt><dd>{move || progress_rating.get().1}</dd>
                {move || {
                    let rated = !["—", "…"].contains(&progress_rating.get().1.as_str());
                    (rated && self_assessment()).then(|| view! { <dd class="self-assessment">{state.t(K::SelfAssessment)}</dd> })
                }}
            </dl>
            <div class="actions">
                <button class="primary" aria-label=format!("{}{}{name}", state.t(K::Open), super::i18n::colon(state.lang.get_untracked())) on:click=move |_| state.go(Route::Fill(id1.clone()))>{state.t(K::Open)}</button>
                <button aria-label=format!("{}{}{name}", state.t(K::Export), super::i18n::colon(state.lang.get_untracked())) on:click={
                    let s = s.clone();
                    move |_| exported.set(export(state, &s))
                }>{state.t(K::Export)}</button>
                <button aria-label=format!("{}{}{name}", state.t(K::Duplicate), super::i18n::colon(state.lang.get_untracked())) on:click=move |_| {
                    let mut copy = dup.clone();
                    copy.id = browser::new_id();
                    copy.name = format!("{} {}", state.t(K::CopyOf), display_name(&dup, state));
                    state.add(copy);
                }>{state.t(K::Duplicate)}</button>
                <button aria-label=format!("{}{}{name}", state.t(K::Rename), super::i18n::colon(state.lang.get_untracked())) on:click=move |_| {
                    // Prefilled with the name shown on the card.
                    let current = state.assessments.with_untracked(|l| l.iter().find(|x| x.id == id2).map(|x| display_name(x, state))).unwrap_or_default();
                    if let Some(new) = browser::prompt(state.t(K::NewName), &current) {
                        state.update(&id2, |x| x.name = new.trim().to_owned());
                    }
                }>{state.t(K::Rename)}</button>
                <button class="danger" aria-label=format!("{}{}{name}", state.t(K::Delete), super::i18n::colon(state.lang.get_untracked())) on:click=move |_| {
                    if browser::confirm(state.t(K::ConfirmDelete)) {
                        storage::delete(&id3);
                        state.assessments.update(|l| l.retain(|x| x.id != id4));
                    }
                }>{state.t(K::Delete)}</button>
            </div>
            <ExportStatus names=exported/>
        </li>
    }
}

/// Exports one assessment's answers; its file name when the download started.
fn export(state: AppState, s: &Stored) -> Vec<String> {
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
    let state = expect_context::<AppState>();
    view! {
        <p class="export-status" role="status">{move || {
            let names = names.get();
            (!names.is_empty()).then(|| format!("✓ {}{}{}", state.t(K::ExportDone), super::i18n::colon(state.lang.get()), names.join(", ")))
        }}</p>
    }
}

/// Whether storage is persistent, when the last backup was exported, and a reminder when
/// assessments changed since.
#[component]
fn Backup() -> impl IntoView {
    let state = expect_context::<AppState>();
    let exported = RwSignal::new(Vec::new());
    let stale = move || {
        let last = state.last_export.get();
        state.assessments.with(|l| {
            l.iter().any(|s| match (s.file.assessment.updated, last) {
                (Some(u), Some(e)) => u > e,
                (_, None) => true,
                (None, Some(_)) => false,
            })
        })
    };
    view! {
        <section aria-labelledby="backup" class="backup">
            <h2 id="backup">{move || state.t(K::Backup)}</h2>
            <p>{move || match state.persisted.get() {
                Some(true) => state.t(K::Persisted),
                Some(false) => state.t(K::NotPersisted),
                None => "",
            }}</p>
            <p>{move || format!("{}{}{}", state.t(K::LastBackup), super::i18n::colon(state.lang.get()), state.last_export.get()
                .map(|d| french_date(d.date_naive(), state.lang.get()))
                .unwrap_or_else(|| state.t(K::Never).to_owned()))}</p>
            <Show when=stale>
                <p class="warn" role="note">{move || state.t(K::BackupReminder)}</p>
            </Show>
            <Show when=move || state.assessments.with(|l| !l.is_empty())>
                <p class="actions"><button class="primary" on:click=move |_| {
                    // One answers file per assessment, each importable on its own.
                    let all = state.assessments.get_untracked();
                    exported.set(all.iter().flat_map(|s| export(state, s)).collect());
                }>{move || state.t(K::ExportAll)}</button></p>
            </Show>
            <ExportStatus names=exported/>
        </section>
    }
}

/// The name a user gave, else the organisation, else "Untitled".
pub fn display_name(s: &Stored, state: AppState) -> String {
    if !s.name.trim().is_empty() {
        s.name.clone()
    } else if !s.file.assessment.organisation.trim().is_empty() {
        s.file.assessment.organisation.clone()
    } else {
        state.t(K::Untitled).to_owned()
    }
}

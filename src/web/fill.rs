//! Filling an assessment. Each item is built once; its controls read and write the stored
//! answers reactively, so typing never re-creates an input. Conditional items appear and
//! disappear at once; every change is saved as it is made.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use serde_json::{json, Value as Json};
use wasm_bindgen::JsCast;

use super::browser::after_paint;
use super::i18n::{tr, K, P};
use super::{AppState, Route};
use crate::engine::answers::{place, Answer, AnswersFile, MeasureStatus, ResidualChoice, Unplaced};
use crate::engine::condition::{na_allowed, visible_items};
use crate::engine::edit;
use crate::engine::model::*;
use crate::engine::scoring::{score, Effect, Outcome};
use crate::engine::Questionnaire;
use crate::present::answer::{answer_label, item_name};
use crate::present::Lang;
use crate::present::{self, risk as present_risk};

/// Everything an item needs, as copyable handles.
///
/// Each item of the questionnaire has its own signal holding its answer, created when the
/// page opens (as the rows of Leptos' todomvc example): a control reads and writes only its
/// item's signal, so a keystroke touches one item. What depends on every answer (which
/// items are shown, progress, the live result) is derived once per change from the answers
/// as scoring sees them ([`Ctx::scored`]); a change of evidence or comment does not rescore.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: AppState,
    pub id: StoredValue<String>,
    pub q: StoredValue<Arc<Questionnaire>>,
    /// The assessment as stored, as it changes (the results page reads it; the filling page
    /// does not).
    pub file: Memo<AnswersFile>,
    /// One signal per item id (filling page only).
    answers: StoredValue<HashMap<String, RwSignal<Answer>>>,
    /// Per item, bumped when its answer was changed elsewhere (another tab) and taken in
    /// here: text fields then show the new text.
    outside: StoredValue<HashMap<String, RwSignal<u32>>>,
    /// The answers file as scoring reads it: rebuilt once when a value changes.
    pub scored: Memo<AnswersFile>,
    pub outcome: Memo<Outcome>,
    pub visible: Memo<HashSet<String>>,
    /// The item whose answer changed last (to say where revealed items come from).
    pub last_edit: StoredValue<String>,
    /// Items changed here whose save waits (a click's until the page is redrawn and idle, a
    /// text's until ~300 ms after the last keystroke), each with the number of its latest
    /// wait.
    pending: StoredValue<HashMap<String, u32>>,
    /// The assessment's details (organisation, assessor, place) typed and not saved yet.
    pending_details: StoredValue<Vec<(&'static str, String)>>,
    /// When [`Ctx::scored`] is derived again after a change.
    settle: Settle,
    /// Clicks' changes not applied yet: they wait for the next paint ([`Ctx::edit`]).
    queued: StoredValue<Queued, LocalStorage>,
}

/// What depends on every answer (shown items, progress, the live result) is derived again
/// once the control clicked or typed into has been redrawn: a change schedules one bump of
/// `settled` after the next paint (or within 100 ms if the page does not paint), so the
/// control answers at once and the rest follows a frame later. Changes schedule it
/// themselves ([`Ctx::change`], answers taken in from another tab): an effect watching
/// every item's value would drop and take again one subscription per item at each click.
#[derive(Clone, Copy)]
struct Settle {
    settled: RwSignal<u64>,
    scheduled: StoredValue<bool>,
}

impl Settle {
    fn new() -> Settle {
        Settle {
            settled: RwSignal::new(0),
            scheduled: StoredValue::new(false),
        }
    }

    fn track(&self) {
        self.settled.track();
    }

    fn schedule(&self) {
        if self.scheduled.try_get_value() != Some(false) {
            return;
        }
        self.scheduled.set_value(true);
        let this = *self;
        after_paint(move || {
            if this.scheduled.try_get_value() == Some(true) {
                this.now();
            }
        });
    }

    /// Derives again now; a bump already scheduled is then not needed.
    fn now(&self) {
        if self.scheduled.try_set_value(false).is_none() {
            self.settled.update(|n| *n += 1);
        }
    }
}

/// A click's change of one item, waiting for the next paint ([`Ctx::edit`]).
type Queued = Vec<(String, Box<dyn FnOnce(&mut Answer)>)>;

/// How long a typed text waits before it is saved.
const TEXT_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

impl Ctx {
    /// For the results page: everything read from the stored assessment, as it changes.
    pub fn new(state: AppState, id: String, q: Arc<Questionnaire>) -> Ctx {
        let sid = StoredValue::new(id);
        let file = stored_file(state, sid);
        Ctx::build(state, sid, q, file, file, HashMap::new(), Settle::new())
    }

    /// For the filling page: one signal per item, from `file` (the assessment's answers as
    /// stored, already placed against `q`).
    pub fn filling(state: AppState, id: String, q: Arc<Questionnaire>, file: &AnswersFile) -> Ctx {
        let sid = StoredValue::new(id);
        let mut signals = HashMap::new();
        let mut values = Vec::new();
        for (_, item) in q.items() {
            let answer = RwSignal::new(file.answers.get(&item.id).cloned().unwrap_or_default());
            // What scoring reads of the answer: value and validation, not evidence or text.
            let value = Memo::new(move |_| answer.with(scoring_view));
            signals.insert(item.id.clone(), answer);
            values.push((item.id.clone(), value));
        }
        let base = StoredValue::new(AnswersFile {
            answers: Default::default(),
            ..file.clone()
        });
        let settle = Settle::new();
        let scored = Memo::new(move |_| {
            settle.track();
            let mut f = base.get_value();
            f.answers = crate::engine::order::map(
                values
                    .iter()
                    .map(|(id, v)| (id.clone(), v.get_untracked()))
                    .filter(|(_, a)| *a != Answer::default()),
            );
            f
        });
        let file = stored_file(state, sid);
        Ctx::build(state, sid, q, file, scored, signals, settle)
    }

    fn build(
        state: AppState,
        sid: StoredValue<String>,
        q: Arc<Questionnaire>,
        file: Memo<AnswersFile>,
        scored: Memo<AnswersFile>,
        signals: HashMap<String, RwSignal<Answer>>,
        settle: Settle,
    ) -> Ctx {
        let outside = signals
            .keys()
            .map(|k| (k.clone(), RwSignal::new(0)))
            .collect();
        let qv = StoredValue::new(q);
        let visible = Memo::new(move |_| {
            let q = qv.get_value();
            scored.with(|f| {
                visible_items(&q, f)
                    .iter()
                    .map(|i| i.id.clone())
                    .collect::<HashSet<String>>()
            })
        });
        let outcome = Memo::new(move |_| {
            let q = qv.get_value();
            scored.with(|f| score(&q, f))
        });
        Ctx {
            state,
            id: sid,
            q: qv,
            file,
            answers: StoredValue::new(signals),
            outside: StoredValue::new(outside),
            scored,
            outcome,
            visible,
            last_edit: StoredValue::new(String::new()),
            pending: StoredValue::new(HashMap::new()),
            pending_details: StoredValue::new(Vec::new()),
            settle,
            queued: StoredValue::new_local(Vec::new()),
        }
    }

    fn lang(&self) -> Lang {
        self.state.lang.get()
    }

    fn signal(&self, item: &str) -> Option<RwSignal<Answer>> {
        self.answers.with_value(|m| m.get(item).copied())
    }

    /// Reads `item`'s answer, reactively (only that item's signal).
    fn answer<T>(&self, item: &str, f: impl FnOnce(Option<&Answer>) -> T) -> T {
        match self.signal(item) {
            Some(s) => s.with(|a| f(Some(a))),
            None => f(None),
        }
    }

    /// Tracks changes of `item` made elsewhere (for a text field's value).
    fn track_outside(&self, item: &str) {
        if let Some(n) = self.outside.with_value(|m| m.get(item).copied()) {
            n.track();
        }
    }

    /// Takes in answers changed elsewhere (another tab's change merged into the app's
    /// state), except where this page still has typing of its own to save.
    fn follow_outside_changes(&self) {
        let ctx = *self;
        leptos::prelude::Effect::new(move |_| {
            let id = ctx.id.get_value();
            ctx.state.assessments.with(|l| {
                let Some(s) = l.iter().find(|s| s.id == id) else {
                    return;
                };
                ctx.answers.with_value(|m| {
                    for (item, sig) in m {
                        if ctx.pending.with_value(|p| p.contains_key(item)) {
                            continue;
                        }
                        let stored = s.file.answers.get(item);
                        let differs = sig.with_untracked(|a| match stored {
                            Some(x) => x != a,
                            None => *a != Answer::default(),
                        });
                        if differs {
                            sig.set(stored.cloned().unwrap_or_default());
                            ctx.settle.schedule();
                            if let Some(n) = ctx.outside.with_value(|o| o.get(item).copied()) {
                                n.update(|n| *n += 1);
                            }
                        }
                    }
                })
            })
        });
    }

    /// The answer as it is now, without tracking (to fill a field once).
    fn answer_now<T>(&self, item: &str, f: impl FnOnce(Option<&Answer>) -> T) -> T {
        match self.signal(item) {
            Some(s) => s.with_untracked(|a| f(Some(a))),
            None => f(None),
        }
    }

    /// A change made by a click or a choice. The browser has already drawn the native
    /// control as ticked; the change itself (what the item shows of it, then what depends on
    /// every answer) is applied once that frame is painted, so a click reaches the screen
    /// without waiting for the app (the frame's style, layout and paint are the browser's
    /// alone). It is saved once the page has been redrawn and is idle (saving reads, merges,
    /// scores and writes the whole assessment: it must not stand between a click and what it
    /// shows). Leaving the page, closing or hiding the tab, exporting or opening the results
    /// save it first ([`Ctx::flush`]).
    pub fn edit(&self, item: &str, f: impl FnOnce(&mut Answer) + 'static) {
        self.queue(item, Box::new(f));
    }

    /// [`Ctx::edit`], once for every kind of change (one copy of the code, not one per caller).
    fn queue(&self, item: &str, f: Box<dyn FnOnce(&mut Answer)>) {
        let first = self
            .queued
            .try_update_value(|q| {
                q.push((item.to_owned(), f));
                q.len() == 1
            })
            .unwrap_or(false);
        let n = self.wait(item);
        let (ctx, item) = (*self, item.to_owned());
        if first {
            after_paint(move || {
                if ctx.apply_queued() {
                    ctx.settle.now();
                }
            });
        }
        when_idle(move || {
            if ctx.is_latest(&item, n) {
                ctx.flush();
            }
        });
    }

    /// Applies the clicks' changes still waiting, in order; whether there were any.
    fn apply_queued(&self) -> bool {
        let queued = self
            .queued
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let any = !queued.is_empty();
        for (item, f) in queued {
            self.change(&item, f);
        }
        any
    }

    /// A change made by typing: applied at once, saved once the typing pauses (and the page
    /// is idle).
    fn edit_typed(&self, item: &str, f: impl FnOnce(&mut Answer)) {
        self.apply_queued();
        self.change(item, f);
        self.save_typed(item);
    }

    /// Saves `item` once the typing pauses and the page is idle.
    fn save_typed(&self, item: &str) {
        let n = self.wait(item);
        let (ctx, item) = (*self, item.to_owned());
        set_timeout(
            move || {
                if ctx.is_latest(&item, n) {
                    when_idle(move || {
                        if ctx.is_latest(&item, n) {
                            ctx.flush();
                        }
                    });
                }
            },
            TEXT_SAVE_DELAY,
        );
    }

    /// Marks `item` as waiting to be saved; the number of this wait.
    fn wait(&self, item: &str) -> u32 {
        self.pending
            .try_update_value(|p| {
                let n = p.get(item).copied().unwrap_or(0) + 1;
                p.insert(item.to_owned(), n);
                n
            })
            .unwrap_or(0)
    }

    /// Whether wait `n` is still `item`'s latest (no later change, not saved since).
    fn is_latest(&self, item: &str, n: u32) -> bool {
        self.pending
            .try_with_value(|p| p.get(item).copied() == Some(n))
            .unwrap_or(false)
    }

    /// A detail of the assessment typed (organisation, assessor, place): saved like a text.
    fn edit_detail(&self, key: &'static str, value: String) {
        let _ = self.pending_details.try_update_value(|d| {
            d.retain(|(k, _)| *k != key);
            d.push((key, value));
        });
        self.save_typed(DETAILS);
    }

    fn change(&self, item: &str, f: impl FnOnce(&mut Answer)) {
        self.last_edit.set_value(item.to_owned());
        if let Some(s) = self.signal(item) {
            s.update(f);
            self.settle.schedule();
        }
    }

    /// Saves every change still waiting (answers and details) into the stored assessment,
    /// in one write. Called once the page is idle after a change, and before the page goes
    /// (another page, a reload, the tab closed or hidden), an export or the results.
    pub fn flush(&self) {
        self.apply_queued();
        let waiting: Vec<String> = self
            .pending
            .try_update_value(|p| p.drain().map(|(k, _)| k).collect())
            .unwrap_or_default();
        let details = self
            .pending_details
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let answers: Vec<(String, Answer)> = waiting
            .into_iter()
            .filter_map(|item| {
                let a = self.signal(&item).and_then(|s| s.try_get_untracked())?;
                Some((item, a))
            })
            .collect();
        if answers.is_empty() && details.is_empty() {
            return;
        }
        let Some(id) = self.id.try_get_value() else {
            return;
        };
        self.state.update(&id, move |s| {
            for (item, answer) in answers {
                s.file.answers.insert(item, answer);
            }
            for (key, v) in details {
                match key {
                    "organisation" => s.file.assessment.organisation = v,
                    "assessor" => s.file.assessment.assessor = v,
                    _ => s.file.assessment.place = v,
                }
            }
        });
    }
}

/// The pending key of the assessment's details (not an item id: ids are `[a-z0-9_]`).
const DETAILS: &str = "#details";

/// Runs `f` once the browser is idle (after the next paint), or within a second at the
/// latest; where `requestIdleCallback` is missing (Safari), after a short delay.
fn when_idle(f: impl FnOnce() + 'static) {
    let w = window();
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let ric = js_sys::Reflect::get(&w, &wasm_bindgen::JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match ric {
        Some(ric) => {
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"timeout".into(), &1000.into());
            let _ = ric.call2(&w, &cb, &opts);
        }
        None => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 50);
        }
    }
}

/// The stored answers file of assessment `sid`, as it changes.
fn stored_file(state: AppState, sid: StoredValue<String>) -> Memo<AnswersFile> {
    Memo::new(move |_| {
        let id = sid.get_value();
        state.assessments.with(|l| {
            l.iter()
                .find(|s| s.id == id)
                .map(|s| s.file.clone())
                .unwrap_or_default()
        })
    })
}

/// What scoring and conditions read of an answer.
fn scoring_view(a: &Answer) -> Answer {
    Answer {
        value: a.value.clone(),
        validated: a.validated,
        carried: a.carried,
        ..Answer::default()
    }
}

/// A label in whichever language is current.
type Label = Arc<dyn Fn(Lang) -> String + Send + Sync>;

fn text_label(t: &Text) -> Label {
    let t = t.clone();
    Arc::new(move |l| t.get(l.code()).to_owned())
}

fn key_label(k: P) -> Label {
    Arc::new(move |l| tr(l, k).to_owned())
}

#[component]
pub fn Fill(id: String) -> impl IntoView {
    let state = super::app_state();
    let Some(stored) = state
        .assessments
        .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
    else {
        return super::assessment_missing(state);
    };
    let Some(q) = state.questionnaire(&stored.file.questionnaire.id) else {
        let msg = format!(
            "{} {}",
            state.t(K::NoQuestionnaireFor),
            crate::present::quoted(state.lang.get_untracked(), &stored.file.questionnaire.id)
        );
        return view! { <p role="alert">{msg}</p> }.into_any();
    };
    // Placed against the questionnaire as it is now: what no longer fits is set aside
    // (shown at the top, kept in the file), and the placed file is saved.
    let file = match place(&q, stored.file.clone()) {
        // (A file only of an older schema is not rewritten for that alone.)
        Ok((placed, _))
            if placed.answers != stored.file.answers
                || placed.unplaced != stored.file.unplaced
                || placed.questionnaire != stored.file.questionnaire =>
        {
            let saved = placed.clone();
            state.update(&id, move |s| s.file = saved);
            placed
        }
        _ => stored.file,
    };
    let ctx = Ctx::filling(state, id.clone(), q.clone(), &file);
    ctx.follow_outside_changes();
    let unplaced = file.unplaced;
    let nav = Nav::new(ctx);
    provide_context(nav);
    let sections: Vec<Section> = q.sections.clone();
    let progress = Memo::new(move |_| {
        let q = ctx.q.get_value();
        let visible = ctx.visible.get();
        ctx.scored.with(|f| {
            crate::engine::condition::answered_by_section(&q, f, &visible)
                .into_iter()
                .map(|(s, done, total)| (s.to_owned(), (done, total)))
                .collect::<HashMap<String, (usize, usize)>>()
        })
    });
    // Typed text waiting to be saved is saved before the page goes (another page, a
    // reload, the tab closed).
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| ctx.flush());
    // A phone may end a hidden tab without `pagehide`: what waits is saved when it hides.
    let hiding = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            ctx.flush();
        }
    });
    // The form's bar says whether answers are saved; on a phone the header's copy is then
    // only for screen readers (`body.filling`, style/main.css).
    super::browser::body_class("filling", true);
    super::browser::tab_title(move |lang| {
        ctx.q.with_value(|q| q.title.get(lang.code()).to_owned())
    });
    on_cleanup(move || {
        ctx.flush();
        leaving.remove();
        hiding.remove();
        super::browser::body_class("filling", false);
    });
    let id_results = id.clone();
    // Opened from the home page (or reloaded): the page starts at its top, on its title;
    // where every section is shown (a wide screen), the view then goes on to the section the
    // user was in, which the section list names as current.
    let (first, kept) = (
        nav.shown.with_untracked(|s| s.first().copied()),
        nav.current.get_untracked(),
    );
    let heading = move |n: usize| {
        nav.order
            .with_value(|o| o.get(n).map(|s| format!("section-{}", s.0)))
    };
    let back_to = first
        .filter(|&f| f != kept)
        .and_then(|f| Some((heading(f)?, heading(kept)?)));
    focus_title(0, back_to);

    view! {
        <h1 id="fill-title" tabindex="-1">{move || ctx.q.with_value(|q| q.title.get(ctx.lang().code()).to_owned())}</h1>
        <super::StorageBanner export=Callback::new(move |_| {
            ctx.flush();
            let id = ctx.id.get_value();
            if let Some(s) = state.assessments.with_untracked(|l| l.iter().find(|s| s.id == id).cloned()) {
                super::export_answers(state, &s);
            }
        })/>
        {(!unplaced.is_empty()).then(|| view! { <SetAside ctx=ctx unplaced=unplaced/> })}
        <ConfirmAll ctx=ctx/>
        <FillBar ctx=ctx nav=nav progress=progress/>
        <nav aria-label=move || state.t(P::Sections) class="section-nav">
            <ol>
                {sections.iter().enumerate().map(|(n, s)| {
                    let sid2 = s.id.clone();
                    let title = text_label(&s.title);
                    view! {
                        <Show when=move || nav.shown.with(|v| v.contains(&n))>
                            <li>
                                <button class="link" id=format!("nav-{}", sid2) aria-current=move || (nav.current.get() == n).then_some("step")
                                    on:click=move |_| nav.go_section(n)>
                                    <span class="title">{let title = title.clone(); move || title(ctx.lang())}</span>
                                    " "
                                    <span class="progress">{let sid2 = sid2.clone(); move || progress.with(|p| p.get(&sid2).map(|(d, t)| format!("{d}/{t}")).unwrap_or_default())}</span>
                                </button>
                            </li>
                        </Show>
                    }
                }).collect_view()}
            </ol>
        </nav>
        <div class="fill-layout">
            <div class="items">
                <div class:elsewhere=move || nav.shown.with(|s| s.first().copied()) != Some(nav.current.get())>
                    <Details ctx=ctx/>
                </div>
                {sections.into_iter().enumerate().map(|(n, s)| view! { <SectionView ctx=ctx section=s index=n/> }).collect_view()}
            </div>
            <LiveResult ctx=ctx/>
        </div>
        <p class="actions">
            <button class="primary" on:click=move |_| { ctx.flush(); state.go(Route::Results(id_results.clone())) }>{move || state.t(P::SeeResults)}</button>
        </p>
    }
    .into_any()
}

/// Answers that no longer fit the questionnaire as revised: always shown at the top of the
/// page, open, with the item, the reason and the answer (they stay in the file and its
/// export).
#[component]
fn SetAside(ctx: Ctx, unplaced: std::collections::BTreeMap<String, Unplaced>) -> impl IntoView {
    let lang = move || ctx.lang();
    let entries: Vec<(String, Unplaced)> = unplaced.into_iter().collect();
    let count = entries.len();
    view! {
        <section class="set-aside" aria-labelledby="set-aside-title">
            <h2 id="set-aside-title">{move || present::placement::title(lang())}</h2>
            <details open>
                <summary>{move || match lang() {
                    Lang::Fr => format!("{count} réponse(s) ne correspondent plus au questionnaire\u{202f}; elles restent dans le fichier et dans son export"),
                    Lang::En => format!("{count} answer(s) no longer fit the questionnaire; they stay in the file and its export"),
                }}</summary>
                <ul>
                    {entries.into_iter().map(|(key, u)| {
                        let item = key.split('#').next().unwrap_or(&key).to_owned();
                        let u2 = u.clone();
                        view! {
                            <li>
                                <code>{item.clone()}</code>
                                " — "
                                {move || present::placement::reasons(&u.why, &u.reason, &item, lang())}
                                <br/>
                                {move || present::labelled(lang(), present::t(lang(), "Réponse", "Answer"), &present::placement::answer_text(&u2.answer, lang()))}
                                {format!(" (version {})", u2.from_version)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// Focuses the page title and shows the top of the page, once the page is in the document.
/// `back_to`: the first section's heading and the current one's; where the first is displayed
/// too (every section shown, a wide screen), the current one is brought into view.
fn focus_title(tries: u32, back_to: Option<(String, String)>) {
    let wait = std::time::Duration::from_millis(if tries == 0 { 0 } else { 20 });
    set_timeout(
        move || match document().get_element_by_id("fill-title") {
            Some(el) => {
                if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
                window().scroll_to_with_x_and_y(0.0, 0.0);
                let by_id = |id: &str| document().get_element_by_id(id);
                if let Some((first, current)) = back_to {
                    let all_shown = by_id(&first)
                        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                        .is_some_and(|h| h.offset_height() > 0);
                    if let Some(h) = by_id(&current).filter(|_| all_shown) {
                        h.scroll_into_view();
                    }
                }
            }
            None if tries < 100 => focus_title(tries + 1, back_to),
            None => {}
        },
        wait,
    );
}

/// Moves focus (and the view) to an element by id; whether it took focus.
pub fn focus(id: &str) -> bool {
    let Some(el) = document().get_element_by_id(id) else {
        return false;
    };
    el.scroll_into_view();
    let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() else {
        return false;
    };
    let _ = h.focus();
    document().active_element().is_some_and(|a| a.id() == id)
}

/// Focuses an element now if it can take focus, else once the page has been redrawn (a
/// section just switched to is not displayed yet).
fn focus_soon(id: String) {
    if !focus(&id) {
        set_timeout(
            move || {
                focus(&id);
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Where each assessment's current section is kept: localStorage, so that reopening an
/// assessment later (a reload, a new tab, the next day) returns to where the user was. A
/// section id says nothing sensitive; « erase all » removes it with the rest (`psea:` keys).
fn place_store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Where the user is: the current section (the only one shown on a narrow screen; kept, so
/// reopening the assessment comes back to it) and the items an answer just revealed.
#[derive(Clone, Copy)]
struct Nav {
    /// The section chosen last (index in the questionnaire).
    chosen: RwSignal<usize>,
    /// Each section's id, title and item ids, in order.
    order: StoredValue<Vec<(String, Text, Vec<String>)>>,
    /// The sections with at least one item shown.
    shown: Memo<Vec<usize>>,
    /// The section shown: the one chosen, or the nearest shown before it.
    current: Memo<usize>,
    /// The item whose answer revealed others, and those others.
    revealed: RwSignal<Option<(String, Vec<String>)>>,
}

impl Nav {
    fn new(ctx: Ctx) -> Nav {
        let order: Vec<(String, Text, Vec<String>)> = ctx.q.with_value(|q| {
            q.sections
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.title.clone(),
                        s.items.iter().map(|i| i.id.clone()).collect(),
                    )
                })
                .collect()
        });
        let key = format!("psea:v1:section:{}", ctx.id.get_value());
        let saved = place_store()
            .and_then(|s| s.get_item(&key).ok().flatten())
            .and_then(|sid| order.iter().position(|(s, _, _)| *s == sid))
            .unwrap_or(0);
        let order = StoredValue::new(order);
        let shown = Memo::new(move |_| {
            ctx.visible.with(|v| {
                order.with_value(|o| {
                    o.iter()
                        .enumerate()
                        .filter(|(_, (_, _, items))| items.iter().any(|i| v.contains(i)))
                        .map(|(n, _)| n)
                        .collect::<Vec<usize>>()
                })
            })
        });
        let chosen = RwSignal::new(saved);
        let current = Memo::new(move |_| {
            let c = chosen.get();
            shown.with(|s| {
                s.iter()
                    .rev()
                    .find(|&&n| n <= c)
                    .or(s.first())
                    .copied()
                    .unwrap_or(0)
            })
        });
        let revealed = RwSignal::new(None);
        leptos::prelude::Effect::new(move |prev: Option<HashSet<String>>| {
            let now = ctx.visible.get();
            if let Some(prev) = prev {
                let added: Vec<String> = order.with_value(|o| {
                    o.iter()
                        .flat_map(|(_, _, items)| items.iter())
                        .filter(|i| now.contains(*i) && !prev.contains(*i))
                        .cloned()
                        .collect()
                });
                if !added.is_empty() {
                    revealed.set(Some((ctx.last_edit.get_value(), added)));
                }
            }
            now
        });
        leptos::prelude::Effect::new(move |_| {
            let sid = order.with_value(|o| o.get(current.get()).map(|s| s.0.clone()));
            if let (Some(store), Some(sid)) = (place_store(), sid.clone()) {
                let _ = store.set_item(&key, &sid);
            }
            // On a narrow screen the section list is one scrolling row: bring the current
            // section's entry into it.
            let chip = sid.and_then(|sid| document().get_element_by_id(&format!("nav-{sid}")));
            if let Some(chip) = chip.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
                if let Some(row) = chip.closest("ol").ok().flatten() {
                    row.set_scroll_left(chip.offset_left() - 16);
                }
            }
        });
        Nav {
            chosen,
            order,
            shown,
            current,
            revealed,
        }
    }

    /// The shown section after (or before) `from`.
    fn neighbour(&self, from: usize, forward: bool) -> Option<usize> {
        self.shown.with(|s| {
            if forward {
                s.iter().find(|&&n| n > from).copied()
            } else {
                s.iter().rev().find(|&&n| n < from).copied()
            }
        })
    }

    fn title(&self, n: usize, lang: Lang) -> String {
        self.order.with_value(|o| {
            o.get(n)
                .map(|s| s.1.get(lang.code()).to_owned())
                .unwrap_or_default()
        })
    }

    /// Shows section `n` and moves focus to its heading.
    fn go_section(&self, n: usize) {
        self.chosen.set(n);
        if let Some(sid) = self.order.with_value(|o| o.get(n).map(|s| s.0.clone())) {
            focus_soon(format!("section-{sid}"));
        }
    }

    /// Shows the section of `item` and moves focus to the item.
    fn go_item(&self, item: &str) {
        if let Some(n) = self.order.with_value(|o| {
            o.iter()
                .position(|(_, _, items)| items.iter().any(|i| i == item))
        }) {
            self.chosen.set(n);
        }
        focus_soon(format!("item-{item}"));
    }
}

/// Always in view while filling: how many questions are answered, whether the last change
/// was saved, the rating once there is one, and the previous and next sections.
#[component]
fn FillBar(ctx: Ctx, nav: Nav, progress: Memo<HashMap<String, (usize, usize)>>) -> impl IntoView {
    let state = ctx.state;
    // The sections' counts added up: the bar and the section tabs count alike (the bar had
    // counted scored questions only, « 0 / 15 » over tabs saying « 3/5 »).
    let counts = move || {
        progress.with(|p| {
            let (done, total) = p.values().fold((0, 0), |(d, t), (sd, st)| (d + sd, t + st));
            format!("{done} / {total}")
        })
    };
    let band = move || {
        let lang = ctx.lang();
        let indicative = ctx.q.with_value(|q| q.self_assessment);
        ctx.outcome.with(|o| match (&o.band, o.passed) {
            (Some(b), _) if indicative => {
                present::outcome::indicative_rating(lang, b.label.get(lang.code()))
            }
            (Some(b), _) => b.label.get(lang.code()).to_owned(),
            (None, Some(p)) => tr(lang, if p { K::Passed } else { K::NotPassed }).to_owned(),
            _ => String::new(),
        })
    };
    let saved = move || match state.save_state.get() {
        super::SaveState::Idle if state.storage_blocked => {
            format!("⚠ {}", state.t(K::SavedInMemory))
        }
        super::SaveState::Idle => String::new(),
        super::SaveState::Saved => format!("✓ {}", state.t(P::SavedShort)),
        super::SaveState::Failed(_) => format!("⚠ {}", state.t(K::SaveFailed)),
    };
    let prev = move || nav.neighbour(nav.current.get(), false);
    let next = move || nav.neighbour(nav.current.get(), true);
    view! {
        <div class="fill-bar" role="region" aria-label=move || state.t(K::Progress)>
            <button class="step-button" aria-label=move || state.t(P::PreviousSection) title=move || state.t(P::PreviousSection)
                disabled=move || prev().is_none()
                on:click=move |_| if let Some(n) = prev() { nav.go_section(n) }>
                <span aria-hidden="true">"‹"</span>
            </button>
            <p class="bar-status">
                <span class="bar-count">{counts}" "{move || state.t(P::AnsweredShort)}</span>
                <span class="bar-saved">{saved}</span>
                <span class="bar-band">{band}</span>
            </p>
            <button class="step-button" aria-label=move || state.t(P::NextSection) title=move || state.t(P::NextSection)
                disabled=move || next().is_none()
                on:click=move |_| if let Some(n) = next() { nav.go_section(n) }>
                <span aria-hidden="true">"›"</span>
            </button>
        </div>
    }
}

/// Next to an answer that made other questions appear: which ones, and a way to go there.
#[component]
fn RevealNote(ctx: Ctx, nav: Nav, item: String) -> impl IntoView {
    let added = move || {
        let added = nav.revealed.with(|r| {
            r.as_ref()
                .filter(|(from, _)| *from == item)
                .map(|(_, a)| a.clone())
        })?;
        let still: Vec<String> = ctx
            .visible
            .with(|v| added.into_iter().filter(|i| v.contains(i)).collect());
        (!still.is_empty()).then_some(still)
    };
    view! {
        <div class="revealed" role="status">
            {move || added().map(|added| {
                let lang = ctx.lang();
                let q = ctx.q.get_value();
                let names: Vec<String> = added.iter().filter_map(|i| q.item(i)).map(|i| present::answer::shorten(&item_name(&q, i, lang), 60)).collect();
                let head = if added.len() == 1 {
                    tr(lang, P::QuestionAdded).to_owned()
                } else {
                    format!("{} {}", added.len(), tr(lang, P::QuestionsAdded))
                };
                let first = added[0].clone();
                view! {
                    <p>
                        {format!("{} — ", present::labelled(lang, &head, &names.join(present::list_sep(lang))))}
                        <button class="link" on:click=move |_| nav.go_item(&first)>{tr(lang, P::GoToQuestion)}</button>
                    </p>
                }
            })}
        </div>
    }
}

/// Organisation, assessor, place and date of the assessment.
#[component]
fn Details(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let initial = ctx.scored.with_untracked(|f| f.assessment.clone());
    // A quiz speaks of a participant and a session.
    let quiz = ctx
        .q
        .with_value(|q| matches!(q.scoring.rule, Rule::Quiz(_)));
    let k_of = move |k: P| super::i18n::worded(quiz, k);
    let field = move |key: &'static str, k: P, value: String| {
        let dom = format!("meta-{key}");
        view! {
            <p class="field">
                <label for=dom.clone()>{move || state.t(k_of(k))}</label>
                <input id=dom type="text" autocomplete="off" prop:value=value on:input=move |ev| {
                    ctx.edit_detail(key, event_target_value(&ev));
                }/>
            </p>
        }
    };
    let date = initial.date.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <section aria-labelledby="details" class="details">
            <h2 id="details">{move || state.t(k_of(P::AssessmentDetails))}</h2>
            {field("organisation", P::Organisation, initial.organisation.clone())}
            {field("assessor", P::Assessor, initial.assessor.clone())}
            {field("place", P::Place, initial.place.clone())}
            <p class="field">
                <label for="meta-date">{move || state.t(k_of(P::Date))}</label>
                <input id="meta-date" type="date" prop:value=date on:input=move |ev| {
                    let v = crate::present::date::from_iso(&event_target_value(&ev));
                    let id = ctx.id.get_value();
                    state.update(&id, |s| s.file.assessment.date = v);
                }/>
            </p>
        </section>
    }
}

#[component]
fn SectionView(ctx: Ctx, section: Section, index: usize) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let sid = section.id.clone();
    let title = text_label(&section.title);
    let intro = section.intro.as_ref().map(text_label);
    let items: Vec<Arc<Item>> = section.items.into_iter().map(Arc::new).collect();
    let any_visible = {
        let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
        move || ctx.visible.with(|v| ids.iter().any(|i| v.contains(i)))
    };
    view! {
        <Show when=any_visible.clone()>
            // Sections out of view are not laid out or painted (a long questionnaire's click
            // then redraws the sections in view only); set through CSSOM, which the CSP allows.
            <section class="q-section" class:elsewhere=move || nav.current.get() != index aria-labelledby=format!("section-{sid}")
                style:content-visibility="auto" style:contain-intrinsic-block-size="auto 1500px">
                <h2 id=format!("section-{sid}") tabindex="-1">{let title = title.clone(); move || title(ctx.lang())}</h2>
                {intro.clone().map(|i| view! { <p class="intro">{move || i(ctx.lang())}</p> })}
                {items.iter().map(|item| {
                    let shown_id = item.id.clone();
                    let item = item.clone();
                    view! {
                        <Show when=move || ctx.visible.with(|v| v.contains(&shown_id))>
                            <ItemView ctx=ctx item=item.clone()/>
                        </Show>
                    }
                }).collect_view()}
                {move || nav.neighbour(index, true).map(|n| view! {
                    <p class="section-next">
                        <button class="primary" on:click=move |_| nav.go_section(n)>
                            {move || format!("{} ›", present::labelled(ctx.lang(), ctx.state.t(P::NextSection), &nav.title(n, ctx.lang())))}
                        </button>
                    </p>
                })}
            </section>
        </Show>
    }
}

#[component]
fn ItemView(ctx: Ctx, item: Arc<Item>) -> impl IntoView {
    let iid = item.id.clone();
    let dom = format!("item-{}", item.id);
    let text = text_label(&item.text);
    let guidance = item.guidance.as_ref().map(text_label);
    let control = match &item.kind {
        ItemKind::Scale { choices, na } => {
            let opts: Vec<(Json, Label)> = choices.iter().map(|c| (json!(c.id), text_label(&c.label))).collect();
            radios_na(ctx, item.clone(), text.clone(), opts, *na)
        }
        ItemKind::Choice { choices } => {
            let opts: Vec<(Json, Label)> = choices.iter().map(|c| (json!(c.id), text_label(&c.label))).collect();
            view! { <Radios ctx=ctx item=iid.clone() field=None legend=text.clone() options=opts/> }.into_any()
        }
        ItemKind::YesNo { partial, na } => {
            let mut opts: Vec<(Json, Label)> = vec![(json!(YES), key_label(P::Yes)), (json!(NO), key_label(P::No))];
            if *partial {
                opts.push((json!(PARTIAL), key_label(P::Partly)));
            }
            radios_na(ctx, item.clone(), text.clone(), opts, *na)
        }
        ItemKind::TrueFalse { na } => {
            let opts: Vec<(Json, Label)> = vec![(json!(true), key_label(P::True)), (json!(false), key_label(P::False))];
            radios_na(ctx, item.clone(), text.clone(), opts, *na)
        }
        ItemKind::Checklist { options, other } => {
            let mut opts: Vec<(String, Label)> = options.iter().map(|c| (c.id.clone(), text_label(&c.label))).collect();
            if *other {
                let own = item.other_label.as_ref().map(text_label);
                opts.push((OTHER.to_owned(), own.unwrap_or_else(|| key_label(P::OtherOption))));
            }
            view! { <Checks ctx=ctx item=iid.clone() legend=text.clone() options=opts target=CheckTarget::Value/> }.into_any()
        }
        ItemKind::Text { multiline } => view! { <TextInput ctx=ctx item=item.clone() label=text.clone() multiline=*multiline kind="text"/> }.into_any(),
        ItemKind::Number { .. } => view! { <TextInput ctx=ctx item=item.clone() label=text.clone() multiline=false kind="number"/> }.into_any(),
        ItemKind::Date => view! { <TextInput ctx=ctx item=item.clone() label=text.clone() multiline=false kind="date"/> }.into_any(),
        ItemKind::Risk { mitigations, na, category } => {
            view! { <RiskControl ctx=ctx item=iid.clone() text=text.clone() mitigations=mitigations.clone() na=*na category=category.clone()/> }.into_any()
        }
    };
    // A quiz answer is locked once validated.
    let control = if item.correct.is_some() {
        quiz_lock(ctx, &iid, control)
    } else {
        control
    };
    // « How to rate » only where something is rated; a text, number or date field's guidance
    // is a plain hint.
    let rated = !matches!(
        item.kind,
        ItemKind::Text { .. } | ItemKind::Number { .. } | ItemKind::Date
    );
    let evidence: Vec<(String, Label)> = item
        .evidence
        .iter()
        .map(|c| (c.id.clone(), text_label(&c.label)))
        .chain(item.evidence_other.then(|| {
            let own = item.evidence_other_label.as_ref().map(text_label);
            (
                OTHER.to_owned(),
                own.unwrap_or_else(|| key_label(P::OtherEvidence)),
            )
        }))
        .collect();
    let comment = item.comment;
    let quiz = item.correct.is_some();
    let nav = expect_context::<Nav>();
    view! {
        <div class="item" id=dom tabindex="-1">
            {control}
            <CarriedMark ctx=ctx item=iid.clone()/>
            // « Valider », then the verdict, right under the choices.
            {quiz.then(|| view! { <QuizFeedback ctx=ctx item=item.clone()/> })}
            <RevealNote ctx=ctx nav=nav item=iid.clone()/>
            {guidance.map(|g| if rated {
                view! {
                    <details class="guidance">
                        <summary>{move || ctx.state.t(P::Guidance)}</summary>
                        <p>{move || g(ctx.lang())}</p>
                    </details>
                }.into_any()
            } else {
                view! { <p class="hint field-hint">{move || g(ctx.lang())}</p> }.into_any()
            })}
            {(!evidence.is_empty()).then(|| {
                let legend = key_label(P::Evidence);
                view! { <Checks ctx=ctx item=iid.clone() legend=legend options=evidence target=CheckTarget::Evidence/> }
            })}
            {comment.then(|| view! { <CommentBox ctx=ctx item=iid.clone()/> })}
        </div>
    }
}

/// Radios with N/A after `base` when the item offers it. An item with `na_if` offers N/A only
/// while its condition holds (UN standard 8: only when no allegation was received); the
/// choice list follows the answers.
fn radios_na(
    ctx: Ctx,
    item: Arc<Item>,
    legend: Label,
    base: Vec<(Json, Label)>,
    na: bool,
) -> AnyView {
    let with_na = |mut opts: Vec<(Json, Label)>| {
        opts.push((json!(NA), key_label(P::NotApplicable)));
        opts
    };
    let iid = item.id.clone();
    match (na, item.na_if.is_some()) {
        (true, true) => {
            let it = item.clone();
            let allowed = Memo::new(move |_| {
                let q = ctx.q.get_value();
                ctx.scored.with(|f| na_allowed(&q, f, &it))
            });
            (move || {
                let opts = if allowed.get() { with_na(base.clone()) } else { base.clone() };
                view! { <Radios ctx=ctx item=iid.clone() field=None legend=legend.clone() options=opts/> }
            })
            .into_any()
        }
        (true, false) => {
            view! { <Radios ctx=ctx item=iid field=None legend=legend options=with_na(base)/> }
                .into_any()
        }
        _ => view! { <Radios ctx=ctx item=iid field=None legend=legend options=base/> }.into_any(),
    }
}

/// One choice among several, as native radio buttons in a fieldset named by the question.
#[component]
fn Radios(
    ctx: Ctx,
    item: String,
    field: Option<Axis>,
    legend: Label,
    options: Vec<(Json, Label)>,
    /// A row of numbered steps (a 1–5 scale) with the chosen step's label under it.
    #[prop(optional)]
    steps: bool,
) -> impl IntoView {
    let name = format!("{}-{}", item, field.map_or("v", Axis::name));
    if steps {
        return steps_view(ctx, item, field, legend, options, name).into_any();
    }
    view! {
        <fieldset class="choices">
            <legend>{move || legend(ctx.lang())}</legend>
            {options.into_iter().enumerate().map(|(n, (v, label))| {
                let dom = format!("{name}-{n}");
                view! {
                    <label class="choice" for=dom.clone()>
                        {radio(ctx, &item, field, &name, dom.clone(), v)}
                        <span>{move || label(ctx.lang())}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// Whether an answer holds `v` (its value, or a risk's level on `field`).
fn holds(a: Option<&Answer>, field: Option<Axis>, v: &Json) -> bool {
    match field {
        None => a.is_some_and(|a| a.value == *v),
        Some(axis) => edit::risk_level(a, axis).map(u64::from) == v.as_u64(),
    }
}

/// One native radio bound to `item` (or one axis of a risk), checked while it holds `v`.
fn radio(
    ctx: Ctx,
    item: &str,
    field: Option<Axis>,
    name: &str,
    dom: String,
    v: Json,
) -> impl IntoView {
    let (item_r, item_w, v_r) = (item.to_owned(), item.to_owned(), v.clone());
    view! {
        <input type="radio" id=dom name=name.to_owned()
            prop:checked=move || ctx.answer(&item_r, |a| holds(a, field, &v_r))
            on:change=move |_| ctx.edit(&item_w, {
                let v = v.clone();
                move |a| match field {
                    None => edit::set_value(a, v),
                    Some(axis) => {
                        if let Some(level) = v.as_u64().and_then(|n| u8::try_from(n).ok()) {
                            edit::set_risk_level(a, axis, level);
                        }
                    }
                }
            })/>
    }
}

/// A scale as a row of numbered segments: native radios (arrow keys move along the row),
/// each named by its full label; under the row, the chosen step's label, or the two ends of
/// the scale while none is chosen.
fn steps_view(
    ctx: Ctx,
    item: String,
    field: Option<Axis>,
    legend: Label,
    options: Vec<(Json, Label)>,
    name: String,
) -> impl IntoView {
    let labels: Vec<Label> = options.iter().map(|(_, l)| l.clone()).collect();
    let values: Vec<Json> = options.iter().map(|(v, _)| v.clone()).collect();
    let item_c = item.clone();
    let chosen = move || ctx.answer(&item_c, |a| values.iter().position(|x| holds(a, field, x)));
    let chosen_c = chosen.clone();
    let shown = move || {
        let lang = ctx.lang();
        match chosen_c() {
            Some(n) => labels[n](lang),
            None => match (labels.first(), labels.last()) {
                (Some(a), Some(b)) => format!("{} … {}", a(lang), b(lang)),
                _ => String::new(),
            },
        }
    };
    view! {
        <fieldset class="choices steps">
            <legend>{move || legend(ctx.lang())}</legend>
            <div class="step-row">
                {options.into_iter().enumerate().map(|(n, (v, label))| {
                    let dom = format!("{name}-{n}");
                    view! {
                        <label class="step" for=dom.clone()>
                            {radio(ctx, &item, field, &name, dom.clone(), v)}
                            <span class="step-number" aria-hidden="true">{n + 1}</span>
                            <span class="sr-only">{move || label(ctx.lang())}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="step-label" class:unset=move || chosen().is_none()>{shown}</p>
        </fieldset>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CheckTarget {
    /// The item's own answer (a checklist).
    Value,
    /// The evidence ticks.
    Evidence,
}

fn ticked(a: Option<&Answer>, target: CheckTarget) -> Vec<String> {
    match target {
        CheckTarget::Value => edit::ticked(a),
        CheckTarget::Evidence => a.map(|a| a.evidence.clone()).unwrap_or_default(),
    }
}

/// Tick boxes; "other" opens a text field to describe it.
#[component]
fn Checks(
    ctx: Ctx,
    item: String,
    legend: Label,
    options: Vec<(String, Label)>,
    target: CheckTarget,
) -> impl IntoView {
    let prefix = format!(
        "{item}-{}",
        match target {
            CheckTarget::Value => "c",
            CheckTarget::Evidence => "e",
        }
    );
    let item_other = item.clone();
    let has_other = options.iter().any(|(id, _)| id == OTHER);
    view! {
        <fieldset class="checks">
            <legend>{move || legend(ctx.lang())}</legend>
            {options.into_iter().map(|(opt, label)| {
                let dom = format!("{prefix}-{opt}");
                let label_for = dom.clone();
                let (item_r, item_w, opt_r) = (item.clone(), item.clone(), opt.clone());
                view! {
                    <label class="choice" for=label_for>
                        <input type="checkbox" id=dom
                            prop:checked=move || ctx.answer(&item_r, |a| ticked(a, target).contains(&opt_r))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let opt = opt.clone();
                                ctx.edit(&item_w, move |a| match target {
                                    CheckTarget::Value => edit::toggle_option(a, &opt, on),
                                    CheckTarget::Evidence => edit::toggle_evidence(a, &opt, on),
                                });
                            }/>
                        <span>{move || label(ctx.lang())}</span>
                    </label>
                }
            }).collect_view()}
            {has_other.then(|| {
                let dom = format!("{prefix}-other-text");
                let item_r = item_other.clone();
                let initial = ctx.answer_now(&item_other, |a| a.and_then(|a| match target {
                    CheckTarget::Evidence => a.evidence_other.clone(),
                    _ => a.other.clone(),
                })).unwrap_or_default();
                view! {
                    <Show when=move || ctx.answer(&item_r, |a| ticked(a, target).iter().any(|x| x == OTHER))>
                        <p class="field">
                            <label for=dom.clone()>{move || ctx.state.t(P::Describe)}</label>
                            <input type="text" id=dom.clone() prop:value=initial.clone() on:input={
                                let item = item_other.clone();
                                move |ev| {
                                    let v = event_target_value(&ev);
                                    ctx.edit_typed(&item, |a| match target {
                                        CheckTarget::Evidence => edit::set_evidence_other(a, &v),
                                        _ => edit::set_other(a, &v),
                                    });
                                }
                            }/>
                        </p>
                    </Show>
                }
            })}
        </fieldset>
    }
}

/// Free text, a number or a date. The value is set once from the answer, so the caret
/// never jumps; text is saved once the typing pauses. A number that does not fit its item
/// (type and range, the engine's one rule) is said next to the field and not stored as a
/// number; the typed text stays in the field.
#[component]
fn TextInput(
    ctx: Ctx,
    item: Arc<Item>,
    label: Label,
    multiline: bool,
    kind: &'static str,
) -> impl IntoView {
    let iid = item.id.clone();
    let dom = format!("{iid}-input");
    // Why the number typed is refused, if it is.
    let misfit = RwSignal::new(None::<edit::NumberMisfit>);
    // Set from the answer when the page opens and when another tab changed it; never while
    // typing (the caret stays where it is).
    let initial = {
        let iid = iid.clone();
        move || {
            ctx.track_outside(&iid);
            if misfit.get_untracked().is_some() {
                misfit.set(None);
            }
            ctx.answer_now(&iid, |a| match kind {
                "number" => edit::number_text(a),
                _ => a
                    .and_then(|a| a.value.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            })
        }
    };
    let number_kind = item.kind.clone();
    let write = move |raw: String| {
        let item = iid.clone();
        match kind {
            "number" => {
                let mut refused = None;
                ctx.edit_typed(&item, |a| {
                    refused = edit::set_number(a, &number_kind, &raw).err()
                });
                if misfit.get_untracked() != refused {
                    misfit.set(refused);
                }
            }
            "date" => ctx.edit(&item, move |a| edit::set_date(a, &raw)),
            _ => ctx.edit_typed(&item, |a| edit::set_text(a, &raw)),
        }
    };
    let msg_id = format!("{}-number-msg", item.id);
    let expected = {
        let kind = item.kind.clone();
        move || number_expected(&kind, ctx.lang())
    };
    view! {
        <p class="field">
            <label for=dom.clone() class="question">{move || label(ctx.lang())}</label>
            {if multiline {
                view! { <textarea id=dom rows="4" prop:value=initial on:input=move |ev| write(event_target_value(&ev))></textarea> }.into_any()
            } else if kind == "number" {
                // Text, not type=number: the browser would hide what it cannot read.
                let mode = match item.kind {
                    ItemKind::Number { integer: true, min: Some(m), .. } if m >= 0.0 => "numeric",
                    _ => "decimal",
                };
                view! {
                    <input id=dom type="text" inputmode=mode autocomplete="off" prop:value=initial
                        aria-invalid=move || misfit.get().map(|_| "true")
                        aria-describedby=msg_id.clone()
                        on:input=move |ev| write(event_target_value(&ev))/>
                    <span id=msg_id class="field-error" aria-live="polite">
                        {move || misfit.get().map(|_| format!("⚠ {}", expected()))}
                    </span>
                }.into_any()
            } else {
                view! { <input id=dom type=kind prop:value=initial on:input=move |ev| write(event_target_value(&ev))/> }.into_any()
            }}
        </p>
    }
}

/// What a number item expects, in words: « Nombre entier de 0 à 1000000 attendu ».
fn number_expected(kind: &ItemKind, lang: Lang) -> String {
    let ItemKind::Number { min, max, integer } = kind else {
        return String::new();
    };
    let n = |x: &f64| present::number::number(*x, lang);
    let what = match (integer, lang) {
        (true, Lang::Fr) => "Nombre entier",
        (false, Lang::Fr) => "Nombre",
        (true, Lang::En) => "A whole number",
        (false, Lang::En) => "A number",
    };
    let range = match (min, max, lang) {
        (Some(a), Some(b), Lang::Fr) => format!(" de {} à {}", n(a), n(b)),
        (Some(a), Some(b), Lang::En) => format!(" from {} to {}", n(a), n(b)),
        (Some(a), None, Lang::Fr) => format!(" d’au moins {}", n(a)),
        (Some(a), None, Lang::En) => format!(" of at least {}", n(a)),
        (None, Some(b), Lang::Fr) => format!(" d’au plus {}", n(b)),
        (None, Some(b), Lang::En) => format!(" of at most {}", n(b)),
        (None, None, _) => String::new(),
    };
    match lang {
        Lang::Fr => format!("{what}{range} attendu"),
        Lang::En => format!("{what}{range} expected"),
    }
}

#[component]
fn CommentBox(ctx: Ctx, item: String) -> impl IntoView {
    let dom = format!("{item}-comment");
    let hint = format!("{item}-comment-hint");
    let comment = {
        let item = item.clone();
        move || {
            ctx.track_outside(&item);
            ctx.answer_now(&item, |a| a.and_then(|a| a.comment.clone()))
                .unwrap_or_default()
        }
    };
    // Folded until asked for; open when there is a comment already.
    let open = ctx.answer_now(&item, |a| a.is_some_and(|a| a.comment.is_some()));
    view! {
        <details class="comment" open=open>
            <summary>{move || ctx.state.t(P::AddComment)}</summary>
            <p class="field">
                <label for=dom.clone()>{move || ctx.state.t(P::Comment)}</label>
                <textarea id=dom rows="2" aria-describedby=hint.clone() prop:value=comment on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.edit_typed(&item, |a| edit::set_comment(a, &v));
                }></textarea>
                <span id=hint class="hint">{move || ctx.state.t(P::CommentWarning)}</span>
            </p>
        </details>
    }
}

/// A risk: "does not apply", the inherent likelihood and impact (choices under the floor of
/// its category say what they count as), the measures with their status, the live inherent →
/// residual line, and the assessor's own residual with its justification.
#[component]
fn RiskControl(
    ctx: Ctx,
    item: String,
    text: Label,
    mitigations: Vec<Mitigation>,
    na: bool,
    category: Option<String>,
) -> impl IntoView {
    let (likelihood, impact, floor, floor_label, cat_label) =
        ctx.q.with_value(|q| match &q.scoring.rule {
            Rule::RiskMatrix(r) => {
                let c = r.category(category.as_deref());
                (
                    r.likelihood.clone(),
                    r.impact.clone(),
                    r.floor(category.as_deref()),
                    c.and_then(|c| c.floor_label.clone()),
                    c.map(|c| c.label.clone()),
                )
            }
            _ => (vec![], vec![], 1, None, None),
        });
    let scale = move |labels: &[Text], floor: u8| -> Vec<(Json, Label)> {
        labels
            .iter()
            .enumerate()
            .map(|(n, t)| {
                let t = t.clone();
                let fl = floor_label.clone();
                let level = n as u8 + 1;
                let label: Label = Arc::new(move |l: Lang| {
                    let base = format!("{level} – {}", t.get(l.code()));
                    if level >= floor {
                        return base;
                    }
                    format!(
                        "{base} ({})",
                        present_risk::counted_as(floor, fl.as_ref(), l)
                    )
                });
                (json!(level), label)
            })
            .collect()
    };
    let item_na = item.clone();
    let item_na_r = item.clone();
    let rated = {
        let item = item.clone();
        move || ctx.answer(&item, |a| a.is_none_or(|a| a.value != json!(NA)))
    };
    let l_legend = key_label(P::Likelihood);
    let i_legend = key_label(P::Impact);
    let dom_na = format!("{item}-na");
    let live_id = item.clone();
    let live = move || {
        let lang = ctx.lang();
        let q = ctx.q.get_value();
        let Rule::RiskMatrix(r) = &q.scoring.rule else {
            return String::new();
        };
        ctx.outcome
            .with(|o| match o.risks.iter().find(|k| k.item == live_id) {
                Some(k) => present_risk::summary_line(r, k, lang),
                None => tr(lang, P::RateToSee).to_owned(),
            })
    };
    let mits = StoredValue::new(mitigations);
    let item_m = StoredValue::new(item.clone());
    let measures = move || {
        mits.get_value()
            .into_iter()
            .map(|m| view! { <MeasureRow ctx=ctx item=item_m.get_value() measure=m/> })
            .collect_view()
    };
    view! {
        <fieldset class="risk">
            <legend>{move || text(ctx.lang())}</legend>
            {cat_label.map(|c| view! {
                <p class="category">{move || present::labelled(ctx.lang(), tr(ctx.lang(), P::Category), c.get(ctx.lang().code()))}</p>
            })}
            {na.then(|| view! {
                <label class="choice" for=dom_na.clone()>
                    <input type="checkbox" id=dom_na.clone()
                        prop:checked=move || ctx.answer(&item_na_r, |a| a.is_some_and(|a| a.value == json!(NA)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ctx.edit(&item_na, move |a| edit::set_risk_na(a, on));
                        }/>
                    <span>{move || ctx.state.t(P::RiskNotApplicable)}</span>
                </label>
            })}
            <Show when=rated.clone()>
                <p class="hint">{move || ctx.state.t(P::InherentHint)}</p>
                <div class="risk-scales">
                    <Radios ctx=ctx item=item.clone() field=Some(Axis::Likelihood) legend=l_legend.clone() options=scale(&likelihood, 1) steps=true/>
                    <Radios ctx=ctx item=item.clone() field=Some(Axis::Impact) legend=i_legend.clone() options=scale(&impact, floor) steps=true/>
                </div>
                <fieldset class="measures">
                    <legend>{move || ctx.state.t(P::Mitigations)}</legend>
                    {measures()}
                </fieldset>
                <p class="risk-live" id=format!("{item}-live") aria-live="polite">{live.clone()}</p>
                <ResidualChoiceView ctx=ctx item=item.clone() likelihood=likelihood.clone() impact=impact.clone()/>
            </Show>
        </fieldset>
    }
}

/// One measure: its label and effect, a status, and owner and due date once planned.
#[component]
fn MeasureRow(ctx: Ctx, item: String, measure: Mitigation) -> impl IntoView {
    let dom = format!("{item}-m-{}", measure.id);
    let label = text_label(&measure.label);
    let (axis, by) = (measure.lowers, measure.by);
    let mid = StoredValue::new(measure.id.clone());
    let iid = StoredValue::new(item.clone());
    let state = move || {
        ctx.answer(&iid.get_value(), |a| {
            edit::measure_state(a, &mid.get_value())
        })
    };
    let initial = ctx.answer_now(&item, |a| edit::measure_state(a, &measure.id));
    let planned = move || state().status == MeasureStatus::Planned;
    let (dom_owner, dom_due) = (format!("{dom}-owner"), format!("{dom}-due"));
    view! {
        <div class="measure">
            <label for=dom.clone()>
                {move || label(ctx.lang())}
                " "
                <span class="effect">{move || format!("({})", present_risk::effect(axis, by, ctx.lang()))}</span>
            </label>
            <select id=dom on:change=move |ev| {
                let status = MeasureStatus::from_id(&event_target_value(&ev)).unwrap_or_default();
                ctx.edit(&iid.get_value(), move |a| edit::set_measure_status(a, &mid.get_value(), status));
            }>
                {MeasureStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.id() selected=move || state().status == s>{move || present_risk::status_label(s, ctx.lang())}</option>
                }).collect_view()}
            </select>
            <Show when=planned>
                <p class="field measure-plan">
                    <label for=dom_owner.clone()>{move || ctx.state.t(P::Owner)}</label>
                    <input id=dom_owner.clone() type="text" autocomplete="off" prop:value=initial.owner.clone() on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.edit_typed(&iid.get_value(), |a| edit::set_measure_owner(a, &mid.get_value(), &v));
                    }/>
                    <label for=dom_due.clone()>{move || ctx.state.t(P::Due)}</label>
                    <input id=dom_due.clone() type="date" prop:value=initial.due.map(|d| d.to_string()).unwrap_or_default() on:input=move |ev| {
                        let v = crate::present::date::from_iso(&event_target_value(&ev));
                        ctx.edit(&iid.get_value(), move |a| edit::set_measure_due(a, &mid.get_value(), v));
                    }/>
                </p>
            </Show>
        </div>
    }
}

/// The assessor's own residual: folded, two choices and a required justification; the
/// computed value stays beside it and a choice with no justification is said not to count.
#[component]
fn ResidualChoiceView(
    ctx: Ctx,
    item: String,
    likelihood: Vec<Text>,
    impact: Vec<Text>,
) -> impl IntoView {
    let iid = StoredValue::new(item.clone());
    let current = move || ctx.answer(&iid.get_value(), edit::residual);
    let initial = ctx.answer_now(&item, edit::residual);
    let open = initial != ResidualChoice::default();
    let select = move |axis: Axis, labels: Vec<Text>| {
        let dom = format!("{}-residual-{}", iid.get_value(), axis.name());
        let legend = key_label(match axis {
            Axis::Likelihood => P::Likelihood,
            Axis::Impact => P::Impact,
        });
        let chosen = move || {
            let r = current();
            match axis {
                Axis::Likelihood => r.likelihood,
                Axis::Impact => r.impact,
            }
        };
        view! {
            <p class="field">
                <label for=dom.clone()>{move || legend(ctx.lang())}</label>
                <select id=dom on:change=move |ev| {
                    let level = event_target_value(&ev).parse::<u8>().ok();
                    ctx.edit(&iid.get_value(), move |a| edit::set_residual(a, axis, level));
                }>
                    <option value="" selected=move || chosen().is_none()>{move || ctx.state.t(P::ComputedValue)}</option>
                    {labels.into_iter().enumerate().map(|(n, t)| {
                        let level = n as u8 + 1;
                        view! { <option value=level.to_string() selected=move || chosen() == Some(level)>{move || format!("{level} – {}", t.get(ctx.lang().code()))}</option> }
                    }).collect_view()}
                </select>
            </p>
        }
    };
    let dom_j = format!("{item}-justification");
    let warn_id = item.clone();
    let warning = move || {
        ctx.outcome.with(|o| {
            o.risks.iter().find(|k| k.item == warn_id).map(|k| {
                (
                    k.override_unjustified,
                    k.below_bound
                        .then(|| present_risk::below_bound(k, ctx.lang())),
                )
            })
        })
    };
    view! {
        <details class="residual" open=open>
            <summary>{move || ctx.state.t(P::AdjustResidual)}</summary>
            <p class="hint">{move || ctx.state.t(P::AdjustResidualHint)}</p>
            {select(Axis::Likelihood, likelihood)}
            {select(Axis::Impact, impact)}
            <p class="field">
                <label for=dom_j.clone()>{move || ctx.state.t(P::Justification)}</label>
                <textarea id=dom_j rows="2" prop:value=initial.justification.clone() on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.edit_typed(&iid.get_value(), |a| edit::set_justification(a, &v));
                }></textarea>
            </p>
            {move || warning().map(|(unjustified, below)| view! {
                {unjustified.then(|| view! { <p class="warning" role="status">{present_risk::unjustified(ctx.lang())}</p> })}
                {below.map(|b| view! { <p class="warning" role="status">{b}</p> })}
            })}
        </details>
    }
}

/// Whether the participant validated their answer to a quiz question (it is then locked).
fn quiz_validated(ctx: Ctx, item: &str) -> bool {
    ctx.answer(item, |a| a.is_some_and(|a| a.validated))
}

/// A quiz question's choices, disabled once the answer is validated (the fieldset's
/// `disabled` reaches every control inside).
fn quiz_lock(ctx: Ctx, item: &str, control: AnyView) -> AnyView {
    let iid = item.to_owned();
    view! {
        <fieldset class="quiz-lock" disabled=move || quiz_validated(ctx, &iid)>{control}</fieldset>
    }
    .into_any()
}

/// A quiz question's « Valider » button; once validated: right or wrong, the right answer,
/// and why. Nothing is said before validation.
#[component]
fn QuizFeedback(ctx: Ctx, item: Arc<Item>) -> impl IntoView {
    let iid = item.id.clone();
    let dom = format!("{}-feedback", item.id);
    let (iid_v, iid_a, iid_c) = (iid.clone(), iid.clone(), iid.clone());
    let validated = move || quiz_validated(ctx, &iid_v);
    // An empty list of ticks is no answer yet.
    let answered = move || {
        ctx.answer(&iid_a, |a| {
            a.is_some_and(|a| {
                !a.value.is_null() && a.value.as_array().is_none_or(|l| !l.is_empty())
            })
        })
    };
    let validate = {
        let dom = dom.clone();
        move |_| {
            ctx.edit(&iid_c, |a| {
                crate::engine::edit::validate(a);
            });
            // The button goes away: keep the keyboard user where the verdict is.
            super::browser::focus(dom.clone());
        }
    };
    let hint = format!("{}-validate-hint", item.id);
    let feedback = move || {
        let result = ctx.outcome.with(|o| {
            o.items
                .iter()
                .find(|r| r.item == iid)
                .and_then(|r| r.correct)
        });
        let lang = ctx.lang();
        let ok = result?;
        let (right, explanation) = present::answer::quiz_feedback(&item, ok, lang);
        Some(view! {
            <div class=if ok { "feedback right" } else { "feedback wrong" }>
                <p class="verdict"><strong>{if ok { format!("✓ {}", tr(lang, P::RightAnswer)) } else { format!("✗ {}", tr(lang, P::IncorrectAnswer)) }}</strong></p>
                {right.map(|right| view! { <p>{present::labelled(lang, tr(lang, P::TheRightAnswer), &right)}</p> })}
                {explanation.map(|e| view! { <p>{e}</p> })}
            </div>
        })
    };
    view! {
        <Show when=move || !validated()>
            <p class="quiz-validate">
                <button class="primary" disabled={let answered = answered.clone(); move || !answered()} aria-describedby=hint.clone() on:click=validate.clone()>
                    {move || ctx.state.t(P::Validate)}
                </button>
                <span id=hint.clone() class="hint">{move || ctx.state.t(P::ValidateHint)}</span>
            </p>
        </Show>
        <div id=dom role="status" tabindex="-1" class="quiz-feedback">{feedback}</div>
    }
}

/// The result as answers come in, what each answer contributed, and what is missing.
#[component]
fn LiveResult(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let nav = expect_context::<Nav>();
    let why_open = RwSignal::new(false);
    // The unanswered questions by id and name (in the current language).
    let missing = Memo::new(move |_| {
        let lang = ctx.lang();
        let q = ctx.q.get_value();
        ctx.outcome.with(|o| {
            o.missing
                .iter()
                .filter_map(|m| {
                    q.item(&m.item).map(|i| {
                        let name = item_name(&q, i, lang);
                        (
                            m.item.clone(),
                            present::outcome::missing_entry(name, m.scored, lang),
                        )
                    })
                })
                .collect::<Vec<(String, String)>>()
        })
    });
    view! {
        <aside class="live" aria-labelledby="live-title">
            <h2 id="live-title">{move || state.t(P::LiveResult)}</h2>
            <div aria-live="polite">
                {move || {
                    let lang = ctx.lang();
                    let l = lang.code();
                    ctx.outcome.with(|o| {
                        let head = match (&o.band, o.passed) {
                            (Some(b), _) => b.label.get(l).to_owned(),
                            (None, Some(p)) => tr(lang, if p { K::Passed } else { K::NotPassed }).to_owned(),
                            (None, None) if !o.complete => tr(lang, P::PartialResult).to_owned(),
                            _ => "—".to_owned(),
                        };
                        // « Note : — » before any answer, never « 0 / 0 »; a quiz adds its percentage.
                        let score = present::labelled(lang, tr(lang, P::Score), &present::outcome::score_under_rating(o, lang));
                        let q = ctx.q.get_value();
                        let status = present::outcome::result_status(&q, o).map(|st| st.label.get(l).to_owned());
                        let self_assessed = (q.self_assessment && o.band.is_some()).then(|| tr(lang, K::SelfAssessment));
                        view! {
                            {status.map(|st| view! { <p class="result-status">{st}</p> })}
                            <p class="rating">{head}</p>
                            {self_assessed.map(|n| view! { <p class="self-assessment">{n}</p> })}
                            <p>{score}</p>
                        }
                    })
                }}
            </div>
            // Built only while open: a long questionnaire's list is not redrawn on every change
            // while no one reads it.
            <details on:toggle=move |ev| why_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary>{move || state.t(P::WhyThisRating)}</summary>
                <ul class="why">
                    {move || why_open.get().then(|| {
                        let lang = ctx.lang();
                        let q = ctx.q.get_value();
                        ctx.outcome.with(|o| o.items.iter().filter_map(|r| {
                            let item = q.item(&r.item)?;
                            let what = match (r.effect, &r.answer) {
                                (Effect::Hidden, _) => tr(lang, P::Hidden).to_owned(),
                                (Effect::Unanswered, _) => "—".to_owned(),
                                (Effect::NaExcluded, _) => tr(lang, P::NaExcluded).to_owned(),
                                (Effect::NaMet, _) => tr(lang, P::NaMet).to_owned(),
                                (Effect::Counted, Some(a)) if matches!(item.kind, ItemKind::Risk { .. }) => {
                                    match (&q.scoring.rule, o.risks.iter().find(|k| k.item == r.item)) {
                                        (Rule::RiskMatrix(m), Some(k)) => present_risk::summary_line(m, k, lang),
                                        _ => a.replace('x', " × "),
                                    }
                                }
                                (Effect::Counted, Some(a)) => {
                                    let pts = match (r.points, r.max) { (Some(p), Some(m)) => format!(" ({p}/{m})"), _ => String::new() };
                                    format!("{}{pts}", answer_label(item, a, lang))
                                }
                                (Effect::Counted, None) => String::new(),
                            };
                            Some(view! { <li>{present::question_labelled(lang, &item_name(&q, item, lang), &what)}</li> })
                        }).collect_view())
                    })}
                </ul>
            </details>
            <h3>{move || state.t(P::Unanswered)}</h3>
            // Keyed: an answer takes one entry out of the list, the others stay as they are.
            <Show when=move || missing.with(Vec::is_empty)>
                <p>{move || state.t(P::AllAnswered)}</p>
            </Show>
            <ul class="missing">
                <For each=move || missing.get() key=|entry| entry.clone() let((id, name))>
                    <li><button class="link" on:click=move |_| nav.go_item(&id)>{name}</button></li>
                </For>
            </ul>
        </aside>
    }
}

/// An answer carried from the baseline of a follow-up and not confirmed yet: said next to
/// its question (`present::follow_up::carried`), with « Confirmer ». Any change of the
/// answer confirms it too (`engine::edit`).
#[component]
fn CarriedMark(ctx: Ctx, item: String) -> impl IntoView {
    let item = StoredValue::new(item);
    let carried = move || ctx.answer(&item.get_value(), |a| a.is_some_and(|a| a.carried));
    move || {
        carried().then(|| {
            let lang = ctx.lang();
            let from = ctx.file.with_untracked(|f| f.baseline.as_ref().and_then(|b| b.date));
            view! {
                <p class="carried-mark" role="note">
                    <span>{crate::present::follow_up::carried(from, lang)}</span>
                    <button on:click=move |_| ctx.edit(&item.get_value(), crate::engine::edit::confirm)>
                        {super::words::w(lang, super::words::W::Confirm)}
                    </button>
                </p>
            }
        })
    }
}

/// At the top of a follow-up: how many answers are still carried from the baseline, and
/// « Tout confirmer ».
#[component]
fn ConfirmAll(ctx: Ctx) -> impl IntoView {
    use super::words::{w, W};
    let carried = Memo::new(move |_| {
        ctx.answers.with_value(|m| {
            m.iter()
                .filter(|(_, a)| a.with(|a| a.carried))
                .map(|(id, _)| id.clone())
                .collect::<Vec<String>>()
        })
    });
    move || {
        let n = carried.with(Vec::len);
        (n > 0).then(|| {
            let lang = ctx.lang();
            view! {
                <p class="carried-mark carried-all" role="status">
                    <span>{crate::present::labelled(lang, w(lang, W::CarriedCount), &n.to_string())}</span>
                    <button on:click=move |_| {
                        for id in carried.get_untracked() {
                            ctx.edit(&id, crate::engine::edit::confirm);
                        }
                    }>{w(lang, W::ConfirmAll)}</button>
                </p>
            }
        })
    }
}

//! The workspace's views, by the questionnaire's kind (`engine::aggregate::kind`): the
//! capacity matrix, the consolidated risk register, the class results; with the filters,
//! the sorting and the CSV exports. Every count is a button that lists the assessments
//! behind it ([`Behind`]).

use std::sync::Arc;

use leptos::prelude::*;

use super::super::i18n::{tr, K, P};
use super::words::{w, W};
use super::Ctx;
use crate::engine::aggregate::{self, kind, Filter, Kind, Sort, Workspace};
use crate::engine::model::Rule;
use crate::engine::Questionnaire;
use crate::present::aggregate as says;
use crate::present::follow_up::{band_name, self_assessed_label};
use crate::present::{labelled, outcome as present_outcome, Lang};

/// The views of the kept assessments: filters and sorting, the questionnaire's view, the
/// exports. Nothing is shown while the workspace is empty or a batch is being read.
#[component]
pub fn Views(c: Ctx) -> impl IntoView {
    let shown = move || {
        c.rev.track();
        c.progress.get().is_none() && c.ws.with_value(|ws| !ws.groups.is_empty())
    };
    let body = move || {
        let groups = c.kept();
        let lang = c.lang();
        let q = c.q.get()?;
        if !shown() {
            return None;
        }
        Some(match kind(&q) {
            Kind::Matrix => matrix_view(c, q, groups, lang),
            Kind::Register => register_view(c, q, groups, lang),
            Kind::Class => class_view(c, q, groups, lang),
        })
    };
    view! {
        <div hidden=move || !shown()>
            <Filters c=c/>
            {body}
            <Exports c=c/>
        </div>
    }
}

/// Place, organisation, dates, and the order of the rows; how many assessments they keep.
#[component]
fn Filters(c: Ctx) -> impl IntoView {
    let lang = move || c.lang();
    let k = move |k: P| tr(lang(), k);
    let date = |ev: &leptos::ev::Event| event_target_value(ev).parse().ok();
    let kept = move || {
        c.rev.track();
        let q = c.q.get()?;
        let f = c.filter.get();
        Some(c.ws.with_value(|ws| says::kept_line(&q, ws, &f, lang())))
    };
    // Offered only where a follow-up takes an assessment over.
    let followed = move || {
        c.rev.track();
        let f = Filter {
            with_followed: false,
            ..c.filter.get()
        };
        c.ws.with_value(|ws| !ws.followed(&f).is_empty())
    };
    view! {
        <section aria-labelledby="ws-filter-title" class="ws-filters">
            <h2 id="ws-filter-title">{move || w(lang(), W::Filters)}</h2>
            <div class="details">
                <p class="field"><label for="ws-f-org">{move || k(P::Organisation)}</label>
                    <input id="ws-f-org" type="text" autocomplete="off" prop:value=move || c.filter.with(|f| f.organisation.clone())
                        on:input=move |ev| c.filter.update(|f| f.organisation = event_target_value(&ev))/></p>
                <p class="field"><label for="ws-f-place">{move || k(P::Place)}</label>
                    <input id="ws-f-place" type="text" autocomplete="off" prop:value=move || c.filter.with(|f| f.place.clone())
                        on:input=move |ev| c.filter.update(|f| f.place = event_target_value(&ev))/></p>
                <p class="field"><label for="ws-f-from">{move || w(lang(), W::From)}</label>
                    <input id="ws-f-from" type="date" on:input=move |ev| c.filter.update(|f| f.from = date(&ev))/></p>
                <p class="field"><label for="ws-f-to">{move || w(lang(), W::To)}</label>
                    <input id="ws-f-to" type="date" on:input=move |ev| c.filter.update(|f| f.to = date(&ev))/></p>
                <p class="field"><label for="ws-sort">{move || w(lang(), W::SortBy)}</label>
                    // Shows the sort in force: another questionnaire resets it (`open`), and a
                    // quiz offers no « niveau ». A `String`, as the fields above: one more kind
                    // of value would cost 0.9 KB of code.
                    <select id="ws-sort" prop:value=move || match c.sort.get() {
                        Sort::Organisation => "organisation",
                        Sort::Band => "band",
                        Sort::Score => "score",
                        Sort::Date => "date",
                    }.to_owned() on:change=move |ev| c.sort.set(match event_target_value(&ev).as_str() {
                        "band" => Sort::Band,
                        "score" => Sort::Score,
                        "date" => Sort::Date,
                        _ => Sort::Organisation,
                    })>
                        <option value="organisation">{move || w(lang(), W::SortOrganisation)}</option>
                        // Only where there are bands to order by (a quiz has none).
                        {move || c.q.with(|q| q.as_ref().is_some_and(|q| !q.scoring.bands().is_empty())).then(|| view! {
                            <option value="band">{move || w(lang(), W::SortBand)}</option>
                        })}
                        <option value="score">{move || w(lang(), W::SortScore)}</option>
                        <option value="date">{move || w(lang(), W::SortDate)}</option>
                    </select></p>
            </div>
            {move || followed().then(|| view! {
                <p class="field check"><label><input type="checkbox" prop:checked=move || c.filter.with(|f| f.with_followed)
                    on:change=move |ev| c.filter.update(|f| f.with_followed = event_target_checked(&ev))/>
                    " " {move || says::with_followed_label(lang())}</label></p>
            })}
            <p class="ws-kept" role="status">{kept}</p>
        </section>
    }
}

/// A count that opens the assessments behind it: a button (its label, by default « n
/// évaluations ») that shows or hides their list (who, and the files each came from).
#[component]
fn Behind(c: Ctx, groups: Vec<usize>, #[prop(optional)] label: Option<String>) -> impl IntoView {
    let lang = c.state.lang.get_untracked();
    let Some(q) = c.q.get_untracked() else {
        return ().into_any();
    };
    let text = label.unwrap_or_else(|| says::assessments(&q, groups.len(), lang));
    if groups.is_empty() {
        return view! { <span class="ws-zero">{text}</span> }.into_any();
    }
    let open = RwSignal::new(false);
    let list = move || {
        open.get().then(|| {
            let items = c.ws.with_value(|ws| {
                groups
                    .iter()
                    .filter_map(|&g| ws.groups.get(g))
                    .map(|group| {
                        let m = group.member();
                        let who = says::who(&q, &m.file, lang);
                        let files = labelled(lang, w(lang, W::Files), &m.sources.join(", "));
                        view! { <li>{who}<span class="hint">{files}</span></li> }
                    })
                    .collect_view()
            });
            view! { <ul class="behind">{items}</ul> }
        })
    };
    view! {
        <button class="link ws-open" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>{text}</button>
        {list}
    }
    .into_any()
}

fn who(q: &Questionnaire, ws: &Workspace, g: usize, lang: Lang) -> String {
    says::who(q, &ws.groups[g].member().file, lang)
}

/// The bands and how many assessments are in each (the unrated only when there are some).
fn bands_view(
    c: Ctx,
    q: &Questionnaire,
    bands: &[aggregate::BandCount],
    lang: Lang,
) -> impl IntoView {
    let items = bands
        .iter()
        .filter(|b| b.band.is_some() || !b.groups.is_empty())
        .map(|b| {
            let name = band_name(q, b.band.as_deref(), lang);
            let groups = b.groups.clone();
            view! { <li>{format!("{name}{}", crate::present::colon(lang))}<Behind c=c groups=groups/></li> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ws-bands-title">
            <h2 id="ws-bands-title">{says::bands_title(lang)}</h2>
            <ul class="ws-list ws-bands">{items}</ul>
        </section>
    }
}

fn matrix_view(c: Ctx, q: Arc<Questionnaire>, groups: Vec<usize>, lang: Lang) -> AnyView {
    let until = super::super::today() + chrono::Days::new(183);
    let total = groups.len();
    c.ws.with_value(|ws| {
        let m = aggregate::matrix(&q, ws, &groups, until);
        let heads = m
            .columns
            .iter()
            .map(|col| view! { <th scope="col">{says::column(&q, &col.item, lang)}</th> })
            .collect_view();
        let rows = m
            .rows
            .iter()
            .map(|r| {
                let cells = m
                    .columns
                    .iter()
                    .zip(&r.cells)
                    .map(|(col, cell)| {
                        let text = says::cell(&q, &col.item, cell, lang);
                        let unmet = cell.unmet;
                        view! {
                            <td class:unmet=unmet>{text}{unmet.then(|| view! {
                                <span class="mark" aria-hidden="true">{format!(" {}", says::unmet_mark())}</span>
                                <span class="sr-only">{format!(" ({})", w(lang, W::NotMet))}</span>
                            })}</td>
                        }
                    })
                    .collect_view();
                // As everywhere: « 13 / 15 — note partielle » while incomplete.
                let score = present_outcome::score_line(&ws.groups[r.group].member().outcome, lang);
                view! {
                    <tr>
                        <th scope="row">{who(&q, ws, r.group, lang)}</th>
                        <td class="ws-score">{score}</td>
                        <td class="ws-band">{says::row_band(&q, r.band.as_deref(), r.official_band.as_deref(), lang)}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let unmet = m
            .unmet
            .iter()
            .map(|u| {
                let line = says::unmet_line(&q, u, lang);
                view! { <li>{line}" "<Behind c=c groups=u.groups.clone()/></li> }
            })
            .collect_view();
        let due = (!m.review_due.is_empty()).then(|| {
            let items = m
                .review_due
                .iter()
                .map(|(g, d)| {
                    view! { <li>{labelled(lang, &who(&q, ws, *g, lang), &says::review_due(&q, *d, lang))}</li> }
                })
                .collect_view();
            view! {
                <section aria-labelledby="ws-due-title">
                    <h2 id="ws-due-title">{says::review_due_title(lang)}</h2>
                    <ul class="ws-list">{items}</ul>
                </section>
            }
        });
        let caption = format!(
            "{} — {}",
            says::matrix_title(&q, lang),
            says::assessments(&q, total, lang)
        );
        crate::web::browser::hint_overflow("ws-matrix-wrap", "ws-matrix-hint");
        view! {
            {q.self_assessment.then(|| view! { <p class="status provisional ws-indicative" role="note">{says::indicative(lang)}</p> })}
            {bands_view(c, &q, &m.bands, lang)}
            <section aria-labelledby="ws-unmet-title">
                <h2 id="ws-unmet-title">{says::unmet_title(&q, lang)}</h2>
                <ol class="ws-list ws-unmet">{unmet}</ol>
            </section>
            <section aria-labelledby="ws-matrix-title">
                <h2 id="ws-matrix-title">{says::matrix_title(&q, lang)}</h2>
                <p class="hint">{says::unmet_legend(lang)}</p>
                <p class="scroll-hint" id="ws-matrix-hint">{tr(lang, P::ScrollHint)}</p>
                <div id="ws-matrix-wrap" class="table-wrap scrolls ws-scroll" tabindex="0" role="region" aria-labelledby="ws-matrix-title" aria-describedby="ws-matrix-hint">
                    <table class="ws-matrix">
                        // The heading above says it; screen readers still hear it with the count.
                        <caption class="sr-only">{caption}</caption>
                        <thead><tr>
                            <th scope="col">{says::who_heading(&q, lang)}</th>
                            <th scope="col">{tr(lang, P::Points)}</th>
                            // A self-assessed rating is indicative, and its heading says so (as
                            // the report's and the results page's).
                            <th scope="col">{if q.self_assessment { self_assessed_label(lang) } else { w(lang, W::Band) }}</th>
                            {heads}
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
            {due}
        }
        .into_any()
    })
}

/// A heat matrix cell in words: « Probabilité 5, impact 1 ».
fn heat_cell(lang: Lang, likelihood: usize, impact: usize) -> String {
    let impact_word = w(lang, W::ImpactWord);
    format!(
        "{} {likelihood}, {impact_word} {impact}",
        tr(lang, P::Likelihood)
    )
}

fn register_view(c: Ctx, q: Arc<Questionnaire>, groups: Vec<usize>, lang: Lang) -> AnyView {
    let l = lang.code();
    let total = groups.len();
    let Rule::RiskMatrix(rm) = &q.scoring.rule else {
        return ().into_any();
    };
    crate::web::browser::hint_overflow("ws-heat-wrap", "ws-heat-hint");
    c.ws.with_value(|ws| {
        let r = aggregate::register(&q, ws, &groups);
        let risks = r
            .risks
            .iter()
            .map(|k| {
                // Where it is highest, when that is not everywhere it was rated.
                let highest = k.highest.as_ref().filter(|(_, gs)| gs.len() < k.groups.len()).map(|(_, gs)| {
                    let whos: Vec<String> = gs.iter().map(|&g| who(&q, ws, g, lang)).collect();
                    format!(" — {}", says::highest_in(&whos.join(crate::present::list_sep(lang)), lang))
                });
                // The count is the button that lists the assessments, not said twice.
                let (name, rest) = says::risk_line_parts(&q, k, lang);
                view! { <li>{name}<Behind c=c groups=k.groups.clone()/>{rest}{highest}</li> }
            })
            .collect_view();
        let missing = r
            .missing
            .iter()
            .map(|m| {
                view! { <li>{says::missing_line(&q, m, total, lang)}" "<Behind c=c groups=m.groups.clone()/></li> }
            })
            .collect_view();
        // The heat matrix: likelihood 5 at the top, impact 1 to 5 left to right.
        let label = |texts: &[crate::engine::model::Text], n: usize| {
            texts
                .get(n - 1)
                .map(|t| format!("{n} {}", t.get(l)))
                .unwrap_or_else(|| n.to_string())
        };
        let open = RwSignal::new(None::<(usize, usize)>);
        let heads = (1..=5)
            .map(|i| view! { <th scope="col">{label(&rm.impact, i)}</th> })
            .collect_view();
        let heat_rows = (1..=5)
            .rev()
            .map(|li| {
                let cells = (1..=5)
                    .map(|ii| {
                        let pairs = &r.heat[li - 1][ii - 1];
                        let n = pairs.len();
                        let score = (li * ii) as i64;
                        let colour = present_outcome::hex(present_outcome::heat_colour(&rm.bands, score));
                        // The level in words, not by colour alone: in the cell (its score, as
                        // the results page's matrix has it, read with the legend) and its name.
                        let level = present_outcome::band_label(&rm.bands, score, lang).unwrap_or_default();
                        let name = format!(
                            "{} ({score}, {level}){}{n} {}",
                            heat_cell(lang, li, ii),
                            crate::present::colon(lang),
                            w(lang, W::Risks)
                        );
                        view! {
                            <td class="ws-heat-cell" style:background-color=colour>
                                <span class="ws-heat-score" aria-hidden="true">{score.to_string()}</span>
                                {if n > 0 {
                                    view! {
                                        <button class="ws-heat-count" aria-label=name aria-expanded=move || (open.get() == Some((li, ii))).to_string()
                                            on:click=move |_| {
                                                open.update(|o| *o = if *o == Some((li, ii)) { None } else { Some((li, ii)) });
                                            }>{n.to_string()}</button>
                                    }.into_any()
                                } else {
                                    view! { <span aria-label=name.clone()>"0"</span> }.into_any()
                                }}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{label(&rm.likelihood, li)}</th>{cells}</tr> }
            })
            .collect_view();
        let heat = r.heat.clone();
        let q2 = q.clone();
        let opened = move || {
            let (li, ii) = open.get()?;
            let items = c.ws.with_value(|ws| {
                heat[li - 1][ii - 1]
                    .iter()
                    .map(|(g, item)| {
                        let line = format!("{} — {}", who(&q2, ws, *g, lang), says::column(&q2, item, lang));
                        view! { <li>{line}</li> }
                    })
                    .collect_view()
            });
            Some(view! {
                <div class="behind ws-heat-list">
                    <p><strong>{heat_cell(lang, li, ii)}</strong></p>
                    <ul>{items}</ul>
                    <button on:click=move |_| open.set(None)>{w(lang, W::Close)}</button>
                </div>
            })
        };
        view! {
            <section aria-labelledby="ws-register-title">
                <h2 id="ws-register-title">{says::register_title(lang)}</h2>
                <ol class="ws-list">{risks}</ol>
            </section>
            <section aria-labelledby="ws-heat-title">
                <h2 id="ws-heat-title">{says::heat_title(lang)}</h2>
                <p class="hint">{w(lang, W::HeatHint)}</p>
                <p class="hint">{crate::web::results::legend_spans(present_outcome::band_legend(&rm.bands, lang), " · ")}</p>
                <p class="scroll-hint" id="ws-heat-hint">{tr(lang, P::ScrollHint)}</p>
                <div id="ws-heat-wrap" class="table-wrap scrolls ws-scroll" tabindex="0" role="region" aria-labelledby="ws-heat-title" aria-describedby="ws-heat-hint">
                    <table class="ws-heat">
                        // The heading just above says the same: the caption names the table
                        // for screen readers only.
                        <caption class="sr-only">{says::heat_title(lang)}</caption>
                        <thead><tr><th scope="col">{crate::present::risk::heat_axes(lang)}</th>{heads}</tr></thead>
                        <tbody>{heat_rows}</tbody>
                    </table>
                </div>
                {opened}
            </section>
            <section aria-labelledby="ws-missing-title">
                <h2 id="ws-missing-title">{says::missing_title(lang)}</h2>
                <ol class="ws-list">{missing}</ol>
            </section>
            {bands_view(c, &q, &r.bands, lang)}
        }
        .into_any()
    })
}

fn class_view(c: Ctx, q: Arc<Questionnaire>, groups: Vec<usize>, lang: Lang) -> AnyView {
    c.ws.with_value(|ws| {
        let k = aggregate::class(&q, ws, &groups);
        let rows = k
            .attempts
            .iter()
            .map(|a| {
                let o = &ws.groups[a.group].member().outcome;
                view! {
                    <tr>
                        <th scope="row">{who(&q, ws, a.group, lang)}</th>
                        <td>{present_outcome::score_line(o, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let pairs = (!k.pairs.is_empty()).then(|| {
            let items = k
                .pairs
                .iter()
                .map(|p| {
                    let line = says::pair_line(&q, ws, p, lang);
                    view! { <li>{line}" "<Behind c=c groups=vec![p.pre, p.post]/></li> }
                })
                .collect_view();
            view! {
                <section aria-labelledby="ws-pairs-title">
                    <h2 id="ws-pairs-title">{says::pairs_title(lang)}</h2>
                    <ul class="ws-list">{items}</ul>
                </section>
            }
        });
        let missed = k
            .missed
            .iter()
            .map(|m| view! { <li>{says::missed_line(&q, m, lang)}" "<Behind c=c groups=m.groups.clone()/></li> })
            .collect_view();
        let caption = format!(
            "{} — {}",
            says::class_title(lang),
            says::assessments(&q, groups.len(), lang)
        );
        view! {
            <section aria-labelledby="ws-class-title">
                <h2 id="ws-class-title">{says::class_title(lang)}</h2>
                <ul class="ws-list">
                    <li>{format!("{}{}", tr(lang, K::Passed), crate::present::colon(lang))}<Behind c=c groups=k.passed.clone()/></li>
                    <li>{format!("{}{}", tr(lang, K::NotPassed), crate::present::colon(lang))}<Behind c=c groups=k.not_passed.clone()/></li>
                    {(!k.incomplete.is_empty()).then(|| view! {
                        <li>{format!("{}{}", says::incomplete_word(lang), crate::present::colon(lang))}<Behind c=c groups=k.incomplete.clone()/></li>
                    })}
                </ul>
                <div class="table-wrap ws-scroll" tabindex="0" role="region" aria-labelledby="ws-class-title">
                    <table class="ws-class">
                        // The heading above says it; screen readers still hear it with the count.
                        <caption class="sr-only">{caption}</caption>
                        <thead><tr><th scope="col">{says::who_heading(&q, lang)}</th><th scope="col">{says::result_heading(lang)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
            {pairs}
            <section aria-labelledby="ws-missed-title">
                <h2 id="ws-missed-title">{says::missed_title(lang)}</h2>
                <ol class="ws-list">{missed}</ol>
            </section>
        }
        .into_any()
    })
}

/// Where the consolidated PDF stands.
#[derive(Clone, Debug, PartialEq)]
enum Pdf {
    Idle,
    Loading,
    Building,
    Done { name: String, pages: u32, kb: f64 },
    Failed(String),
}

/// The two CSV files of the kept assessments, and the consolidated PDF report (laid out here
/// from the same workspace and filter, written by the PDF worker).
#[component]
fn Exports(c: Ctx) -> impl IntoView {
    let lang = move || c.lang();
    let done = RwSignal::new(None::<String>);
    let pdf = RwSignal::new(Pdf::Idle);
    let busy = move || matches!(pdf.get(), Pdf::Loading | Pdf::Building);
    let make_pdf = move |_| {
        let Some(q) = c.q.get_untracked() else {
            return;
        };
        let filter = c.filter.get_untracked();
        let sort = c.sort.get_untracked();
        let lang = c.state.lang.get_untracked();
        let date = super::super::today();
        leptos::task::spawn_local(async move {
            use super::super::pdf as worker;
            if !worker::started() {
                pdf.set(Pdf::Loading);
                if let Err(e) = worker::start().await {
                    let hint = tr(lang, P::PdfModuleUnavailable);
                    return pdf.set(Pdf::Failed(format!("{hint} ({e})")));
                }
            }
            pdf.set(Pdf::Building);
            let iso = crate::present::date::iso(date);
            // Laid out from the page's own workspace (the files are read once), after the
            // status above is painted; the worker writes the PDF.
            super::super::browser::painted().await;
            let started = js_sys::Date::now();
            let sheet = c.ws.with_value(|ws| {
                let title_of = |id: &str| super::title_in(c, id, lang);
                crate::report::workspace::lay_out(&q, ws, &filter, sort, lang, date, &title_of)
            });
            match worker::write(&sheet, started).await {
                Ok(m) => {
                    let name = format!(
                        "{}-{}-{iso}.pdf",
                        q.id,
                        crate::present::file_name::slug(says::title(lang))
                    );
                    match super::super::browser::download(&name, "application/pdf", &m.bytes) {
                        Ok(()) => pdf.set(Pdf::Done {
                            name,
                            pages: m.pages,
                            kb: m.bytes.len() as f64 / 1024.0,
                        }),
                        Err(e) => pdf.set(Pdf::Failed(e)),
                    }
                }
                Err(e) => pdf.set(Pdf::Failed(e)),
            }
            super::super::browser::reveal("ws-pdf-status");
        });
    };
    let pdf_status = move || {
        let lang = lang();
        match pdf.get() {
            Pdf::Idle => String::new(),
            Pdf::Loading => tr(lang, P::PdfLoading).to_owned(),
            Pdf::Building => tr(lang, P::PdfBuilding).to_owned(),
            Pdf::Done { name, pages, kb } => format!(
                "✓ {} ({})",
                labelled(lang, tr(lang, P::PdfReady), &name),
                crate::present::number::pages_and_size(pages, kb, lang)
            ),
            Pdf::Failed(e) => format!("⚠ {}", labelled(lang, tr(lang, P::PdfFailed), &e)),
        }
    };
    let csv = move |items: bool| {
        let Some(q) = c.q.get_untracked() else {
            return;
        };
        let lang = c.state.lang.get_untracked();
        let groups = c.kept();
        let text = c.ws.with_value(|ws| {
            if items {
                says::csv_items(&q, ws, &groups, lang)
            } else {
                says::csv_assessments(&q, ws, &groups, lang)
            }
        });
        let what = w(
            lang,
            if items {
                W::CsvItemsFile
            } else {
                W::CsvAssessmentsFile
            },
        );
        let name = format!(
            "{}-{}-{}.csv",
            q.id,
            crate::present::file_name::slug(what),
            crate::present::date::iso(super::super::today())
        );
        if super::super::browser::download(&name, "text/csv;charset=utf-8", text.as_bytes()).is_ok()
        {
            done.set(Some(name));
        }
    };
    view! {
        <section aria-labelledby="ws-out-title">
            <h2 id="ws-out-title">{move || w(lang(), W::Out)}</h2>
            <p class="actions">
                <button on:click=move |_| csv(false)>{move || {
                    let quiz = c.q.get().is_some_and(|q| crate::engine::aggregate::kind(&q) == crate::engine::aggregate::Kind::Class);
                    w(lang(), if quiz { W::CsvAttempts } else { W::CsvAssessments })
                }}</button>
                <button on:click=move |_| csv(true)>{move || w(lang(), W::CsvItems)}</button>
                <button class="primary" on:click=make_pdf disabled=busy aria-busy=move || busy().to_string()>{move || tr(lang(), P::ExportPdf)}</button>
            </p>
            <p id="ws-pdf-status" class="pdf-status" role="status" aria-live="polite">{pdf_status}</p>
            <p class="export-status" role="status">{move || done.get().map(|n| format!("✓ {}", labelled(lang(), tr(lang(), K::ExportDone), &n)))}</p>
        </section>
    }
}

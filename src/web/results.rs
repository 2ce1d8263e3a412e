//! Results: the rating with its capacity and risk labels, the per-standard table, the risk
//! register and heat matrix, quiz answers, and the editable action plan.

use leptos::prelude::*;

use super::fill::Ctx;
use super::i18n::{tr, K, P};
use super::words::{w, W};
use super::{AppState, Route};
use crate::engine::answers::{ActionEntry, ActionStatus};
use crate::engine::compare::compare;
use crate::engine::follow_up;
use crate::engine::model::*;
use crate::engine::plan;
use crate::engine::review::{self, Determination, Stage};
use crate::engine::scoring::Effect;
use crate::present::answer::{
    answer_label, item_statement, quiz_answer_line, quiz_feedback, stored_ids,
};
use crate::present::date::written as french_date;
use crate::present::follow_up as words;
use crate::present::outcome::{self as present_outcome, valid_until};
use crate::present::risk as present_risk;
use crate::present::{labelled, list_sep, placement};

#[component]
pub fn Results(id: String) -> impl IntoView {
    let state = super::app_state();
    let Some(stored) = state
        .assessments
        .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
    else {
        return super::assessment_missing(state);
    };
    let Some(q) = state.questionnaire(&stored.file.questionnaire.id) else {
        return view! { <p role="alert">{stored.file.questionnaire.id.clone()}</p> }.into_any();
    };
    let ctx = Ctx::new(state, id.clone(), q.clone());
    // Draft the plan from the gaps once, keeping every entry the user already has.
    if !matches!(q.scoring.rule, Rule::Quiz(_)) {
        let drafts = ctx.outcome.with_untracked(|o| {
            plan::draft(
                &q,
                o,
                &stored.file.action_plan,
                state.lang.get_untracked().code(),
            )
        });
        if !drafts.is_empty() {
            state.update(&id, |s| s.file.action_plan.extend(drafts));
        }
    }
    let is_risk = matches!(q.scoring.rule, Rule::RiskMatrix(_));
    let is_quiz = matches!(q.scoring.rule, Rule::Quiz(_));
    let id_back = id.clone();
    let id_export = id.clone();
    let id_pdf = id.clone();
    // The answers file just exported, said on the page.
    let exported = RwSignal::new(None::<String>);
    // The assessment this one is compared with (its id on this device): the baseline when
    // it is here, else the one picked in « Comparer avec… ».
    let compared = RwSignal::new(baseline_here(state, &id, &stored.file));
    let self_assessment = q.self_assessment && !is_quiz;
    super::browser::tab_title(move |lang| {
        format!(
            "{} — {}",
            tr(lang, P::Results),
            ctx.q.with_value(|q| q.title.get(lang.code()).to_owned())
        )
    });
    view! {
        <h1>{move || format!("{} — {}", state.t(P::Results), ctx.q.with_value(|q| q.title.get(state.lang.get().code()).to_owned()))}</h1>
        <super::StorageBanner/>
        <Summary ctx=ctx/>
        {if is_risk {
            view! { <HeatMatrix ctx=ctx/><Register ctx=ctx/> }.into_any()
        } else if is_quiz {
            view! { <QuizReview ctx=ctx/> }.into_any()
        } else {
            view! { <StandardsTable ctx=ctx/> }.into_any()
        }}
        {(!is_quiz).then(|| view! { <PlanEditor ctx=ctx/> })}
        {(!is_quiz).then(|| view! { <FollowUp ctx=ctx compared=compared/> })}
        {self_assessment.then(|| view! { <ReviewSection ctx=ctx/> })}
        <SetAside id=id.clone()/>
        <p class="actions no-print">
            <button on:click=move |_| state.go(Route::Fill(id_back.clone()))>{move || state.t(P::BackToFilling)}</button>
            <button on:click=move |_| {
                if let Some(s) = state.assessments.with_untracked(|l| l.iter().find(|s| s.id == id_export).cloned()) {
                    let before = state.last_export.get_untracked();
                    super::export_answers(state, &s);
                    if state.last_export.get_untracked() != before {
                        exported.set(Some(super::answers_file_name(&s)));
                    }
                }
            }>{move || state.t(K::ExportAnswers)}</button>
            <button on:click=move |_| super::browser::print()>{move || state.t(P::Print)}</button>
        </p>
        <p class="export-status no-print" role="status">{move || exported.get().map(|name| format!("✓ {}", labelled(state.lang.get(), state.t(K::ExportDone), &name)))}</p>
        <PdfExport id=id_pdf compared=compared/>
    }
    .into_any()
}

/// The id on this device of the assessment `file` follows up, when it is here.
fn baseline_here(
    state: AppState,
    id: &str,
    file: &crate::engine::answers::AnswersFile,
) -> Option<String> {
    let b = file.baseline.as_ref().filter(|b| !b.id.is_empty())?;
    state.assessments.with_untracked(|l| {
        l.iter()
            .find(|s| s.id != id && s.file.assessment.id == b.id)
            .map(|s| s.id.clone())
    })
}

/// « Suivi »: what changed since the baseline (or the assessment picked in « Comparer
/// avec… », a native select of the other assessments of this questionnaire, newest first):
/// before → after, the band change, the questions that changed, the risks that moved and
/// the action plan's progress, all worded by `present::follow_up`.
#[component]
fn FollowUp(ctx: Ctx, compared: RwSignal<Option<String>>) -> impl IntoView {
    let state = ctx.state;
    let id = ctx.id.get_value();
    let qid = ctx.q.with_value(|q| q.id.clone());
    let others = Memo::new(move |_| {
        let this = ctx.file.with(|f| f.assessment.clone());
        let mut v: Vec<_> = state.assessments.with(|l| {
            l.iter()
                .filter(|s| s.id != id && s.file.questionnaire.id == qid)
                .filter(|s| crate::engine::compare::same_partner(&this, &s.file.assessment))
                .map(|s| {
                    let a = &s.file.assessment;
                    (
                        (a.date, a.updated),
                        s.id.clone(),
                        super::home::display_name(s, state),
                    )
                })
                .collect()
        });
        crate::engine::order::sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        v
    });
    let baseline = move || ctx.file.with(|f| f.baseline.clone());
    let missing = move || {
        baseline().is_some_and(|b| {
            let here = state
                .assessments
                .with(|l| l.iter().any(|s| s.file.assessment.id == b.id));
            b.id.is_empty() || !here
        })
    };
    let comparison = move || {
        let lang = state.lang.get();
        let other = compared.get()?;
        let before = state
            .assessments
            .with(|l| l.iter().find(|s| s.id == other).map(|s| s.file.clone()))?;
        let q = ctx.q.get_value();
        let c = ctx
            .file
            .with(|after| compare(&q, &before, &q, after, super::today()))
            .ok()?;
        let changed: Vec<String> = words::changed(&c)
            .into_iter()
            .map(|i| words::item_change(&q, &q, i, lang))
            .collect();
        let risks: Vec<String> = c
            .risks
            .iter()
            .filter(|r| r.direction != crate::engine::compare::Direction::Same)
            .map(|r| words::risk_change(&q, r, lang))
            .collect();
        let a = &c.actions;
        let actions = (a.total > 0).then(|| {
            (
                words::progress(a.done, a.total, a.late.len(), lang),
                words::done_since(a.done_since.len(), lang),
            )
        });
        Some(view! {
            <dl class="sides">
                <dt>{w(lang, W::Before)}</dt><dd>{words::side(&q, &c.before, lang)}</dd>
                <dt>{w(lang, W::After)}</dt><dd>{words::side(&q, &c.after, lang)}</dd>
            </dl>
            <p class="band-change"><strong>{words::band_change(&q, &q, &c, lang)}</strong></p>
            <h3>{words::changed_count(changed.len(), lang)}</h3>
            {if changed.is_empty() {
                view! { <p>{w(lang, W::NothingChanged)}</p> }.into_any()
            } else {
                view! { <ul class="changes">{changed.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
            }}
            {(!risks.is_empty()).then(|| view! {
                <h3>{words::risks_title(lang)}</h3>
                <ul class="changes">{risks.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            })}
            {actions.map(|(p, d)| view! { <p>{p}</p><p>{d}</p> })}
        })
    };
    let shown = move || baseline().is_some() || !others.with(Vec::is_empty);
    move || {
        shown().then(|| {
            let lang = state.lang.get();
            view! {
                <section class="follow-up" aria-labelledby="follow-up-title">
                    <h2 id="follow-up-title">{words::title(lang)}</h2>
                    {baseline().map(|b| view! { <p class="follow-up-of">{words::follow_up_of(b.date, lang)}</p> })}
                    {missing().then(|| view! { <p class="note" role="note">{w(lang, W::BaselineMissing)}</p> })}
                    <p class="field no-print">
                        <label for="compare-with">{w(lang, W::CompareWith)}</label>
                        <select id="compare-with" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            compared.set((!v.is_empty()).then_some(v));
                        }>
                            <option value="" selected=move || compared.get().is_none()>{w(lang, W::CompareNone)}</option>
                            {others.get().into_iter().map(|((date, _), sid, name)| {
                                let label = match date {
                                    Some(d) => format!("{name} — {}", french_date(d, lang)),
                                    None => name,
                                };
                                let sel = sid.clone();
                                view! { <option value=sid selected=move || compared.get().as_deref() == Some(sel.as_str())>{label}</option> }
                            }).collect_view()}
                        </select>
                    </p>
                    {comparison}
                </section>
            }
        })
    }
}

/// The ids a reviewer may confirm for `item` (its own answer ids; none for a text, a list
/// of ticks, a number or a risk).
fn rating_ids(item: &Item) -> Vec<String> {
    match item.kind {
        ItemKind::Scale { .. } | ItemKind::YesNo { .. } | ItemKind::TrueFalse { .. } => item
            .kind
            .answer_ids()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// « Examen (agence ou réseau) », folded: per standard the confirmed rating (a native select
/// of the questionnaire's choices) and a comment, then the determination (stage, date,
/// reviewer, comment). Saved in the answers file, so exported and imported with it.
#[component]
fn ReviewSection(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let save = move |f: Box<dyn FnOnce(&mut crate::engine::answers::AnswersFile)>| {
        let id = ctx.id.get_value();
        state.update(&id, |s| f(&mut s.file));
    };
    let q = ctx.q.get_value();
    let set_det = move |f: Box<dyn FnOnce(&mut Determination)>| {
        save(Box::new(move |file| {
            let mut d = file
                .review
                .as_ref()
                .and_then(|r| r.determination.clone())
                .unwrap_or_default();
            f(&mut d);
            review::set_determination(file, Some(d));
        }))
    };
    // Drawn again on a language switch only (not as the reviewer types), from the file as
    // it is then.
    move || {
        let lang = state.lang.get();
        let (review0, answers0) = ctx
            .file
            .with_untracked(|f| (f.review.clone().unwrap_or_default(), f.answers.clone()));
        let open = !review0.is_empty();
        let d0 = review0.determination.clone();
        let stage0 = match d0.as_ref().map(|d| d.stage) {
            None => "",
            Some(Stage::Preliminary) => "preliminary",
            Some(Stage::Final) => "final",
        };
        let rows = q
            .items()
            .filter_map(|(_, item)| {
                let ids = rating_ids(item);
                if ids.is_empty() {
                    return None;
                }
                let iid = item.id.clone();
                let r0 = review0.items.get(&iid).cloned().unwrap_or_default();
                let value0 = r0.value.as_str().unwrap_or("").to_owned();
                let own = answers0
                    .get(&iid)
                    .and_then(|a| a.value.as_str())
                    .map_or_else(|| "—".to_owned(), |v| answer_label(item, v, lang));
                let (i1, i2, i3) = (iid.clone(), iid.clone(), iid.clone());
                let disagreement = move || {
                    let q = ctx.q.get_value();
                    ctx.file.with(|f| {
                        review::disagreements(&q, f).into_iter().find(|d| d.item == i3).map(|d| words::disagreement(&q, &d, lang))
                    })
                };
                Some(view! {
                    <fieldset class="reviewed">
                        <legend>{item_statement(&q, item, lang)}</legend>
                        <p>{labelled(lang, words::self_assessed_label(lang), &own)}</p>
                        <p class="field">
                            <label for=format!("review-{iid}")>{w(lang, W::ConfirmedRating)}</label>
                            <select id=format!("review-{iid}") on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let item = i1.clone();
                                let value = if v.is_empty() { serde_json::Value::Null } else { serde_json::json!(v) };
                                save(Box::new(move |f| review::set_rating(f, &item, value)));
                            }>
                                <option value="" selected=value0.is_empty()>{w(lang, W::NotReviewed)}</option>
                                {ids.into_iter().map(|c| {
                                    let label = answer_label(item, &c, lang);
                                    let selected = c == value0;
                                    view! { <option value=c selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </p>
                        <p class="field">
                            <label for=format!("review-{iid}-comment")>{w(lang, W::ReviewComment)}</label>
                            <textarea id=format!("review-{iid}-comment") rows="2" prop:value=r0.comment.clone() on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let item = i2.clone();
                                save(Box::new(move |f| review::set_comment(f, &item, &v)));
                            }></textarea>
                        </p>
                        {move || disagreement().map(|line| view! {
                            <p class="disagreement" role="note"><strong>{format!("⚠ {line}")}</strong></p>
                        })}
                    </fieldset>
                })
            })
            .collect_view();
        let d0 = d0.unwrap_or_default();
        view! {
            <section class="review no-print-empty" aria-labelledby="review-title">
                <details open=open>
                    <summary><h2 id="review-title">{w(lang, W::Review)}</h2></summary>
                    <p class="note">{w(lang, W::ReviewIntro)}</p>
                    {rows}
                    <fieldset class="determination">
                        <legend>{w(lang, W::Determination)}</legend>
                        <p class="field">
                            <label for="det-stage">{w(lang, W::Stage)}</label>
                            <select id="det-stage" on:change=move |ev| {
                                let stage = match event_target_value(&ev).as_str() {
                                    "preliminary" => Some(Stage::Preliminary),
                                    "final" => Some(Stage::Final),
                                    _ => None,
                                };
                                match stage {
                                    Some(st) => set_det(Box::new(move |d| d.stage = st)),
                                    None => save(Box::new(|f| review::set_determination(f, None))),
                                }
                            }>
                                <option value="" selected=stage0.is_empty()>{w(lang, W::NoDetermination)}</option>
                                <option value="preliminary" selected=stage0 == "preliminary">{words::stage(Stage::Preliminary, lang)}</option>
                                <option value="final" selected=stage0 == "final">{words::stage(Stage::Final, lang)}</option>
                            </select>
                        </p>
                        <p class="field">
                            <label for="det-date">{w(lang, W::DeterminationDate)}</label>
                            <input id="det-date" type="date" prop:value=d0.date.map(|d| d.to_string()).unwrap_or_default() on:change=move |ev| {
                                let v = crate::present::date::from_iso(&event_target_value(&ev));
                                set_det(Box::new(move |d| d.date = v));
                            }/>
                        </p>
                        <p class="field">
                            <label for="det-reviewer">{w(lang, W::Reviewer)}</label>
                            <input id="det-reviewer" type="text" prop:value=d0.reviewer.clone() on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_det(Box::new(move |d| d.reviewer = v));
                            }/>
                        </p>
                        <p class="field">
                            <label for="det-comment">{w(lang, W::DeterminationComment)}</label>
                            <textarea id="det-comment" rows="2" prop:value=d0.comment.clone() on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set_det(Box::new(move |d| d.comment = v));
                            }></textarea>
                        </p>
                    </fieldset>
                </details>
            </section>
        }
    }
}

#[component]
fn Summary(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    move || {
        let lang = state.lang.get();
        let l = lang.code();
        let q = ctx.q.get_value();
        let file = ctx.file.get();
        ctx.outcome.with(|o| {
            let status = match o.status {
                RuleStatus::Verified => tr(lang, P::Verified),
                RuleStatus::Provisional => tr(lang, P::Provisional),
            };
            let rating = present_outcome::rating(o, lang).unwrap_or_else(|| tr(lang, P::PartialResult).to_owned());
            let risk = o.band.as_ref().and_then(|b| b.risk.as_ref()).map(|r| r.get(l).to_owned());
            // « — » before any answer; a quiz: « 19 / 23 — 83 % (seuil 80 %) » under « Réussi ».
            let score = present_outcome::score_under_rating(o, lang);
            // What the rating waits for, as the PDF says it: « 7 questions sans réponse … ».
            let waiting = present_outcome::partial_result(o, lang).map(|(_, n)| n);
            // A training quiz carries no "verified rule" badge.
            let quiz = matches!(q.scoring.rule, Rule::Quiz(_));
            let band = o.band.as_ref().map(present_outcome::band_range);
            let until = valid_until(&q, &file, o).map(|d| french_date(d, lang));
            let period_provisional = q.validity_provisional;
            let capped = present_outcome::uncapped(&q, o, lang);
            let self_assessed = q.self_assessment && o.band.is_some();
            let result_status = present_outcome::result_status(&q, o)
                .map(|st| (st.label.get(l).to_owned(), st.note.as_ref().map(|n| n.get(l).to_owned())));
            let sources = present_outcome::source_lines(&q);
            // Once a reviewer confirmed a rating: the official band beside the self-assessed
            // one, the disagreements and the determination.
            let official = review::official(&q, &file).map(|off| {
                let own = present_outcome::rating(o, lang).unwrap_or_else(|| tr(lang, P::PartialResult).to_owned());
                let confirmed = present_outcome::rating(&off, lang).unwrap_or_else(|| tr(lang, P::PartialResult).to_owned());
                let disagreements: Vec<String> = review::disagreements(&q, &file).iter().map(|d| words::disagreement(&q, d, lang)).collect();
                (own, confirmed, disagreements)
            });
            let determination = file.review.as_ref().and_then(|r| r.determination.as_ref()).map(|d| words::determination(d, lang));
            view! {
                <section class="summary" aria-labelledby="summary-title">
                    <h2 id="summary-title">{present_outcome::result_title(q.scoring.rule.name(), lang)}</h2>
                    {result_status.map(|(label, note)| view! {
                        <p class="result-status"><strong>{labelled(lang, tr(lang, P::ResultStatus), "")}</strong>{label}</p>
                        {note.map(|n| view! { <p class="note">{n}</p> })}
                    })}
                    <p class="rating big">{rating}</p>
                    {waiting.map(|n| view! { <p class="partial-result">{n}</p> })}
                    {self_assessed.then(|| view! { <p class="self-assessment">{tr(lang, K::SelfAssessment)}</p> })}
                    {official.map(|(own, confirmed, disagreements)| view! {
                        <dl class="ratings">
                            <dt>{words::self_assessed_label(lang)}</dt><dd>{own}</dd>
                            <dt>{words::confirmed_label(lang)}</dt><dd><strong>{confirmed}</strong></dd>
                        </dl>
                        {(!disagreements.is_empty()).then(|| view! {
                            <div class="disagreements" role="note">
                                <h3>{w(lang, W::Disagreements)}</h3>
                                <ul>{disagreements.into_iter().map(|d| view! { <li>{format!("⚠ {d}")}</li> }).collect_view()}</ul>
                            </div>
                        })}
                    })}
                    {determination.map(|d| view! { <p class="determination">{d}</p> })}
                    // The band's risk says « Risque d’EAS modéré » itself: a « Risque : » label
                    // before it repeated the word (walkthrough).
                    {risk.map(|r| view! { <p class="risk-label"><strong>{r}</strong></p> })}
                    <dl>
                        // Named by what it counts, as in the PDF: « Risque résiduel max. ».
                        <dt>{present_outcome::score_label(o.rule, lang)}</dt><dd>{score}</dd>
                        {o.context.map(|c| {
                            let (label, value) = crate::present::context_flags(c, lang);
                            view! { <dt>{label}</dt><dd>{value}</dd> }
                        })}
                        {band.map(|b| view! { <dt>{tr(lang, P::Band)}</dt><dd>{b}</dd> })}
                        {until.map(|u| {
                            let u = if period_provisional { format!("{u} ({})", tr(lang, P::ProvisionalPeriod)) } else { u };
                            view! { <dt>{tr(lang, P::ValidUntil)}</dt><dd>{u}</dd> }
                        })}
                    </dl>
                    {capped.map(|c| view! { <p class="warn">{format!("{} ({c})", tr(lang, P::CappedBy))}</p> })}
                    {(!quiz).then(|| view! { <p class=if o.status == RuleStatus::Provisional { "status provisional" } else { "status" }>{status}</p> })}
                    // How the rule works and where it comes from, folded: on a phone they
                    // came before the register and the plan as some 1,300 px of text.
                    {(q.scoring.note.is_some() || !sources.is_empty()).then(|| view! {
                        <details class="method">
                            <summary>{crate::present::t(lang, "Méthode et sources", "Method and sources")}</summary>
                            {q.scoring.note.as_ref().map(|n| view! { <p class="note">{n.get(l).to_owned()}</p> })}
                            {(!sources.is_empty()).then(|| view! {
                                <div class="sources">
                                    <h3>{tr(lang, P::Sources)}</h3>
                                    <ul>{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                </div>
                            })}
                        </details>
                    })}
                </section>
            }
        })
    }
}

/// One row per shown scored item: its section, the answer, and the points it gave.
#[component]
fn StandardsTable(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    move || {
        let lang = state.lang.get();
        let q = ctx.q.get_value();
        let rows = ctx.outcome.with(|o| {
            o.items
                .iter()
                .filter(|r| r.effect != Effect::Hidden)
                .filter_map(|r| {
                    let item = q.item(&r.item)?;
                    let answer = r.answer.as_ref().map_or_else(|| "—".to_owned(), |a| answer_label(item, a, lang));
                    let pts = present_outcome::item_points(&q, &r.item, r.points, r.max, lang).unwrap_or_else(|| "—".to_owned());
                    Some(view! { <tr><th scope="row">{item_statement(&q, item, lang)}</th><td data-label=tr(lang, P::Answer)>{answer}</td><td data-label=tr(lang, P::Points)>{pts}</td></tr> })
                })
                .collect_view()
        });
        view! {
            <section aria-labelledby="why-title">
                <h2 id="why-title">{tr(lang, P::WhyThisRating)}</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="why-title"><table class="stack">
                    <thead><tr><th scope="col">{present_outcome::item_column(q.scoring.rule.name(), lang)}</th><th scope="col">{tr(lang, P::Answer)}</th><th scope="col">{tr(lang, P::Points)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            </section>
        }
    }
}

#[component]
fn Register(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    move || {
        let lang = state.lang.get();
        let q = ctx.q.get_value();
        let Rule::RiskMatrix(m) = &q.scoring.rule else {
            return ().into_any();
        };
        let rows = ctx.outcome.with(|o| {
            o.risks
                .iter()
                .filter_map(|r| {
                    let item = q.item(&r.item)?;
                    let measures = present_risk::measures(&q, r, lang);
                    let category = present_risk::category_line(m, r, lang);
                    Some(view! {
                        <tr>
                            <td data-label=crate::present::t(lang, "N°", "No.")>{r.rank}</td>
                            <th scope="row">{item.text.get(lang.code()).to_owned()}{category.map(|c| view! { <br/><span class="category">{c}</span> })}</th>
                            <td data-label=tr(lang, P::Inherent)>{present_risk::inherent(m, r, lang)}</td>
                            <td data-label=tr(lang, P::InPlace)>{if measures.is_empty() {
                                view! { "—" }.into_any()
                            } else {
                                view! { <ul class="measures">{measures.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> }.into_any()
                            }}</td>
                            <td data-label=tr(lang, P::ComputedResidual)>{present_risk::computed(m, r, lang)}</td>
                            <td data-label=tr(lang, P::RetainedResidual) class:override=r.override_used>{if r.override_unjustified {
                                format!("{} {}", present_risk::retained(m, r, lang), present_risk::unjustified(lang))
                            } else {
                                present_risk::retained(m, r, lang)
                            }}</td>
                        </tr>
                    })
                })
                .collect_view()
        });
        view! {
            <section aria-labelledby="register-title">
                <h2 id="register-title">{tr(lang, P::RiskRegister)}</h2>
                <p class="scroll-hint" id="register-hint">{tr(lang, P::ScrollHint)}</p>
                <div class="table-wrap scrolls" tabindex="0" role="region" aria-labelledby="register-title" aria-describedby="register-hint"><table class="register stack">
                    <thead><tr>
                        <th scope="col">{crate::present::t(lang, "N°", "No.")}</th><th scope="col">{tr(lang, P::Risk)}</th><th scope="col">{tr(lang, P::Inherent)}</th>
                        <th scope="col">{tr(lang, P::InPlace)}</th><th scope="col">{tr(lang, P::ComputedResidual)}</th><th scope="col">{tr(lang, P::RetainedResidual)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            </section>
        }
        .into_any()
    }
}

/// The residual-risk heat matrix as SVG: each cell shows its count and its score, and the
/// legend names the bands, so colour is never the only signal.
#[component]
fn HeatMatrix(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    move || {
        let lang = state.lang.get();
        let l = lang.code();
        let q = ctx.q.get_value();
        let Rule::RiskMatrix(m) = &q.scoring.rule else {
            return ().into_any();
        };
        let (lp, ip) = (m.likelihood.len(), m.impact.len());
        let floor = usize::from(m.min_floor());
        let fill = |score: i64| present_outcome::hex(present_outcome::heat_colour(&m.bands, score));
        let counts = ctx.outcome.with(|o| {
            let mut c = vec![vec![0usize; ip + 1]; lp + 1];
            for r in &o.risks {
                let (li, ii) = (
                    usize::from(r.residual_likelihood),
                    usize::from(r.residual_impact),
                );
                if li <= lp && ii <= ip {
                    c[li][ii] += 1;
                }
            }
            c
        });
        // Drawn at the width of a 360 px phone's page (328 px), one unit a pixel there, so
        // every label renders at 12 px or more; on a wider screen it grows. Likelihood labels
        // wrap on the left; impact labels are slanted under their columns.
        const WIDTH: f64 = 328.0;
        let (left, top) = (100.0, 6.0);
        let cell = ((WIDTH - left - 4.0) / ip as f64).min(64.0).floor();
        let label_room = 84.0;
        let width = left + cell * ip as f64 + 4.0;
        let height = top + cell * lp as f64 + label_room;
        let mut cells = Vec::new();
        for (li, row) in counts.iter().enumerate().skip(1).take(lp) {
            let y = top + (lp - li) as f64 * cell;
            let lines = wrap_words(&format!("{li} {}", m.likelihood[li - 1].get(l)), 13);
            let first = y + cell / 2.0 + 5.0 - (lines.len() as f64 - 1.0) * 8.0;
            cells.push(
                view! {
                    <text x=left - 6.0 y=first text-anchor="end" class="axis">
                        {lines.into_iter().enumerate().map(|(n, line)| view! {
                            <tspan x=left - 6.0 y=first + n as f64 * 16.0>{line}</tspan>
                        }).collect_view()}
                    </text>
                }
                .into_any(),
            );
            for (ii, &n) in row.iter().enumerate().skip(1).take(ip) {
                let x = left + (ii - 1) as f64 * cell;
                let score = (li * ii) as i64;
                let possible = ii >= floor || n > 0;
                cells.push(view! {
                    <g>
                        <rect x=x y=y width=cell height=cell fill=if possible { fill(score) } else { present_outcome::hex(present_outcome::HEAT_IMPOSSIBLE) } stroke="#555" stroke-width="1"/>
                        <text x=x + 3.0 y=y + 13.0 class="score">{score.to_string()}</text>
                        <text x=x + cell / 2.0 y=y + cell / 2.0 + 10.0 text-anchor="middle" class="count">
                            {if n > 0 { n.to_string() } else if !possible { "—".into() } else { String::new() }}
                        </text>
                    </g>
                }.into_any());
            }
        }
        let bottom = top + lp as f64 * cell;
        for ii in 1..=ip {
            let x = left + (ii - 1) as f64 * cell + cell / 2.0 + 5.0;
            let y = bottom + 12.0;
            cells.push(view! {
                <text x=x y=y text-anchor="end" transform=format!("rotate(-40 {x} {y})") class="axis">
                    {format!("{ii} {}", m.impact[ii - 1].get(l))}
                </text>
            }.into_any());
        }
        let legend = present_outcome::band_legend(&m.bands, lang);
        let desc = format!(
            "{} {}",
            tr(lang, P::HeatMatrixDesc),
            legend.join(list_sep(lang))
        );
        view! {
            <section aria-labelledby="heat-title">
                <h2 id="heat-title">{tr(lang, P::HeatMatrix)}</h2>
                <svg class="heat" viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby="heat-title heat-desc">
                    <desc id="heat-desc">{desc.clone()}</desc>
                    {cells}
                </svg>
                // Each band's name and range on one line: « Élevé 10– » then « 16 » read apart.
                <p class="legend">
                    {format!("{} — {} ", crate::present::risk::heat_axes(lang), tr(lang, P::HeatMatrixDesc))}
                    {legend_spans(legend, list_sep(lang))}
                </p>
            </section>
        }
        .into_any()
    }
}

/// A band legend's entries (« Faible 1–4 ») as spans kept whole, between separators.
pub(crate) fn legend_spans(entries: Vec<String>, sep: &'static str) -> Vec<AnyView> {
    let last = entries.len().saturating_sub(1);
    (entries.into_iter().enumerate())
        .map(|(i, e)| {
            view! { <span class="nobreak">{e}</span>{(i < last).then_some(sep)} }.into_any()
        })
        .collect()
}

/// Each question with the participant's answer, the verdict, the right answer when it was
/// missed, and the explanation; « Recommencer le quiz » (after a confirmation) clears every
/// answer for a new attempt.
#[component]
fn QuizReview(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let restart = move |_| {
        if super::browser::confirm(state.t(P::ConfirmRestartQuiz)) {
            let id = ctx.id.get_value();
            state.update(&id, |s| crate::engine::edit::restart_quiz(&mut s.file));
            state.go(Route::Fill(id));
        }
    };
    let review = move || {
        let lang = state.lang.get();
        let q = ctx.q.get_value();
        ctx.outcome.with(|o| {
            o.items
                .iter()
                .filter(|r| r.effect != Effect::Hidden)
                .filter_map(|r| {
                    let item = q.item(&r.item)?;
                    // The answer as stored, validated or not; its verdict once validated.
                    let given = ctx.file.with(|f| {
                        let ids = stored_ids(&f.answers.get(&item.id)?.value)?;
                        Some(answer_label(item, &ids, lang))
                    });
                    let mark = match r.correct {
                        Some(true) => "✓\u{a0}",
                        Some(false) => "✗\u{a0}",
                        None => "",
                    };
                    let line = format!("{mark}{}", quiz_answer_line(given.as_deref(), r.correct, lang));
                    let (right, explanation) = r.correct.map(|ok| quiz_feedback(item, ok, lang)).unwrap_or_default();
                    Some(view! {
                        <article class="quiz-review">
                            <h3>{item.text.get(lang.code()).to_owned()}</h3>
                            <p>{labelled(lang, tr(lang, P::Answer), &line)}</p>
                            {right.map(|r| view! { <p>{labelled(lang, tr(lang, P::TheRightAnswer), &r)}</p> })}
                            // The explanation comes with a verdict only, as on the quiz page.
                            {explanation.map(|e| view! { <p>{e}</p> })}
                        </article>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <p class="actions no-print">
            <button on:click=restart>{move || state.t(P::RestartQuiz)}</button>
        </p>
        {review}
    }
}

/// Answers set aside when the assessment was fitted to a newer questionnaire version: listed
/// with their reason, so nothing typed is hidden (the PDF and the command line list them too).
#[component]
fn SetAside(id: String) -> impl IntoView {
    let state = super::app_state();
    move || {
        let lang = state.lang.get();
        let lines = state.assessments.with(|l| {
            l.iter()
                .find(|s| s.id == id)
                .map(|s| placement::unplaced(&s.file, lang))
                .unwrap_or_default()
        });
        (!lines.is_empty()).then(|| view! {
            <section class="set-aside" aria-labelledby="set-aside-title">
                <h2 id="set-aside-title">{placement::title(lang)}</h2>
                <ul>{lines.into_iter().map(|(key, line)| view! { <li><code>{key}</code>" — "{line}</li> }).collect_view()}</ul>
            </section>
        })
    }
}

/// The action plan, each entry editable: action, owner, due date and status.
#[component]
fn PlanEditor(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let edit = move |n: usize, f: Box<dyn FnOnce(&mut ActionEntry)>| {
        let id = ctx.id.get_value();
        state.update(&id, |s| {
            if let Some(e) = s.file.action_plan.get_mut(n) {
                f(e);
            }
        });
    };
    // Rows are rebuilt only when entries are added or removed, or the language switched,
    // not on each keystroke.
    let count = Memo::new(move |_| ctx.file.with(|f| f.action_plan.len()));
    view! {
        <section aria-labelledby="plan-title">
            <h2 id="plan-title">{move || state.t(P::ActionPlan)}</h2>
            {move || {
                let n = count.get();
                let lang = state.lang.get();
                if n == 0 {
                    return view! { <p>{ctx.q.with_value(|q| crate::present::plan::nothing_to_plan(q, lang))}</p> }.into_any();
                }
                let q = ctx.q.get_value();
                let entries = ctx.file.with_untracked(|f| f.action_plan.clone());
                view! {
                    <ol class="plan">
                        {entries.into_iter().enumerate().map(|(i, e)| {
                            let gap = crate::present::plan::gap(&q, &e, lang);
                            let action = crate::present::plan::action(&q, &e, lang);
                            let status = match e.status { ActionStatus::NotStarted => "not_started", ActionStatus::InProgress => "in_progress", ActionStatus::Done => "done" };
                            view! {
                                <li class="plan-entry">
                                    <p class="gap"><strong>{labelled(lang, crate::present::plan::gap_label(&q, lang), "")}</strong>{gap}</p>
                                    <p class="field"><label for=format!("plan-{i}-action")>{tr(lang, P::Action)}</label>
                                        <textarea id=format!("plan-{i}-action") rows=(action.chars().count() / 40 + 1).clamp(2, 6) prop:value=action
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |e| e.action = v)) }></textarea></p>
                                    <p class="field"><label for=format!("plan-{i}-owner")>{tr(lang, P::Owner)}</label>
                                        <input id=format!("plan-{i}-owner") type="text" prop:value=e.owner.clone()
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |e| e.owner = v)) }/></p>
                                    <p class="field"><label for=format!("plan-{i}-due")>{tr(lang, P::Due)}</label>
                                        <input id=format!("plan-{i}-due") type="date" prop:value=e.due.map(|d| d.to_string()).unwrap_or_default()
                                            on:input=move |ev| { let v = crate::present::date::from_iso(&event_target_value(&ev)); edit(i, Box::new(move |e| e.due = v)) }/></p>
                                    <p class="field"><label for=format!("plan-{i}-status")>{tr(lang, P::Status)}</label>
                                        <select id=format!("plan-{i}-status") prop:value=status on:change=move |ev| {
                                            let v = match event_target_value(&ev).as_str() { "in_progress" => ActionStatus::InProgress, "done" => ActionStatus::Done, _ => ActionStatus::NotStarted };
                                            edit(i, Box::new(move |e| follow_up::set_action_status(e, v, super::today())));
                                        }>
                                            <option value="not_started">{words::status(ActionStatus::NotStarted, lang)}</option>
                                            <option value="in_progress">{words::status(ActionStatus::InProgress, lang)}</option>
                                            <option value="done">{words::status(ActionStatus::Done, lang)}</option>
                                        </select></p>
                                    <PlanEntryState ctx=ctx n=i/>
                                    <button class="link no-print" on:click=move |_| {
                                        let id = ctx.id.get_value();
                                        state.update(&id, |s| { if i < s.file.action_plan.len() { s.file.action_plan.remove(i); } });
                                    }>{tr(lang, P::RemoveEntry)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// An action plan entry's lateness (« En retard (échéance …) », said in words with an icon)
/// and its dated status history, folded.
#[component]
fn PlanEntryState(ctx: Ctx, n: usize) -> impl IntoView {
    let state = ctx.state;
    let entry = Memo::new(move |_| {
        ctx.file.with(|f| {
            f.action_plan
                .get(n)
                .map(|e| (e.due, e.status, e.history.clone()))
        })
    });
    move || {
        let lang = state.lang.get();
        let (due, status, history) = entry.get()?;
        let probe = ActionEntry {
            due,
            status,
            ..ActionEntry::default()
        };
        let late = follow_up::is_late(&probe, super::today())
            .then(|| due.map(|d| words::late(d, lang)))
            .flatten();
        Some(view! {
            {late.map(|l| view! { <p class="late" role="note"><strong>{format!("⚠ {l}")}</strong></p> })}
            {(!history.is_empty()).then(|| view! {
                <details class="history">
                    <summary>{format!("{} ({})", w(lang, W::History), history.len())}</summary>
                    <ul>{history.into_iter().map(|h| view! {
                        <li>{labelled(lang, &french_date(h.date, lang), words::status(h.status, lang))}</li>
                    }).collect_view()}</ul>
                </details>
            })}
        })
    }
}

#[derive(Clone, PartialEq)]
enum PdfState {
    Idle,
    Loading,
    Building,
    /// `ms`: layout on the page and writing in the worker, kept in `data-ms` for the benchmark.
    Done {
        name: String,
        pages: u32,
        kb: f64,
        missing: String,
        ms: f64,
    },
    Failed(String),
}

/// "Export the PDF report": the PDF is made by a web worker started on first use, and
/// downloaded as `<questionnaire>-<organisation>-<date>.pdf`. What is happening is announced.
#[component]
fn PdfExport(id: String, compared: RwSignal<Option<String>>) -> impl IntoView {
    let state = super::app_state();
    let status = RwSignal::new(PdfState::Idle);
    let busy = move || matches!(status.get(), PdfState::Loading | PdfState::Building);
    let export = move |_| {
        let Some(s) = state
            .assessments
            .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
        else {
            return;
        };
        let qid = s.file.questionnaire.id.clone();
        let Some(q) = state.questionnaire(&qid) else {
            return status.set(PdfState::Failed(qid));
        };
        let date = super::today();
        let lang = state.lang.get_untracked();
        // The assessment compared with on the page: the PDF has the same « Suivi » section.
        let baseline = compared.get_untracked().and_then(|other| {
            state
                .assessments
                .with_untracked(|l| l.iter().find(|s| s.id == other).map(|s| s.file.clone()))
        });
        leptos::task::spawn_local(async move {
            if !super::pdf::started() {
                status.set(PdfState::Loading);
                if let Err(e) = super::pdf::start().await {
                    // Most likely offline before the service worker cached the module.
                    let hint = state.t(P::PdfModuleUnavailable);
                    return status.set(PdfState::Failed(format!("{hint} ({e})")));
                }
            }
            status.set(PdfState::Building);
            // Laid out here from the assessment the page holds, once the status is painted;
            // the worker writes the PDF.
            super::browser::painted().await;
            let started = js_sys::Date::now();
            let made = match crate::report::sheet_of(&q, s.file.clone(), baseline, lang, date) {
                Ok(sheet) => super::pdf::write(&sheet, started).await,
                Err(e) => Err(e),
            };
            match made {
                Ok(m) => {
                    let name = crate::present::file_name::report(&s.file, date);
                    match super::browser::download(&name, "application/pdf", &m.bytes) {
                        Ok(()) => status.set(PdfState::Done {
                            name,
                            pages: m.pages,
                            kb: m.bytes.len() as f64 / 1024.0,
                            missing: m.missing,
                            ms: m.ms,
                        }),
                        Err(e) => status.set(PdfState::Failed(e)),
                    }
                }
                Err(e) => status.set(PdfState::Failed(e)),
            }
            super::browser::reveal("pdf-status");
        });
    };
    view! {
        <div class="pdf-export no-print">
        <button class="primary" on:click=export disabled=busy aria-busy=move || busy().to_string()>
            {move || state.t(P::ExportPdf)}
        </button>
        <p id="pdf-status" class="pdf-status" role="status" aria-live="polite" data-ms=move || match status.get() {
            PdfState::Done { ms, .. } => format!("{ms:.1}"),
            _ => String::new(),
        }>
            {move || match status.get() {
                PdfState::Idle => String::new(),
                PdfState::Loading => state.t(P::PdfLoading).to_owned(),
                PdfState::Building => state.t(P::PdfBuilding).to_owned(),
                PdfState::Done { name, pages, kb, missing, .. } => {
                    let lang = state.lang.get_untracked();
                    let mut text = format!("✓ {} ({})", labelled(lang, state.t(P::PdfReady), &name), crate::present::number::pages_and_size(pages, kb, lang));
                    if !missing.is_empty() {
                        text.push_str(&format!(". ⚠ {}", labelled(lang, state.t(P::PdfMissing), &missing)));
                    }
                    text
                }
                PdfState::Failed(e) => format!("⚠ {}", labelled(state.lang.get_untracked(), state.t(P::PdfFailed), &e)),
            }}
        </p>
        </div>
    }
}

/// `text` in lines of at most about `max` characters, broken between words only.
fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

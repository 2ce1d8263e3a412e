//! Scoring: a pure function of (questionnaire, answers) → [`Outcome`].
//!
//! Every rule is declared in the questionnaire file; this module only knows the five rule
//! shapes. Hidden items never count. A rating is given only when every shown scored item
//! is answered; otherwise the outcome is partial and lists what is missing. Each outcome
//! explains itself: what every item contributed and which band edges applied.

mod matrix;
mod quiz;
mod tally;

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::answers::{AnswersFile, Value};
use super::condition::{holds, na_allowed, visible_items};
use super::model::*;
use super::order::set;

pub use matrix::{MeasureResult, RiskResult};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub questionnaire: String,
    pub version: String,
    pub rule: &'static str,
    /// Whether the rule is verified against its source or provisional.
    pub status: RuleStatus,
    /// The questionnaire-level status that holds (e.g. `no_contact`), if any: the result is
    /// stated with it first.
    pub result_status: Option<String>,
    /// Every shown scored item is answered.
    pub complete: bool,
    /// Total, count met, flags raised, right answers, or (risk matrix) the worst residual score.
    pub score: Option<i64>,
    /// The most `score` could be, over the items that count.
    pub max: Option<i64>,
    pub percent: Option<f64>,
    /// The number the bands were read on (`score`, or `percent` rounded down).
    pub banded_on: Option<i64>,
    /// The rating; `None` while incomplete.
    pub band: Option<Band>,
    /// The band before a critical item capped it.
    pub uncapped_band: Option<String>,
    pub caps: Vec<Cap>,
    /// Quiz: percent ≥ pass mark.
    pub passed: Option<bool>,
    pub pass_mark: Option<u8>,
    /// Per item: what it contributed and why.
    pub items: Vec<ItemResult>,
    pub sections: Vec<SectionResult>,
    /// Risk matrix: the register, highest residual risk first.
    pub risks: Vec<RiskResult>,
    /// Shown, required items with no answer.
    pub missing: Vec<Missing>,
    /// Answers that do not fit their item (they count as unanswered).
    pub problems: Vec<Problem>,
    /// Items showing a gap, with the suggested action: the draft action plan.
    pub gaps: Vec<Gap>,
    /// Flag count: the context flags, counted apart from the banded (design) score.
    pub context: Option<ContextFlags>,
}

/// Context flags raised, out of those answered (N/A left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ContextFlags {
    pub raised: i64,
    pub counted: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cap {
    pub item: String,
    pub cap: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemResult {
    pub item: String,
    pub section: String,
    /// The answer as an id (`yes`, `adequate`, `na`, `true`…); `None` if unanswered.
    pub answer: Option<String>,
    pub points: Option<i64>,
    pub max: Option<i64>,
    pub effect: Effect,
    /// Quiz: whether the answer is right.
    pub correct: Option<bool>,
}

/// How an item entered the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Counted,
    /// N/A, left out of score and maximum.
    NaExcluded,
    /// N/A, counted as fully met.
    NaMet,
    Unanswered,
    Hidden,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionResult {
    pub section: String,
    pub score: i64,
    pub max: i64,
    pub answered: usize,
    /// Shown scored items.
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Missing {
    pub item: String,
    pub section: String,
    /// Whether the rating waits for it.
    pub scored: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub item: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    pub item: String,
    pub section: String,
    pub action: Option<Text>,
}

/// Why an N/A answer was not accepted: its item allows N/A only under a condition that does
/// not hold (UN standard 8: only when no allegation was received).
pub const NA_REFUSED: &str =
    "N/A is accepted here only when its condition holds (e.g. no allegation received); answer the question";

/// The items the rule scores: those it lists, or by default every item of the kind it reads.
pub fn scored_items(q: &Questionnaire) -> Vec<&Item> {
    let listed = |refs: &[ItemRef]| -> Option<Vec<&Item>> {
        (!refs.is_empty()).then(|| refs.iter().filter_map(|r| q.item(&r.id)).collect())
    };
    let of_kind =
        |f: fn(&ItemKind) -> bool| q.items().map(|(_, i)| i).filter(|i| f(&i.kind)).collect();
    match &q.scoring.rule {
        Rule::WeightedSum(r) => {
            listed(&r.items).unwrap_or_else(|| of_kind(|k| matches!(k, ItemKind::Scale { .. })))
        }
        Rule::CountMet(r) => {
            listed(&r.items).unwrap_or_else(|| of_kind(|k| matches!(k, ItemKind::YesNo { .. })))
        }
        Rule::FlagCount(r) => {
            listed(&r.items).unwrap_or_else(|| of_kind(|k| matches!(k, ItemKind::TrueFalse { .. })))
        }
        Rule::RiskMatrix(_) => of_kind(|k| matches!(k, ItemKind::Risk { .. })),
        Rule::Quiz(_) => q
            .items()
            .map(|(_, i)| i)
            .filter(|i| i.correct.is_some())
            .collect(),
    }
}

/// Every number the rule's bands can be read on, or `None` when too many to list.
pub fn reachable_scores(q: &Questionnaire) -> Option<BTreeSet<i64>> {
    let items = scored_items(q);
    let conditional =
        |i: &Item| i.show_if.is_some() || q.section_of(&i.id).is_some_and(|s| s.show_if.is_some());
    let n = items.len() as i64;
    match &q.scoring.rule {
        Rule::WeightedSum(r) if r.basis == Basis::Total => {
            let mut sums = set([0i64]);
            for i in &items {
                let ItemKind::Scale { choices, na } = &i.kind else {
                    continue;
                };
                let mut options: BTreeSet<i64> =
                    set(choices.iter().filter_map(|c| c.value).map(|v| v * i.weight));
                if *na && r.na == NaPolicy::Met {
                    options.insert(options.iter().max().copied().unwrap_or(0));
                }
                if conditional(i) {
                    options.insert(0);
                }
                sums = set(sums.iter().flat_map(|s| options.iter().map(move |o| s + o)));
                if sums.len() > 100_000 {
                    return None;
                }
            }
            Some(sums)
        }
        Rule::CountMet(r) if r.basis == Basis::Total => Some(set(0..=n)),
        Rule::FlagCount(r) => {
            let design = items.iter().filter(|i| !r.is_context(&i.id)).count() as i64;
            Some(set(0..=design))
        }
        // The assessor may set any residual by hand (with a justification), so every
        // product of the two scales can be a result.
        Rule::RiskMatrix(r) => {
            let (lp, ip) = (r.likelihood.len() as i64, r.impact.len() as i64);
            Some(set((1..=lp).flat_map(|l| (1..=ip).map(move |i| l * i))))
        }
        _ => Some(set(0..=100)),
    }
}

/// Scores `answers` against `q`.
pub fn score(q: &Questionnaire, answers: &AnswersFile) -> Outcome {
    let visible: HashSet<&str> = visible_items(q, answers)
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    let shown = |id: &str| visible.contains(id);
    let mut out = Outcome {
        questionnaire: q.id.clone(),
        version: q.version.clone(),
        rule: q.scoring.rule.name(),
        status: q.scoring.status,
        result_status: q
            .statuses
            .iter()
            .find(|st| holds(q, answers, &st.when))
            .map(|st| st.id.clone()),
        complete: true,
        score: None,
        max: None,
        percent: None,
        banded_on: None,
        band: None,
        uncapped_band: None,
        caps: vec![],
        passed: None,
        pass_mark: None,
        items: vec![],
        sections: vec![],
        risks: vec![],
        missing: vec![],
        problems: vec![],
        gaps: vec![],
        context: None,
    };
    let scored: HashSet<&str> = scored_items(q).iter().map(|i| i.id.as_str()).collect();
    let mut values = Vec::new();
    for (section, item) in q.items() {
        let is_scored = scored.contains(item.id.as_str());
        if !shown(&item.id) {
            if is_scored {
                values.push((section, item, None, false));
            }
            continue;
        }
        let value = match answers.value(q, item) {
            Ok(Some(Value::Na)) if !na_allowed(q, answers, item) => {
                out.problems.push(Problem {
                    item: item.id.clone(),
                    message: NA_REFUSED.into(),
                });
                None
            }
            Ok(v) => v,
            Err(message) => {
                out.problems.push(Problem {
                    item: item.id.clone(),
                    message,
                });
                None
            }
        };
        // A quiz answer counts once the participant validated it (the app then locks it).
        let quiz_pending = matches!(q.scoring.rule, Rule::Quiz(_))
            && is_scored
            && !answers.answers.get(&item.id).is_some_and(|a| a.validated);
        let value = if quiz_pending { None } else { value };
        if value.is_none() && (item.required || is_scored) {
            out.missing.push(Missing {
                item: item.id.clone(),
                section: section.id.clone(),
                scored: is_scored,
            });
            if is_scored {
                out.complete = false;
            }
        }
        if is_scored {
            values.push((section, item, value, true));
        }
    }
    let scored = Scored { values };
    match &q.scoring.rule {
        Rule::WeightedSum(r) => tally::weighted_sum(r, &scored, &mut out),
        Rule::CountMet(r) => tally::count_met(r, &scored, &mut out),
        Rule::FlagCount(r) => tally::flag_count(r, &scored, &mut out),
        Rule::RiskMatrix(r) => matrix::risk_matrix(r, &scored, &mut out),
        Rule::Quiz(r) => quiz::quiz(r, &scored, &mut out),
    }
    out.sections = section_results(q, &out.items);
    out
}

/// The scored items with their answers: (section, item, value, shown).
pub(crate) struct Scored<'q> {
    values: Vec<(&'q Section, &'q Item, Option<Value>, bool)>,
}

impl Scored<'_> {
    /// An item result for a hidden or unanswered item, or `None` if it has a value.
    fn skip(
        section: &Section,
        item: &Item,
        value: &Option<Value>,
        shown: bool,
    ) -> Option<ItemResult> {
        let effect = if !shown {
            Effect::Hidden
        } else if value.is_none() {
            Effect::Unanswered
        } else {
            return None;
        };
        Some(ItemResult {
            item: item.id.clone(),
            section: section.id.clone(),
            answer: None,
            points: None,
            max: None,
            effect,
            correct: None,
        })
    }
}

fn section_results(q: &Questionnaire, items: &[ItemResult]) -> Vec<SectionResult> {
    q.sections
        .iter()
        .filter_map(|s| {
            let mine: Vec<&ItemResult> = items
                .iter()
                .filter(|r| r.section == s.id && r.effect != Effect::Hidden)
                .collect();
            (!mine.is_empty()).then(|| SectionResult {
                section: s.id.clone(),
                score: mine.iter().filter_map(|r| r.points).sum(),
                max: mine.iter().filter_map(|r| r.max).sum(),
                answered: mine
                    .iter()
                    .filter(|r| r.effect != Effect::Unanswered)
                    .count(),
                total: mine.len(),
            })
        })
        .collect()
}

/// The band holding `n`.
fn band_for(bands: &[Band], n: i64) -> Option<&Band> {
    bands.iter().find(|b| (b.min..=b.max).contains(&n))
}

/// Sets score, band and caps. Bands are ordered by score: a cap keeps the rating at or
/// below the capping band.
fn finish(out: &mut Outcome, bands: &[Band], score: i64, max: i64, basis: Basis, caps: Vec<Cap>) {
    out.score = Some(score);
    out.max = Some(max);
    out.percent = (max > 0).then(|| 100.0 * score as f64 / max as f64);
    let on = match basis {
        Basis::Total => Some(score),
        Basis::Percent => out.percent.map(|p| p.floor() as i64),
    };
    out.banded_on = on;
    if !out.complete || bands.is_empty() {
        return;
    }
    let Some(found) = on.and_then(|n| band_for(bands, n)) else {
        return;
    };
    let mut band = found.clone();
    for cap in &caps {
        if let Some(c) = bands.iter().find(|b| b.id == cap.cap) {
            if c.min < band.min {
                out.uncapped_band.get_or_insert(found.id.clone());
                band = c.clone();
            }
        }
    }
    out.caps = caps;
    out.band = Some(band);
}

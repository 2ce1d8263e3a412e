//! Likelihood × impact risk matrix: inherent risk, measures, residual risk, ranking.
//!
//! The inherent risk is rated without the measures. Only measures in place lower it (a
//! measure partly in place counts as the rule says), each by the steps its file declares,
//! and never by more than the rule's `max_reduction`: ticking boxes cannot talk a « Très
//! élevé » risk down to « Faible ». The assessor may set the residual by hand, but only with
//! a written justification; the computed value is kept beside it, and a choice below what
//! the measures could ever reach is flagged.

use serde::Serialize;

use super::{band_for, tally::gap, Effect, ItemResult, Outcome, Scored};
use crate::engine::answers::{MeasureState, MeasureStatus, RiskRating, Value};
use crate::engine::model::*;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskResult {
    pub item: String,
    pub section: String,
    /// The risk's category id (SEA, other GBV…), when the rule declares categories.
    pub category: Option<String>,
    /// 1 = highest residual risk.
    pub rank: usize,
    /// Inherent likelihood.
    pub likelihood: u8,
    /// Impact as rated.
    pub impact_rated: u8,
    /// Impact as counted: at least the floor of the risk's category.
    pub impact: u8,
    /// The floor that applied (1 = none).
    pub impact_floor: u8,
    pub inherent_score: i64,
    pub inherent_band: Option<String>,
    /// Every measure of the risk with its status, in questionnaire order.
    pub measures: Vec<MeasureResult>,
    /// Measures in place.
    pub mitigations: Vec<String>,
    /// Measures not (fully) in place and not ruled out as not applicable: what to do next.
    pub open_mitigations: Vec<String>,
    /// Steps the measures took off, after the bound.
    pub steps_likelihood: u8,
    pub steps_impact: u8,
    /// The bound cut what the measures in place would have taken off.
    pub bounded: bool,
    /// The residual the measures give.
    pub computed_likelihood: u8,
    pub computed_impact: u8,
    pub computed_score: i64,
    pub computed_band: Option<String>,
    /// The lowest residual score measures could ever reach for this inherent rating.
    pub lowest_by_measures: i64,
    /// The residual retained: the assessor's justified choice, else the computed one.
    pub residual_likelihood: u8,
    pub residual_impact: u8,
    pub residual_score: i64,
    pub residual_band: Option<String>,
    /// The assessor's justified choice is the residual.
    pub override_used: bool,
    /// A residual was set by hand without a justification: not counted.
    pub override_unjustified: bool,
    /// The retained residual is below what the measures could ever reach.
    pub below_bound: bool,
    pub justification: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureResult {
    pub id: String,
    pub axis: Axis,
    pub by: u8,
    pub status: MeasureStatus,
    pub owner: String,
    pub due: Option<chrono::NaiveDate>,
}

/// The residual a set of measures gives: (likelihood, impact, steps on each, bounded).
struct Reduction {
    likelihood: u8,
    impact: u8,
    steps_l: u8,
    steps_i: u8,
    bounded: bool,
}

/// Takes `raw_l` and `raw_i` steps off (likelihood, impact) within the rule's bound and the
/// scales (likelihood ≥ 1, impact ≥ floor). Impact is lowered first, within its own cap, so
/// a harm-reducing measure (referral…) still counts when likelihood measures would fill the total.
fn reduce(r: &RiskMatrix, l: u8, i: u8, floor: u8, raw_l: u8, raw_i: u8) -> Reduction {
    let cap = r.max_reduction;
    let steps_i = raw_i
        .min(cap.impact)
        .min(cap.total)
        .min(i.saturating_sub(floor));
    let left = cap.total.saturating_sub(steps_i);
    let steps_l = raw_l.min(cap.likelihood).min(left).min(l - 1);
    let usable_l = raw_l.min(l - 1);
    let usable_i = raw_i.min(i.saturating_sub(floor));
    Reduction {
        likelihood: l - steps_l,
        impact: i - steps_i,
        steps_l,
        steps_i,
        bounded: steps_l < usable_l || steps_i < usable_i,
    }
}

/// The lowest score any measures could reach from (l, i) under the bound.
fn lowest_by_measures(r: &RiskMatrix, l: u8, i: u8, floor: u8) -> i64 {
    (0..=i - 1)
        .map(|si| {
            let red = reduce(r, l, i, floor, u8::MAX, si);
            i64::from(red.likelihood) * i64::from(red.impact)
        })
        .min()
        .unwrap_or(i64::from(l) * i64::from(i))
}

/// Steps the measures in `status` lower `axis` by, with "partly" as the rule says.
fn raw_steps(r: &RiskMatrix, measures: &[Mitigation], rating: &RiskRating, axis: Axis) -> u8 {
    let sum = |want: MeasureStatus| -> u8 {
        measures
            .iter()
            .filter(|m| m.lowers == axis && rating.status(&m.id) == want)
            .map(|m| m.by)
            .fold(0u8, u8::saturating_add)
    };
    let partly = match r.partly {
        PartlyInPlace::Ignored => 0,
        PartlyInPlace::Half => sum(MeasureStatus::Partly) / 2,
    };
    sum(MeasureStatus::InPlace).saturating_add(partly)
}

pub(super) fn risk_matrix(r: &RiskMatrix, s: &Scored, out: &mut Outcome) {
    let lowest_band = r.bands.iter().min_by_key(|b| b.min).map(|b| b.id.clone());
    for (section, item, value, shown) in &s.values {
        if let Some(skip) = Scored::skip(section, item, value, *shown) {
            out.items.push(skip);
            continue;
        }
        let ItemKind::Risk {
            mitigations,
            category,
            ..
        } = &item.kind
        else {
            continue;
        };
        let rating = match value {
            Some(Value::Risk(rating)) => rating,
            Some(Value::Na) => {
                out.items.push(ItemResult {
                    item: item.id.clone(),
                    section: section.id.clone(),
                    answer: Some(NA.into()),
                    points: None,
                    max: None,
                    effect: Effect::NaExcluded,
                    correct: None,
                });
                continue;
            }
            _ => continue,
        };
        let floor = r.floor(category.as_deref());
        let impact = rating.impact.max(floor);
        let computed = reduce(
            r,
            rating.likelihood,
            impact,
            floor,
            raw_steps(r, mitigations, rating, Axis::Likelihood),
            raw_steps(r, mitigations, rating, Axis::Impact),
        );
        let computed_score = i64::from(computed.likelihood) * i64::from(computed.impact);
        let chosen = rating.residual.as_ref();
        let override_used =
            chosen.is_some_and(|c| c.justified() && (c.likelihood.is_some() || c.impact.is_some()));
        let (residual_likelihood, residual_impact) = match chosen {
            Some(c) if override_used => (
                c.likelihood.unwrap_or(computed.likelihood),
                c.impact.unwrap_or(computed.impact),
            ),
            _ => (computed.likelihood, computed.impact),
        };
        let inherent_score = i64::from(rating.likelihood) * i64::from(impact);
        let residual_score = i64::from(residual_likelihood) * i64::from(residual_impact);
        let lowest = lowest_by_measures(r, rating.likelihood, impact, floor);
        let band_id = |n: i64| band_for(&r.bands, n).map(|b| b.id.clone());
        let residual_band = band_id(residual_score);
        if residual_band != lowest_band {
            out.gaps.push(gap(section, item));
        }
        out.items.push(ItemResult {
            item: item.id.clone(),
            section: section.id.clone(),
            answer: Some(format!("{}x{}", rating.likelihood, rating.impact)),
            points: Some(residual_score),
            max: Some(inherent_score),
            effect: Effect::Counted,
            correct: None,
        });
        let measures: Vec<MeasureResult> = mitigations
            .iter()
            .map(|m| {
                let state = rating.measures.get(&m.id).cloned().unwrap_or_default();
                let MeasureState { status, owner, due } = state;
                MeasureResult {
                    id: m.id.clone(),
                    axis: m.lowers,
                    by: m.by,
                    status,
                    owner,
                    due,
                }
            })
            .collect();
        let ids = |keep: fn(MeasureStatus) -> bool| -> Vec<String> {
            measures
                .iter()
                .filter(|m| keep(m.status))
                .map(|m| m.id.clone())
                .collect()
        };
        out.risks.push(RiskResult {
            item: item.id.clone(),
            section: section.id.clone(),
            category: category.clone(),
            rank: 0,
            likelihood: rating.likelihood,
            impact_rated: rating.impact,
            impact,
            impact_floor: floor,
            inherent_score,
            inherent_band: band_id(inherent_score),
            mitigations: ids(|s| s == MeasureStatus::InPlace),
            open_mitigations: ids(|s| {
                !matches!(s, MeasureStatus::InPlace | MeasureStatus::NotApplicable)
            }),
            measures,
            steps_likelihood: computed.steps_l,
            steps_impact: computed.steps_i,
            bounded: computed.bounded,
            computed_likelihood: computed.likelihood,
            computed_impact: computed.impact,
            computed_score,
            computed_band: band_id(computed_score),
            lowest_by_measures: lowest,
            residual_likelihood,
            residual_impact,
            residual_score,
            residual_band,
            override_used,
            override_unjustified: chosen
                .is_some_and(|c| !c.justified() && (c.likelihood.is_some() || c.impact.is_some())),
            below_bound: residual_score < lowest,
            justification: chosen
                .filter(|_| override_used)
                .map(|c| c.justification.trim().to_owned()),
        });
    }
    // Highest residual first; ties broken by inherent risk, then questionnaire order (stable).
    crate::engine::order::sort_by(&mut out.risks, |a, b| {
        b.residual_score
            .cmp(&a.residual_score)
            .then(b.inherent_score.cmp(&a.inherent_score))
    });
    for (i, risk) in out.risks.iter_mut().enumerate() {
        risk.rank = i + 1;
    }
    let worst = out.risks.first().map(|r| r.residual_score);
    out.score = worst;
    out.max = Some(r.likelihood.len() as i64 * r.impact.len() as i64);
    out.banded_on = worst;
    if out.complete {
        out.band = worst.and_then(|w| band_for(&r.bands, w)).cloned();
    }
}

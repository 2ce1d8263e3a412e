//! Likelihood × impact risk matrix: inherent risk, mitigations, residual risk, ranking.

use serde::Serialize;

use super::{band_for, tally::gap, Effect, ItemResult, Outcome, Scored};
use crate::engine::answers::Value;
use crate::engine::model::*;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskResult {
    pub item: String,
    pub section: String,
    /// 1 = highest residual risk.
    pub rank: usize,
    pub likelihood: u8,
    /// Impact as rated.
    pub impact_rated: u8,
    /// Impact after the floor.
    pub impact: u8,
    pub inherent_score: i64,
    pub inherent_band: Option<String>,
    /// Mitigations in place.
    pub mitigations: Vec<String>,
    /// Mitigations offered but not in place: what to do next.
    pub open_mitigations: Vec<String>,
    pub residual_likelihood: u8,
    pub residual_impact: u8,
    pub residual_score: i64,
    pub residual_band: Option<String>,
}

pub(super) fn risk_matrix(r: &RiskMatrix, s: &Scored, out: &mut Outcome) {
    let floor = r.impact_floor.unwrap_or(1).max(1);
    let lowest_band = r.bands.iter().min_by_key(|b| b.min).map(|b| b.id.clone());
    for (section, item, value, shown) in &s.values {
        if let Some(skip) = Scored::skip(section, item, value, *shown) {
            out.items.push(skip);
            continue;
        }
        let ItemKind::Risk { mitigations, .. } = &item.kind else {
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
        let impact = rating.impact.max(floor);
        let steps = |axis: Axis| -> u8 {
            mitigations
                .iter()
                .filter(|m| m.lowers == axis && rating.mitigations.contains(&m.id))
                .map(|m| m.by)
                .fold(0u8, u8::saturating_add)
        };
        let residual_likelihood = rating
            .likelihood
            .saturating_sub(steps(Axis::Likelihood))
            .max(1);
        let residual_impact = impact.saturating_sub(steps(Axis::Impact)).max(floor);
        let inherent_score = i64::from(rating.likelihood) * i64::from(impact);
        let residual_score = i64::from(residual_likelihood) * i64::from(residual_impact);
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
        out.risks.push(RiskResult {
            item: item.id.clone(),
            section: section.id.clone(),
            rank: 0,
            likelihood: rating.likelihood,
            impact_rated: rating.impact,
            impact,
            inherent_score,
            inherent_band: band_id(inherent_score),
            mitigations: mitigations
                .iter()
                .filter(|m| rating.mitigations.contains(&m.id))
                .map(|m| m.id.clone())
                .collect(),
            open_mitigations: mitigations
                .iter()
                .filter(|m| !rating.mitigations.contains(&m.id))
                .map(|m| m.id.clone())
                .collect(),
            residual_likelihood,
            residual_impact,
            residual_score,
            residual_band,
        });
    }
    // Highest residual first; ties broken by inherent risk, then questionnaire order (stable).
    out.risks.sort_by(|a, b| {
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

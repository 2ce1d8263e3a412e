//! Rules that add up items: weighted sum, count of standards met, count of risk flags.

use super::{finish, Cap, ContextFlags, Effect, Gap, ItemResult, Outcome, Scored};
use crate::engine::answers::Value;
use crate::engine::model::*;

/// Weighted sum of scale values. N/A per the rule's policy; critical items cap the band.
pub(super) fn weighted_sum(r: &WeightedSum, s: &Scored, out: &mut Outcome) {
    let (mut total, mut max) = (0, 0);
    let mut caps = Vec::new();
    for (section, item, value, shown) in &s.values {
        if let Some(skip) = Scored::skip(section, item, value, *shown) {
            out.items.push(skip);
            continue;
        }
        let ItemKind::Scale { choices, .. } = &item.kind else {
            continue;
        };
        let top = choices.iter().filter_map(|c| c.value).max().unwrap_or(0) * item.weight;
        let (answer, points, item_max, effect) = match value {
            Some(Value::Na) if r.na == NaPolicy::Met => {
                (NA.to_owned(), Some(top), Some(top), Effect::NaMet)
            }
            Some(Value::Na) => (NA.to_owned(), None, None, Effect::NaExcluded),
            Some(Value::Id(id)) => {
                let v = choices
                    .iter()
                    .find(|c| &c.id == id)
                    .and_then(|c| c.value)
                    .unwrap_or(0)
                    * item.weight;
                if v < top {
                    out.gaps.push(gap(section, item));
                }
                (id.clone(), Some(v), Some(top), Effect::Counted)
            }
            _ => continue,
        };
        total += points.unwrap_or(0);
        max += item_max.unwrap_or(0);
        for c in r
            .critical
            .iter()
            .filter(|c| c.item == item.id && c.when.contains(&answer))
        {
            caps.push(Cap {
                item: item.id.clone(),
                cap: c.cap.clone(),
            });
        }
        out.items.push(ItemResult {
            item: item.id.clone(),
            section: section.id.clone(),
            answer: Some(answer),
            points,
            max: item_max,
            effect,
            correct: None,
        });
    }
    finish(out, &r.bands, total, max, r.basis, caps);
}

/// Number of yes/no standards met. A critical standard not met caps the band.
pub(super) fn count_met(r: &CountMet, s: &Scored, out: &mut Outcome) {
    let (mut met, mut counted) = (0, 0);
    let mut caps = Vec::new();
    for (section, item, value, shown) in &s.values {
        if let Some(skip) = Scored::skip(section, item, value, *shown) {
            out.items.push(skip);
            continue;
        }
        let (answer, point, effect) = match value {
            Some(Value::Na) if r.na == NaPolicy::Met => (NA.to_owned(), Some(1), Effect::NaMet),
            Some(Value::Na) => (NA.to_owned(), None, Effect::NaExcluded),
            Some(Value::Id(id)) => {
                let is_met = id == YES || (id == PARTIAL && r.partial_met);
                (id.clone(), Some(i64::from(is_met)), Effect::Counted)
            }
            _ => continue,
        };
        if point == Some(0) {
            out.gaps.push(gap(section, item));
        }
        for c in r.critical.iter().filter(|c| c.item == item.id) {
            let triggers = if c.when.is_empty() {
                point == Some(0)
            } else {
                c.when.contains(&answer)
            };
            if triggers {
                caps.push(Cap {
                    item: item.id.clone(),
                    cap: c.cap.clone(),
                });
            }
        }
        met += point.unwrap_or(0);
        counted += i64::from(point.is_some());
        out.items.push(ItemResult {
            item: item.id.clone(),
            section: section.id.clone(),
            answer: Some(answer),
            points: point,
            max: point.map(|_| 1),
            effect,
            correct: None,
        });
    }
    finish(out, &r.bands, met, counted, r.basis, caps);
}

/// Number of risk statements answered "true".
pub(super) fn flag_count(r: &FlagCount, s: &Scored, out: &mut Outcome) {
    let (mut raised, mut counted) = (0, 0);
    let mut context = ContextFlags {
        raised: 0,
        counted: 0,
    };
    for (section, item, value, shown) in &s.values {
        if let Some(skip) = Scored::skip(section, item, value, *shown) {
            out.items.push(skip);
            continue;
        }
        let (answer, point, effect) = match value {
            Some(Value::Bool(b)) => (b.to_string(), Some(i64::from(*b)), Effect::Counted),
            Some(Value::Na) => (NA.to_owned(), None, Effect::NaExcluded),
            _ => continue,
        };
        if point == Some(1) {
            out.gaps.push(gap(section, item));
        }
        let tally = if r.is_context(&item.id) {
            (&mut context.raised, &mut context.counted)
        } else {
            (&mut raised, &mut counted)
        };
        *tally.0 += point.unwrap_or(0);
        *tally.1 += i64::from(point.is_some());
        out.items.push(ItemResult {
            item: item.id.clone(),
            section: section.id.clone(),
            answer: Some(answer),
            points: point,
            max: point.map(|_| 1),
            effect,
            correct: None,
        });
    }
    if !r.context_items.is_empty() {
        out.context = Some(context);
    }
    finish(out, &r.bands, raised, counted, Basis::Total, vec![]);
}

pub(super) fn gap(section: &Section, item: &Item) -> Gap {
    Gap {
        item: item.id.clone(),
        section: section.id.clone(),
        action: item.action.clone(),
    }
}

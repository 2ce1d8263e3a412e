//! Follow-up: what changed between two assessments of one questionnaire (a baseline and a
//! reassessment), per section, question and risk, with the band change, the measures put in
//! place and the action plan's progress.
//!
//! Each side is scored against the questionnaire version it was made for, when the caller
//! has it: a baseline keeps its own rating even when the questionnaire was revised since.
//! Questions are matched by their stable id, so a question moved to another section is the
//! same question, and one removed by the revision is reported as removed, never dropped.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value as Json;

use super::answers::{ActionEntry, ActionStatus, AnswersFile, Assessment};
use super::model::{Questionnaire, Rule};
use super::scoring::{score, Outcome};

/// Which way something moved, read in the questionnaire's own sense (a higher capacity
/// score is better; a higher risk or more flags raised is worse).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Better,
    Worse,
    Same,
    /// Changed, but the answers have no order (a text, a list of ticks).
    Changed,
    /// Answered now, not before.
    Answered,
    /// Answered before, not now.
    Unanswered,
    /// The question exists only in the newer version.
    Added,
    /// The question exists only in the older version.
    Removed,
}

/// One side of the comparison: its rating as the version that made it gives it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SideResult {
    pub version: String,
    pub date: Option<NaiveDate>,
    pub band: Option<String>,
    pub score: Option<i64>,
    pub max: Option<i64>,
    pub complete: bool,
    /// Read from the result the file recorded with its own (older) questionnaire version,
    /// which the caller no longer has.
    pub recorded: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionChange {
    pub section: String,
    /// (score, max) before and after; `None` where the section does not exist.
    pub before: Option<(i64, i64)>,
    pub after: Option<(i64, i64)>,
    pub direction: Direction,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemChange {
    pub item: String,
    /// The section holding the question after (before, for a removed question).
    pub section: String,
    /// The question sits in another section than before.
    pub moved_from: Option<String>,
    /// The answer as an id or text; `None` when unanswered.
    pub before: Option<String>,
    pub after: Option<String>,
    pub direction: Direction,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskChange {
    pub item: String,
    pub before_score: Option<i64>,
    pub after_score: Option<i64>,
    pub before_band: Option<String>,
    pub after_band: Option<String>,
    pub direction: Direction,
    /// Measures in place now that were not before.
    pub put_in_place: Vec<String>,
}

/// The action plan of the newer assessment, read on `today`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActionProgress {
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    /// Indexes (in the newer plan) of entries past their due date and not done.
    pub late: Vec<usize>,
    /// Indexes of entries done now that were not done in the baseline.
    pub done_since: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub questionnaire: String,
    pub before: SideResult,
    pub after: SideResult,
    pub band: Direction,
    pub sections: Vec<SectionChange>,
    /// Every question answered on either side, in the newer version's order, then the removed.
    pub items: Vec<ItemChange>,
    /// Risk register: each risk's residual before → after.
    pub risks: Vec<RiskChange>,
    pub actions: ActionProgress,
}

#[derive(Debug, PartialEq, thiserror::Error)]
pub enum CompareError {
    #[error("the two files are for different questionnaires (`{before}` and `{after}`)")]
    DifferentQuestionnaires { before: String, after: String },
}

/// Whether a higher score means a better result under this rule.
pub fn higher_is_better(q: &Questionnaire) -> bool {
    !matches!(q.scoring.rule, Rule::FlagCount(_) | Rule::RiskMatrix(_))
}

/// Compares `before` (scored with `before_q`, the version it was made for when the caller
/// has it, else the current one) with `after` (scored with `after_q`).
pub fn compare(
    before_q: &Questionnaire,
    before: &AnswersFile,
    after_q: &Questionnaire,
    after: &AnswersFile,
    today: NaiveDate,
) -> Result<Comparison, CompareError> {
    for f in [before, after] {
        if f.questionnaire.id != after_q.id || before_q.id != after_q.id {
            return Err(CompareError::DifferentQuestionnaires {
                before: before.questionnaire.id.clone(),
                after: after.questionnaire.id.clone(),
            });
        }
    }
    let (ob, oa) = (score(before_q, before), score(after_q, after));
    let better = higher_is_better(after_q);
    let side = |o: &Outcome, f: &AnswersFile| SideResult {
        version: o.version.clone(),
        date: f.assessment.date,
        band: o.band.as_ref().map(|b| b.id.clone()),
        score: o.score,
        max: o.max,
        complete: o.complete,
        recorded: false,
    };
    // A file made with another version than the one given keeps the rating it recorded.
    let before_side = match &before.result {
        Some(r) if r.version != before_q.version => SideResult {
            version: r.version.clone(),
            date: before.assessment.date,
            band: r.band.clone(),
            score: r.score,
            max: r.max,
            complete: r.complete,
            recorded: true,
        },
        _ => side(&ob, before),
    };
    Ok(Comparison {
        questionnaire: after_q.id.clone(),
        band: {
            let after_band = oa.band.as_ref().map(|b| (b.id.as_str(), b.min));
            let before_band = if before_side.recorded {
                // Only the band id is recorded: its edge is read on the newer version's bands.
                before_side.band.as_deref().map(|id| {
                    let min = after_q
                        .scoring
                        .bands()
                        .iter()
                        .find(|b| b.id == id)
                        .map(|b| b.min);
                    (id, min.unwrap_or(i64::MIN))
                })
            } else {
                ob.band.as_ref().map(|b| (b.id.as_str(), b.min))
            };
            band_direction(before_band, after_band, better)
        },
        before: before_side,
        after: side(&oa, after),
        sections: sections(before_q, &ob, after_q, &oa, better),
        items: items(before_q, before, &ob, after_q, after, &oa, better),
        risks: risks(&ob, &oa),
        actions: actions(&before.action_plan, &after.action_plan, today),
    })
}

/// Which way a number moved, read as better or worse by the rule's sense; `None` is unanswered.
pub fn ordered(before: Option<i64>, after: Option<i64>, better_when_higher: bool) -> Direction {
    match (before, after) {
        (None, None) => Direction::Same,
        (None, Some(_)) => Direction::Answered,
        (Some(_), None) => Direction::Unanswered,
        (Some(b), Some(a)) if a == b => Direction::Same,
        (Some(b), Some(a)) if (a > b) == better_when_higher => Direction::Better,
        _ => Direction::Worse,
    }
}

/// The band moved up or down the scale: bands, given as (id, lower edge), are ordered by
/// their lower edge.
fn band_direction(
    before: Option<(&str, i64)>,
    after: Option<(&str, i64)>,
    better: bool,
) -> Direction {
    match (before, after) {
        (Some((b, _)), Some((a, _))) if b == a => Direction::Same,
        (b, a) => ordered(b.map(|b| b.1), a.map(|a| a.1), better),
    }
}

fn sections(
    before_q: &Questionnaire,
    ob: &Outcome,
    after_q: &Questionnaire,
    oa: &Outcome,
    better: bool,
) -> Vec<SectionChange> {
    let find = |o: &Outcome, id: &str| {
        o.sections
            .iter()
            .find(|s| s.section == id && s.max > 0)
            .map(|s| (s.score, s.max))
    };
    let mut ids: Vec<&str> = after_q.sections.iter().map(|s| s.id.as_str()).collect();
    ids.extend(
        before_q
            .sections
            .iter()
            .map(|s| s.id.as_str())
            .filter(|id| after_q.sections.iter().all(|s| s.id != *id)),
    );
    ids.into_iter()
        .filter_map(|id| {
            let (before, after) = (find(ob, id), find(oa, id));
            if before.is_none() && after.is_none() {
                return None;
            }
            // Sections compared on their share of the maximum: a revision may change it.
            let share = |s: Option<(i64, i64)>| s.map(|(p, m)| p * 1000 / m);
            Some(SectionChange {
                section: id.to_owned(),
                direction: ordered(share(before), share(after), better),
                before,
                after,
            })
        })
        .collect()
}

/// An answer's raw value as text: an id, ids joined, a number or a text.
fn shown(value: &Json) -> Option<String> {
    match value {
        Json::Null => None,
        Json::String(s) => Some(s.clone()),
        Json::Array(a) => Some(
            a.iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}

#[allow(clippy::too_many_arguments)]
fn items(
    before_q: &Questionnaire,
    before: &AnswersFile,
    ob: &Outcome,
    after_q: &Questionnaire,
    after: &AnswersFile,
    oa: &Outcome,
    better: bool,
) -> Vec<ItemChange> {
    let points = |o: &Outcome| -> BTreeMap<String, Option<i64>> {
        super::order::map(o.items.iter().map(|r| (r.item.clone(), r.points)))
    };
    let (pb, pa) = (points(ob), points(oa));
    let value = |f: &AnswersFile, id: &str| f.answers.get(id).and_then(|a| shown(&a.value));
    let mut out = Vec::new();
    for (section, item) in after_q.items() {
        let (b, a) = (value(before, &item.id), value(after, &item.id));
        let existed = before_q.item(&item.id).is_some();
        if b.is_none() && a.is_none() && existed {
            continue;
        }
        let direction = if !existed {
            Direction::Added
        } else if let (Some(Some(x)), Some(Some(y))) = (pb.get(&item.id), pa.get(&item.id)) {
            ordered(Some(*x), Some(*y), better)
        } else {
            match (&b, &a) {
                (None, Some(_)) => Direction::Answered,
                (Some(_), None) => Direction::Unanswered,
                (x, y) if x == y => Direction::Same,
                _ => Direction::Changed,
            }
        };
        let moved_from = before_q
            .section_of(&item.id)
            .filter(|s| s.id != section.id)
            .map(|s| s.id.clone());
        out.push(ItemChange {
            item: item.id.clone(),
            section: section.id.clone(),
            moved_from,
            before: b,
            after: a,
            direction,
        });
    }
    for (section, item) in before_q.items() {
        if after_q.item(&item.id).is_some() {
            continue;
        }
        if let Some(b) = value(before, &item.id) {
            out.push(ItemChange {
                item: item.id.clone(),
                section: section.id.clone(),
                moved_from: None,
                before: Some(b),
                after: None,
                direction: Direction::Removed,
            });
        }
    }
    out
}

fn risks(ob: &Outcome, oa: &Outcome) -> Vec<RiskChange> {
    let mut ids: Vec<&str> = oa.risks.iter().map(|r| r.item.as_str()).collect();
    ids.extend(
        ob.risks
            .iter()
            .map(|r| r.item.as_str())
            .filter(|id| oa.risks.iter().all(|r| r.item != *id)),
    );
    ids.into_iter()
        .map(|id| {
            let b = ob.risks.iter().find(|r| r.item == id);
            let a = oa.risks.iter().find(|r| r.item == id);
            let put_in_place = a
                .map(|a| {
                    a.mitigations
                        .iter()
                        .filter(|m| b.is_none_or(|b| !b.mitigations.contains(m)))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            let (bs, as_) = (b.map(|r| r.residual_score), a.map(|r| r.residual_score));
            RiskChange {
                item: id.to_owned(),
                before_score: bs,
                after_score: as_,
                before_band: b.and_then(|r| r.residual_band.clone()),
                after_band: a.and_then(|r| r.residual_band.clone()),
                direction: match (b, a) {
                    (Some(_), None) => Direction::Removed,
                    (None, Some(_)) if ob.risks.is_empty() => Direction::Answered,
                    (None, Some(_)) => Direction::Added,
                    _ => ordered(bs, as_, false),
                },
                put_in_place,
            }
        })
        .collect()
}

/// An entry's identity across a baseline and its follow-up: the measure or question it
/// addresses, else its action text.
/// Whether an assessment is one to compare `this` with: the same organisation (names
/// compared as the workspace does, without case, accents or repeated spaces), or either
/// one not named yet. Comparing two partners' assessments would read as a follow-up.
pub fn same_partner(this: &Assessment, other: &Assessment) -> bool {
    let (a, b) = (
        super::aggregate::fold(&this.organisation),
        super::aggregate::fold(&other.organisation),
    );
    a.is_empty() || b.is_empty() || a == b
}

/// What makes two versions' plan entries the same entry: the gap it addresses (item and
/// measure), so an action rewritten, or drafted in the other language, is still that entry.
/// An entry for no item is known by its words only.
fn entry_key(e: &ActionEntry) -> (Option<&str>, Option<&str>, Option<&str>) {
    let words = e.item.is_none().then_some(e.action.as_str());
    (e.item.as_deref(), e.measure.as_deref(), words)
}

fn actions(before: &[ActionEntry], after: &[ActionEntry], today: NaiveDate) -> ActionProgress {
    let mut p = ActionProgress {
        total: after.len(),
        ..ActionProgress::default()
    };
    for (n, e) in after.iter().enumerate() {
        match e.status {
            ActionStatus::Done => p.done += 1,
            ActionStatus::InProgress => p.in_progress += 1,
            ActionStatus::NotStarted => p.not_started += 1,
        }
        if e.status != ActionStatus::Done && e.due.is_some_and(|d| d < today) {
            p.late.push(n);
        }
        let was_done = before
            .iter()
            .any(|b| entry_key(b) == entry_key(e) && b.status == ActionStatus::Done);
        if e.status == ActionStatus::Done && !was_done {
            p.done_since.push(n);
        }
    }
    p
}

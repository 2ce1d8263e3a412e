//! Reassessment from a baseline: a follow-up starts as a linked copy whose answers are
//! carried from the baseline (each marked until the assessor confirms or changes it), with
//! the action plan and its statuses; each saved file records the result its questionnaire
//! version gave, so a baseline keeps its own rating after a revision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answers::{ActionEntry, ActionStatus, AnswersFile};
use super::model::Questionnaire;
use super::scoring::score;

/// The assessment a follow-up reassesses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BaselineRef {
    /// The baseline's stable assessment id (empty for files made before ids existed).
    pub id: String,
    pub date: Option<NaiveDate>,
    /// The questionnaire version the baseline was made with.
    pub version: String,
}

/// A result as the questionnaire version that made it gave it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordedResult {
    pub version: String,
    pub band: Option<String>,
    pub score: Option<i64>,
    pub max: Option<i64>,
    pub complete: bool,
}

/// Change of an action's status, dated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub date: NaiveDate,
    pub status: ActionStatus,
}

/// The result `q` gives `file`, to keep in the file.
pub fn record(q: &Questionnaire, file: &AnswersFile) -> RecordedResult {
    let o = score(q, file);
    RecordedResult {
        version: o.version,
        band: o.band.map(|b| b.id),
        score: o.score,
        max: o.max,
        complete: o.complete,
    }
}

/// A follow-up of `baseline` dated `today`: every answer carried (marked), the action plan
/// carried with its statuses and history, no review (a new determination is for the new
/// assessment), linked to the baseline. The caller gives it its own assessment id.
pub fn start(baseline: &AnswersFile, today: NaiveDate) -> AnswersFile {
    let mut next = baseline.clone();
    for a in next.answers.values_mut() {
        a.carried = !a.value.is_null();
        a.validated = false;
    }
    next.baseline = Some(BaselineRef {
        id: baseline.assessment.id.clone(),
        date: baseline.assessment.date,
        version: baseline.questionnaire.version.clone(),
    });
    next.review = None;
    next.result = None;
    next.assessment.id = String::new();
    next.assessment.date = Some(today);
    next.assessment.updated = None;
    next
}

/// How many answers are still carried from the baseline, unconfirmed.
pub fn carried(file: &AnswersFile) -> usize {
    file.answers.values().filter(|a| a.carried).count()
}

/// Sets an action's status, dating the change in its history.
pub fn set_action_status(entry: &mut ActionEntry, status: ActionStatus, today: NaiveDate) {
    if entry.status == status {
        return;
    }
    entry.status = status;
    entry.history.push(StatusChange {
        date: today,
        status,
    });
}

/// An action plan's progress on `today`: (done, total, late).
pub fn progress(plan: &[ActionEntry], today: NaiveDate) -> (usize, usize, usize) {
    let done = plan
        .iter()
        .filter(|e| e.status == ActionStatus::Done)
        .count();
    let late = plan.iter().filter(|e| is_late(e, today)).count();
    (done, plan.len(), late)
}

/// Past its due date and not done.
pub fn is_late(e: &ActionEntry, today: NaiveDate) -> bool {
    e.status != ActionStatus::Done && e.due.is_some_and(|d| d < today)
}

//! The answers file (JSON) and how its raw values are read against a questionnaire.
//!
//! Values are stored as plain JSON and interpreted per item kind only when needed, so a file
//! made for another questionnaire version still loads; [`place`] then sorts what fits from
//! what must be set aside (never dropped).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::diagnostic::Msg;
use super::model::*;
use crate::msg;

/// Version of the answers file format itself (not of a questionnaire).
///
/// - 1: first format; a risk's measures are a list of ticked ids (`"mitigations"`).
/// - 2: a risk's measures carry a status (`"measures"`), and the assessor may set the
///   residual risk by hand with a justification (`"residual"`). Schema-1 files still read:
///   a ticked id means "in place".
/// - 3: follow-up and review (all optional, so schema-2 files read as they are): a stable
///   `assessment.id`, `baseline` (the assessment this one reassesses), `result` (the rating
///   recorded with the questionnaire version that gave it), `review` (confirmed ratings and
///   the determination), answers `carried` from the baseline, and each action's dated
///   status `history`.
pub const SCHEMA: u32 = 3;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AnswersFile {
    /// Format version of this file; see [`SCHEMA`].
    pub schema: u32,
    pub questionnaire: QuestionnaireRef,
    #[serde(default)]
    pub assessment: Assessment,
    /// Keyed by stable item id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub action_plan: Vec<ActionEntry>,
    /// Answers that did not fit the questionnaire version they were loaded into, kept with
    /// the reason so that nothing is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unplaced: BTreeMap<String, Unplaced>,
    /// Follow-up: the assessment this one reassesses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<super::follow_up::BaselineRef>,
    /// The result when last saved, with the questionnaire version that gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<super::follow_up::RecordedResult>,
    /// A reviewer's confirmed ratings and determination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<super::review::Review>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    /// Stable id of this assessment, kept through export and import (a follow-up names its
    /// baseline by it). Empty in files made before ids existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub organisation: String,
    pub assessor: String,
    pub place: String,
    /// Date of the assessment.
    pub date: Option<NaiveDate>,
    /// Last change, set by the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// `null` while unanswered. Its shape depends on the item kind (see the format docs).
    pub value: Json,
    /// Ids of the evidence ticked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Description of "other" evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence_other: Option<String>,
    /// Description of a checklist's "other" option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Quiz: the participant validated this answer. Only a validated answer counts and gets
    /// its feedback; the app then locks it (a new attempt starts the whole quiz again).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub validated: bool,
    /// Follow-up: carried from the baseline and not yet confirmed or changed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

impl Answer {
    fn is_empty(&self) -> bool {
        !self.validated
            && self.value.is_null()
            && self.evidence.is_empty()
            && self.evidence_other.is_none()
            && self.other.is_none()
            && self.comment.is_none()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionEntry {
    /// The item whose gap this addresses, when there is one.
    pub item: Option<String>,
    /// The risk measure this entry puts in place, when drafted from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    pub gap: String,
    pub action: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Each change of status, dated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::follow_up::StatusChange>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    pub answer: Answer,
    /// The reason in English words, as files have always carried it. Older files have only
    /// this; [`Unplaced::why`] is what the app, the PDF and the command line word.
    pub reason: String,
    /// The reason as typed values, worded in the user's language by `present::placement`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<SetAsideReason>,
    /// Questionnaire version the answer was made for.
    pub from_version: String,
}

/// An answer read against its item.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Id(String),
    Ids(Vec<String>),
    Bool(bool),
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Risk(RiskRating),
    Na,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RiskRating {
    /// Inherent likelihood, rated without the measures.
    pub likelihood: u8,
    /// Inherent impact as rated (before any floor).
    pub impact: u8,
    /// The status of each measure the assessor has said something about; a measure
    /// missing here is not in place.
    pub measures: BTreeMap<String, MeasureState>,
    /// The assessor's own residual rating, when given.
    pub residual: Option<ResidualChoice>,
}

impl RiskRating {
    pub fn status(&self, measure: &str) -> MeasureStatus {
        self.measures
            .get(measure)
            .map_or(MeasureStatus::NotInPlace, |m| m.status)
    }
}

/// Where a risk-reducing measure stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    #[default]
    NotInPlace,
    InPlace,
    /// Partly in place: what it counts for is the rule's `partly_in_place`.
    Partly,
    /// Planned, with an owner and a due date: lowers nothing yet.
    Planned,
    NotApplicable,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 5] = [
        MeasureStatus::NotInPlace,
        MeasureStatus::InPlace,
        MeasureStatus::Partly,
        MeasureStatus::Planned,
        MeasureStatus::NotApplicable,
    ];

    /// The id used in answers files.
    pub fn id(self) -> &'static str {
        match self {
            MeasureStatus::NotInPlace => "not_in_place",
            MeasureStatus::InPlace => "in_place",
            MeasureStatus::Partly => "partly",
            MeasureStatus::Planned => "planned",
            MeasureStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn from_id(id: &str) -> Option<MeasureStatus> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeasureState {
    pub status: MeasureStatus,
    /// Planned measures: who.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Planned measures: by when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

/// The residual risk as the assessor judges it. It counts only with a justification.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResidualChoice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub justification: String,
}

impl ResidualChoice {
    pub fn justified(&self) -> bool {
        !self.justification.trim().is_empty()
    }
}

#[derive(Clone, Debug, thiserror::Error, PartialEq)]
pub enum AnswersError {
    #[error("not a valid answers file: line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("answers file schema {found} comes from a newer psea-assess; this one reads schema {SCHEMA} or older")]
    NewerSchema { found: u32 },
    #[error("these answers are for questionnaire `{found}`, not `{expected}`")]
    WrongQuestionnaire { expected: String, found: String },
}

impl AnswersFile {
    pub fn from_json(text: &str) -> Result<AnswersFile, AnswersError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: AnswersFile = serde_json::from_str(text).map_err(|e| AnswersError::Json {
            line: e.line(),
            column: e.column(),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_owned(),
        })?;
        if file.schema > SCHEMA {
            return Err(AnswersError::NewerSchema { found: file.schema });
        }
        Ok(file)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("answers serialise")
    }

    /// A file holding every item id of `q`, unanswered.
    pub fn template(q: &Questionnaire) -> AnswersFile {
        AnswersFile {
            schema: SCHEMA,
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version.clone(),
            },
            assessment: Assessment::default(),
            answers: super::order::map(q.items().map(|(_, i)| (i.id.clone(), Answer::default()))),
            action_plan: Vec::new(),
            unplaced: BTreeMap::new(),
            baseline: None,
            result: None,
            review: None,
        }
    }

    /// The answer to `item`, read against it: `Ok(None)` when unanswered.
    pub fn value(&self, q: &Questionnaire, item: &Item) -> Result<Option<Value>, String> {
        match self.answers.get(&item.id) {
            None => Ok(None),
            Some(a) => read_value(q, item, &a.value),
        }
    }
}

/// Reads a raw JSON value as an answer to `item`. `Err` says why it does not fit.
pub fn read_value(q: &Questionnaire, item: &Item, raw: &Json) -> Result<Option<Value>, String> {
    read_value_msg(q, item, raw).map_err(|m| m.en)
}

/// [`read_value`], saying why a value does not fit in French and English.
pub fn read_value_msg(q: &Questionnaire, item: &Item, raw: &Json) -> Result<Option<Value>, Msg> {
    if raw.is_null() {
        return Ok(None);
    }
    if raw.as_str() == Some(NA) {
        return if item.kind.allows_na() {
            Ok(Some(Value::Na))
        } else {
            Err(msg!(
                "«\u{a0}sans objet\u{a0}» n’est pas proposé pour cette question",
                "N/A is not offered for this item"
            ))
        };
    }
    let ids = item.kind.answer_ids();
    let list = ids.join(", ");
    let not_one_of = |s: &str| msg!("`{s}` n’est pas parmi {list}", "`{s}` is not one of {list}");
    let one_of = |s: &str| -> Result<Option<Value>, Msg> {
        if ids.contains(&s) {
            Ok(Some(Value::Id(s.to_owned())))
        } else {
            Err(not_one_of(s))
        }
    };
    match (&item.kind, raw) {
        (
            ItemKind::Scale { .. } | ItemKind::Choice { .. } | ItemKind::YesNo { .. },
            Json::String(s),
        ) => one_of(s),
        (ItemKind::TrueFalse { .. }, Json::Bool(b)) => Ok(Some(Value::Bool(*b))),
        (ItemKind::Checklist { .. }, Json::Array(xs)) => {
            let mut out = Vec::new();
            for x in xs {
                match x.as_str() {
                    Some(s) if ids.contains(&s) => out.push(s.to_owned()),
                    Some(s) => return Err(not_one_of(s)),
                    None => {
                        return Err(msg!(
                            "une réponse de liste à cocher est une liste d’ids d’options",
                            "a checklist answer is a list of option ids"
                        ))
                    }
                }
            }
            Ok(Some(Value::Ids(out)))
        }
        (ItemKind::Text { .. }, Json::String(s)) => Ok(if s.trim().is_empty() {
            None
        } else {
            Some(Value::Text(s.clone()))
        }),
        (ItemKind::Number { min, max, integer }, Json::Number(n)) => {
            let x = n
                .as_f64()
                .ok_or_else(|| msg!("pas un nombre", "not a number"))?;
            // The one number rule, shared with the filling page (engine::edit).
            use super::edit::{number_fits, NumberMisfit};
            match number_fits(*min, *max, *integer, x) {
                Ok(()) => Ok(Some(Value::Number(x))),
                Err(NumberMisfit::NotWhole) => Err(msg!(
                    "{x} n’est pas un nombre entier",
                    "{x} is not a whole number"
                )),
                Err(_) => Err(msg!("{x} est hors limites", "{x} is out of range")),
            }
        }
        (ItemKind::Date, Json::String(s)) => s
            .parse::<NaiveDate>()
            .map(|d| Some(Value::Date(d)))
            .map_err(|_| {
                msg!(
                    "`{s}` n’est pas une date (AAAA-MM-JJ)",
                    "`{s}` is not a date (YYYY-MM-DD)"
                )
            }),
        (ItemKind::Risk { mitigations, .. }, Json::Object(o)) => {
            let (lp, ip) = match &q.scoring.rule {
                Rule::RiskMatrix(r) => (r.likelihood.len(), r.impact.len()),
                _ => (5, 5),
            };
            let likelihood = scale_level(o, "likelihood", lp, false)?;
            let impact = scale_level(o, "impact", ip, false)?;
            let not_ids = || {
                msg!(
                    "mitigations est une liste d’ids",
                    "mitigations is a list of ids"
                )
            };
            let unknown = |id: &str| msg!("mesure inconnue `{id}`", "unknown mitigation `{id}`");
            let known = |s: &str| mitigations.iter().any(|m| m.id == s);
            let mut measures = BTreeMap::new();
            // Schema 1: a list of the measures in place.
            if let Some(m) = o.get("mitigations") {
                for x in m.as_array().ok_or_else(not_ids)? {
                    match x.as_str() {
                        Some(s) if known(s) => {
                            measures.insert(
                                s.to_owned(),
                                MeasureState {
                                    status: MeasureStatus::InPlace,
                                    ..MeasureState::default()
                                },
                            );
                        }
                        Some(s) => return Err(unknown(s)),
                        None => return Err(not_ids()),
                    }
                }
            }
            // Schema 2: each measure with its status; wins over the list for the same id.
            if let Some(m) = o.get("measures") {
                let m = m.as_object().ok_or_else(|| {
                    msg!(
                        "measures associe à chaque id de mesure son statut",
                        "measures maps measure ids to their status"
                    )
                })?;
                for (id, state) in m {
                    if !known(id) {
                        return Err(unknown(id));
                    }
                    let state: MeasureState = serde_json::from_value(state.clone())
                        .map_err(|e| msg!("mesure `{id}`\u{a0}: {e}", "measure `{id}`: {e}"))?;
                    measures.insert(id.clone(), state);
                }
            }
            let residual = match o.get("residual") {
                None | Some(Json::Null) => None,
                Some(Json::Object(r)) => Some(ResidualChoice {
                    likelihood: scale_level(r, "likelihood", lp, true)?,
                    impact: scale_level(r, "impact", ip, true)?,
                    justification: r
                        .get("justification")
                        .and_then(Json::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                }),
                Some(_) => return Err(msg!("residual est un objet", "residual is an object")),
            };
            match (likelihood, impact) {
                (Some(likelihood), Some(impact)) => Ok(Some(Value::Risk(RiskRating {
                    likelihood,
                    impact,
                    measures,
                    residual,
                }))),
                // Measures set before rating: kept in the file, not yet a rating.
                _ => Ok(None),
            }
        }
        (kind, _) => {
            let kind = kind.name();
            Err(msg!(
                "une question `{kind}` ne peut pas prendre la valeur {raw}",
                "a `{kind}` item cannot take the value {raw}"
            ))
        }
    }
}

/// A point on a 1-based scale of `top` points, read from `o[key]` (of the residual when
/// `residual`).
fn scale_level(
    o: &serde_json::Map<String, Json>,
    key: &str,
    top: usize,
    residual: bool,
) -> Result<Option<u8>, Msg> {
    match o.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(v) => match v.as_u64() {
            Some(n) if (1..=top as u64).contains(&n) => Ok(Some(n as u8)),
            _ => {
                let (fr, en) = if residual {
                    (" du résiduel", "residual ")
                } else {
                    ("", "")
                };
                Err(msg!(
                    "{key}{fr} doit être un nombre entier de 1 à {top}",
                    "{en}{key} must be a whole number from 1 to {top}"
                ))
            }
        },
    }
}

/// What happened when a file was placed into a questionnaire.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Placement {
    /// Answers now attached to an item of the questionnaire.
    pub kept: usize,
    /// Each answer (or part of one) set aside, with the reason.
    pub set_aside: Vec<SetAside>,
    /// `Some((from, to))` when the file was made for another questionnaire version.
    pub version_change: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SetAside {
    pub item: String,
    pub reason: String,
    #[serde(skip)]
    pub why: Vec<SetAsideReason>,
}

/// Why an answer (or part of one) was set aside when a file was fitted to a questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SetAsideReason {
    /// The item is not in this version of the questionnaire.
    ItemGone { version: String },
    /// The value no longer fits the item (`detail` as [`read_value`] says it, `detail_fr` in
    /// French; files written before it was kept have only `detail`).
    AnswerMisfit {
        detail: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        detail_fr: String,
    },
    /// Evidence ticked that the item no longer lists.
    EvidenceGone { ids: Vec<String> },
}

impl SetAsideReason {
    /// The English words stored in [`Unplaced::reason`] (unchanged from earlier versions).
    pub fn stored(&self, item: &str) -> String {
        match self {
            SetAsideReason::ItemGone { version } => {
                format!("item `{item}` does not exist in version {version}")
            }
            SetAsideReason::AnswerMisfit { detail, .. } => {
                format!("answer no longer fits: {detail}")
            }
            SetAsideReason::EvidenceGone { ids } => {
                format!("evidence no longer listed: {}", ids.join(", "))
            }
        }
    }
}

/// Fits `file` to `q`: keeps every answer whose item exists and whose value fits; sets aside
/// (in `unplaced`, with the reason) what does not. Only a file for another questionnaire is
/// refused.
pub fn place(
    q: &Questionnaire,
    mut file: AnswersFile,
) -> Result<(AnswersFile, Placement), AnswersError> {
    if file.questionnaire.id != q.id {
        return Err(AnswersError::WrongQuestionnaire {
            expected: q.id.clone(),
            found: file.questionnaire.id,
        });
    }
    let from = file.questionnaire.version.clone();
    let mut report = Placement::default();
    if from != q.version {
        report.version_change = Some((from.clone(), q.version.clone()));
    }
    let answers = std::mem::take(&mut file.answers);
    for (id, mut answer) in answers {
        let Some(item) = q.item(&id) else {
            if !answer.is_empty() {
                let why = vec![SetAsideReason::ItemGone {
                    version: q.version.clone(),
                }];
                set_aside(&mut file, &mut report, &id, answer, why, &from);
            }
            continue;
        };
        let mut aside = Answer::default();
        let mut reasons = Vec::new();
        if let Err(why) = read_value_msg(q, item, &answer.value) {
            aside.value = std::mem::take(&mut answer.value);
            // A quiz answer's validation goes with its value.
            aside.validated = std::mem::take(&mut answer.validated);
            reasons.push(SetAsideReason::AnswerMisfit {
                detail: why.en,
                detail_fr: why.fr,
            });
        }
        let (fits, misfits): (Vec<String>, Vec<String>) =
            answer.evidence.drain(..).partition(|e| {
                item.evidence.iter().any(|c| &c.id == e) || (e == OTHER && item.evidence_other)
            });
        answer.evidence = fits;
        if !misfits.is_empty() {
            reasons.push(SetAsideReason::EvidenceGone {
                ids: misfits.clone(),
            });
            aside.evidence = misfits;
        }
        if !aside.is_empty() {
            set_aside(&mut file, &mut report, &id, aside, reasons, &from);
        }
        if !answer.is_empty() {
            report.kept += 1;
        }
        file.answers.insert(id, answer);
    }
    file.questionnaire.version = q.version.clone();
    file.schema = SCHEMA;
    Ok((file, report))
}

fn set_aside(
    file: &mut AnswersFile,
    report: &mut Placement,
    id: &str,
    answer: Answer,
    why: Vec<SetAsideReason>,
    from: &str,
) {
    let reason = why
        .iter()
        .map(|w| w.stored(id))
        .collect::<Vec<_>>()
        .join("; ");
    // Never overwrite something set aside earlier: find a free key.
    let mut key = id.to_owned();
    let mut n = 2;
    while file.unplaced.contains_key(&key) {
        key = format!("{id}#{n}");
        n += 1;
    }
    report.set_aside.push(SetAside {
        item: id.to_owned(),
        reason: reason.clone(),
        why: why.clone(),
    });
    file.unplaced.insert(
        key,
        Unplaced {
            answer,
            reason,
            why,
            from_version: from.to_owned(),
        },
    );
}

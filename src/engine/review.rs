//! A reviewer's part of an assessment (the UN implementing-partner process: an agency PSEA
//! focal point or network member checks the partner's self-assessment and records a
//! preliminary, then a final determination).
//!
//! The reviewer confirms a rating per standard (same shape as the partner's answer) with a
//! comment; the confirmed ratings give the official band by the questionnaire's own rule
//! ([`official`]), shown beside the self-assessed one. The review travels in the answers file.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::answers::{read_value, AnswersFile};
use super::compare::{higher_is_better, ordered, Direction};
use super::model::Questionnaire;
use super::scoring::{score, Outcome};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// Per item id: the rating the reviewer confirms.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, ReviewedItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub determination: Option<Determination>,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.items
            .values()
            .all(|i| i.value.is_null() && i.comment.is_empty())
            && self.determination.is_none()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewedItem {
    /// The confirmed value, in the shape of an answer's value; `null` while not reviewed.
    pub value: Json,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Determination {
    pub stage: Stage,
    pub date: Option<NaiveDate>,
    /// Who reviewed: an organisation or a function (no personal name is asked for).
    pub reviewer: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Preliminary,
    Final,
}

/// An item whose confirmed rating differs from the self-assessed one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    pub item: String,
    pub self_assessed: Option<String>,
    pub confirmed: String,
    /// The confirmed rating read against the self-assessed one: `Worse` when the reviewer
    /// rates lower.
    pub direction: Direction,
    pub comment: String,
}

/// The answers as the reviewer confirmed them: each reviewed item's value replaces the
/// partner's; items not reviewed keep the partner's answer.
pub fn confirmed_answers(file: &AnswersFile) -> AnswersFile {
    let mut confirmed = file.clone();
    if let Some(review) = &file.review {
        for (id, r) in review.items.iter().filter(|(_, r)| !r.value.is_null()) {
            confirmed.answers.entry(id.clone()).or_default().value = r.value.clone();
        }
    }
    confirmed.review = None;
    confirmed
}

/// The official result, by the questionnaire's own rule on the confirmed ratings; `None`
/// while no rating is confirmed.
pub fn official(q: &Questionnaire, file: &AnswersFile) -> Option<Outcome> {
    let reviewed = file
        .review
        .as_ref()?
        .items
        .values()
        .any(|r| !r.value.is_null());
    reviewed.then(|| score(q, &confirmed_answers(file)))
}

/// Every item the reviewer rated otherwise than the partner, in questionnaire order.
pub fn disagreements(q: &Questionnaire, file: &AnswersFile) -> Vec<Disagreement> {
    let Some(review) = &file.review else {
        return Vec::new();
    };
    let (own, confirmed) = (score(q, file), score(q, &confirmed_answers(file)));
    let points = |o: &Outcome, id: &str| o.items.iter().find(|r| r.item == id)?.points;
    q.items()
        .filter_map(|(_, item)| {
            let r = review.items.get(&item.id)?;
            let confirmed_value = r.value.as_str()?.to_owned();
            let self_value = file
                .answers
                .get(&item.id)
                .and_then(|a| a.value.as_str())
                .map(str::to_owned);
            if self_value.as_deref() == Some(confirmed_value.as_str())
                || read_value(q, item, &r.value).is_err()
            {
                return None;
            }
            Some(Disagreement {
                item: item.id.clone(),
                direction: ordered(
                    points(&own, &item.id),
                    points(&confirmed, &item.id),
                    higher_is_better(q),
                ),
                self_assessed: self_value,
                confirmed: confirmed_value,
                comment: r.comment.clone(),
            })
        })
        .collect()
}

/// The reviewer's rating of `item` (`null` clears it).
pub fn set_rating(file: &mut AnswersFile, item: &str, value: Json) {
    let review = file.review.get_or_insert_with(Review::default);
    review.items.entry(item.to_owned()).or_default().value = value;
    prune(file);
}

pub fn set_comment(file: &mut AnswersFile, item: &str, comment: &str) {
    let review = file.review.get_or_insert_with(Review::default);
    review.items.entry(item.to_owned()).or_default().comment = comment.to_owned();
    prune(file);
}

/// Records (or clears, with `None`) the determination.
pub fn set_determination(file: &mut AnswersFile, d: Option<Determination>) {
    file.review
        .get_or_insert_with(Review::default)
        .determination = d;
    prune(file);
}

/// Drops empty entries, and the review itself once empty, so a file without a review
/// stays as it was.
fn prune(file: &mut AnswersFile) {
    if let Some(review) = &mut file.review {
        review
            .items
            .retain(|_, i| !(i.value.is_null() && i.comment.is_empty()));
        if review.is_empty() {
            file.review = None;
        }
    }
}

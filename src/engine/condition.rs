//! Which items are shown, given the answers. An answer to a hidden item never counts,
//! including in the conditions of other items.

use std::collections::HashMap;

use super::answers::{AnswersFile, Value};
use super::model::*;

/// Ids of the items currently shown, in questionnaire order.
pub fn visible_items<'q>(q: &'q Questionnaire, answers: &AnswersFile) -> Vec<&'q Item> {
    let mut eval = Eval::new(q, answers);
    q.items()
        .map(|(_, i)| i)
        .filter(|i| eval.item_visible(&i.id, 0))
        .collect()
}

/// Per section, in order: its id, how many of its shown items have an answer, how many are
/// shown. What « répondues » counts wherever progress is shown (the filling page's bar and
/// section tabs, the home page's card): every shown question, scored or not; a quiz's once
/// validated, as its score counts them.
pub fn answered_by_section<'q>(
    q: &'q Questionnaire,
    answers: &AnswersFile,
    visible: &std::collections::HashSet<String>,
) -> Vec<(&'q str, usize, usize)> {
    let quiz = matches!(q.scoring.rule, crate::engine::model::Rule::Quiz(_));
    q.sections
        .iter()
        .map(|s| {
            let shown = s.items.iter().filter(|i| visible.contains(&i.id));
            let (done, total) = shown.fold((0, 0), |(d, t), i| {
                let validated = !quiz || answers.answers.get(&i.id).is_some_and(|a| a.validated);
                let has = validated && answers.value(q, i).ok().flatten().is_some();
                (d + usize::from(has), t + 1)
            });
            (s.id.as_str(), done, total)
        })
        .collect()
}

/// Answered and shown items of the whole questionnaire ([`answered_by_section`] added up).
pub fn answered(q: &Questionnaire, answers: &AnswersFile) -> (usize, usize) {
    let visible = visible_items(q, answers)
        .into_iter()
        .map(|i| i.id.clone())
        .collect();
    answered_by_section(q, answers, &visible)
        .into_iter()
        .fold((0, 0), |(d, t), (_, sd, st)| (d + sd, t + st))
}

/// Whether one item is shown.
pub fn is_visible(q: &Questionnaire, answers: &AnswersFile, item: &str) -> bool {
    Eval::new(q, answers).item_visible(item, 0)
}

/// Whether condition `c` holds for these answers (hidden items count as unanswered).
pub fn holds(q: &Questionnaire, answers: &AnswersFile, c: &Condition) -> bool {
    Eval::new(q, answers).holds(c, 0)
}

/// Whether N/A may be chosen for `item` now: the item offers it and its `na_if`, if any,
/// holds.
pub fn na_allowed(q: &Questionnaire, answers: &AnswersFile, item: &Item) -> bool {
    item.kind.allows_na() && item.na_if.as_ref().is_none_or(|c| holds(q, answers, c))
}

struct Eval<'q, 'a> {
    q: &'q Questionnaire,
    answers: &'a AnswersFile,
    /// Item id → its section and itself, built once so lookups stay O(1).
    index: HashMap<&'q str, (&'q Section, &'q Item)>,
    memo: HashMap<&'q str, bool>,
}

impl<'q, 'a> Eval<'q, 'a> {
    fn new(q: &'q Questionnaire, answers: &'a AnswersFile) -> Self {
        let index = q.items().map(|(s, i)| (i.id.as_str(), (s, i))).collect();
        Eval {
            q,
            answers,
            index,
            memo: HashMap::new(),
        }
    }
}

/// Validation rejects circular conditions; this bound only keeps an unvalidated file from
/// recursing forever.
const MAX_DEPTH: usize = 64;

impl<'q> Eval<'q, '_> {
    fn item_visible(&mut self, id: &str, depth: usize) -> bool {
        if let Some(v) = self.memo.get(id) {
            return *v;
        }
        if depth > MAX_DEPTH {
            return false;
        }
        let Some(&(section, item)) = self.index.get(id) else {
            return false;
        };
        let shown = section
            .show_if
            .as_ref()
            .is_none_or(|c| self.holds(c, depth + 1))
            && item
                .show_if
                .as_ref()
                .is_none_or(|c| self.holds(c, depth + 1));
        self.memo.insert(item.id.as_str(), shown);
        shown
    }

    /// The answer to `id` if the item is shown and the answer fits it.
    fn value(&mut self, id: &str, depth: usize) -> Option<Value> {
        if !self.item_visible(id, depth) {
            return None;
        }
        let &(_, item) = self.index.get(id)?;
        self.answers.value(self.q, item).ok().flatten()
    }

    fn holds(&mut self, c: &Condition, depth: usize) -> bool {
        match c {
            Condition::All(cs) => cs.iter().all(|c| self.holds(c, depth)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c, depth)),
            Condition::Not(c) => !self.holds(c, depth),
            Condition::Is { item, value, .. } => match (self.value(item, depth), value) {
                (Some(Value::Id(a)), CondValue::Id(b)) => &a == b,
                (Some(Value::Na), CondValue::Id(b)) => b == NA,
                (Some(Value::Bool(a)), CondValue::Bool(b)) => a == *b,
                _ => false,
            },
            Condition::In { item, values, .. } => match self.value(item, depth) {
                Some(Value::Id(a)) => values.contains(&a),
                Some(Value::Na) => values.iter().any(|v| v == NA),
                _ => false,
            },
            Condition::Includes { item, option, .. } => {
                matches!(self.value(item, depth), Some(Value::Ids(xs)) if xs.contains(option))
            }
            Condition::Answered { item, answered, .. } => {
                self.value(item, depth).is_some() == *answered
            }
            Condition::AtLeast { item, n, .. } => {
                matches!(self.value(item, depth), Some(Value::Number(x)) if x >= *n)
            }
            Condition::AtMost { item, n, .. } => {
                matches!(self.value(item, depth), Some(Value::Number(x)) if x <= *n)
            }
        }
    }
}

//! Editing answers in place: every change the filling page makes to an answer (a choice
//! set or cleared, a tick, a text, a number, a comment, a risk's levels, measures and
//! residual, a quiz answer's validation).
//!
//! The browser app calls these instead of editing JSON itself, so the answers file keeps
//! one shape whatever the screen does. A schema-1 value (`"mitigations": [ids]`) is moved
//! to the schema-2 shape (`"measures": {id: {status}}`) on its first edit, nothing lost.
//! Any edit confirms an answer carried from a follow-up's baseline ([`confirm`]).

use chrono::NaiveDate;
use serde_json::{json, Map, Value as Json};

use super::answers::{Answer, MeasureState, MeasureStatus, ResidualChoice};
use super::model::{Axis, ItemKind, NA};

/// Confirms an answer carried from a baseline (a follow-up's starting point): every edit
/// below confirms it too, so an answer the assessor touched is never still marked carried.
pub fn confirm(answer: &mut Answer) {
    answer.carried = false;
}

/// Confirms every answer still carried from the baseline (« Tout confirmer »).
pub fn confirm_all(file: &mut super::answers::AnswersFile) {
    file.answers.values_mut().for_each(confirm);
}

/// Sets the answer's value as it is (a choice id, `true`/`false`, `"na"`…).
pub fn set_value(answer: &mut Answer, value: Json) {
    confirm(answer);
    answer.value = value;
}

/// Sets a choice id (`"adequate"`, `"yes"`, `"na"`…).
pub fn set_choice(answer: &mut Answer, id: &str) {
    confirm(answer);
    answer.value = json!(id);
}

/// Clears the value: the item is unanswered again (evidence and comment stay).
pub fn clear_value(answer: &mut Answer) {
    confirm(answer);
    answer.value = Json::Null;
}

/// A free text: blank text leaves the item unanswered.
pub fn set_text(answer: &mut Answer, text: &str) {
    confirm(answer);
    answer.value = if text.trim().is_empty() {
        Json::Null
    } else {
        json!(text)
    };
}

/// A date as typed by a date field (`YYYY-MM-DD`); anything else leaves it unanswered.
pub fn set_date(answer: &mut Answer, text: &str) {
    confirm(answer);
    answer.value = match text.trim().parse::<NaiveDate>() {
        Ok(d) => json!(d.to_string()),
        Err(_) => Json::Null,
    };
}

/// The ids ticked in a list (a checklist's value).
pub fn ticked(answer: Option<&Answer>) -> Vec<String> {
    answer
        .and_then(|a| a.value.as_array())
        .map(|xs| {
            xs.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn toggle(list: &mut Vec<String>, id: &str, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.to_owned());
    }
}

/// Ticks (or unticks) a checklist option; the other ticks stay in their order.
pub fn toggle_option(answer: &mut Answer, id: &str, on: bool) {
    confirm(answer);
    let mut list = ticked(Some(answer));
    toggle(&mut list, id, on);
    answer.value = json!(list);
}

/// Ticks (or unticks) a piece of evidence.
pub fn toggle_evidence(answer: &mut Answer, id: &str, on: bool) {
    confirm(answer);
    toggle(&mut answer.evidence, id, on);
}

/// Blank text is no text.
fn some_text(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// Describes a checklist's "other" option.
pub fn set_other(answer: &mut Answer, text: &str) {
    confirm(answer);
    answer.other = some_text(text);
}

/// Describes "other" evidence.
pub fn set_evidence_other(answer: &mut Answer, text: &str) {
    confirm(answer);
    answer.evidence_other = some_text(text);
}

/// The free comment; blank removes it.
pub fn set_comment(answer: &mut Answer, text: &str) {
    confirm(answer);
    answer.comment = some_text(text);
}

/// Why a number does not fit its item. The one rule, used by [`set_number`] as the user
/// types and by `answers::read_value` when a file is read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberMisfit {
    /// Not a number at all.
    NotANumber,
    BelowMin,
    AboveMax,
    /// The item wants a whole number.
    NotWhole,
}

/// Whether `x` fits a number item's `min`, `max` and `integer` (the range is checked first).
pub fn number_fits(
    min: Option<f64>,
    max: Option<f64>,
    integer: bool,
    x: f64,
) -> Result<(), NumberMisfit> {
    if !x.is_finite() {
        return Err(NumberMisfit::NotANumber);
    }
    if min.is_some_and(|m| x < m) {
        return Err(NumberMisfit::BelowMin);
    }
    if max.is_some_and(|m| x > m) {
        return Err(NumberMisfit::AboveMax);
    }
    if integer && x.fract() != 0.0 {
        return Err(NumberMisfit::NotWhole);
    }
    Ok(())
}

/// Reads a number as typed (« 12,5 » or "12.5", spaces between thousands allowed).
pub fn parse_number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    super::decimal::parse(&t)
}

/// A number typed for a `number` item: blank clears it; a number that fits is stored; one
/// that does not (or text that is no number) is refused, and the item is left unanswered
/// rather than holding a number the user did not mean.
pub fn set_number(answer: &mut Answer, kind: &ItemKind, text: &str) -> Result<(), NumberMisfit> {
    confirm(answer);
    if text.trim().is_empty() {
        answer.value = Json::Null;
        return Ok(());
    }
    let checked = parse_number(text)
        .ok_or(NumberMisfit::NotANumber)
        .and_then(|x| {
            match kind {
                ItemKind::Number { min, max, integer } => number_fits(*min, *max, *integer, x),
                _ => Ok(()),
            }
            .map(|()| x)
        });
    match checked {
        Ok(x) => {
            // A whole number is stored as one (`12`, not `12.0`).
            answer.value = if x.fract() == 0.0 && x.abs() < 9.0e15 {
                json!(x as i64)
            } else {
                json!(x)
            };
            Ok(())
        }
        Err(e) => {
            answer.value = Json::Null;
            Err(e)
        }
    }
}

/// The text a number field shows for a stored value (`12`, `12.5`).
pub fn number_text(answer: Option<&Answer>) -> String {
    match answer.map(|a| &a.value) {
        Some(Json::Number(n)) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        Some(Json::String(s)) => s.clone(),
        _ => String::new(),
    }
}

/// A risk's inherent likelihood or impact (1-based level).
pub fn set_risk_level(answer: &mut Answer, axis: Axis, level: u8) {
    confirm(answer);
    let key = match axis {
        Axis::Likelihood => "likelihood",
        Axis::Impact => "impact",
    };
    object(&mut answer.value).insert(key.into(), json!(level));
}

/// The inherent level a risk's answer holds on `axis`.
pub fn risk_level(answer: Option<&Answer>, axis: Axis) -> Option<u8> {
    let key = match axis {
        Axis::Likelihood => "likelihood",
        Axis::Impact => "impact",
    };
    answer
        .and_then(|a| a.value.get(key))
        .and_then(Json::as_u64)
        .and_then(|n| u8::try_from(n).ok())
}

/// "This risk does not apply" on or off. Off starts the rating afresh.
pub fn set_risk_na(answer: &mut Answer, on: bool) {
    confirm(answer);
    answer.value = if on { json!(NA) } else { json!({}) };
}

fn object(v: &mut Json) -> &mut Map<String, Json> {
    if !v.is_object() {
        *v = json!({});
    }
    v.as_object_mut().expect("just made an object")
}

/// Moves a schema-1 list of measures in place into the `measures` map.
fn upgrade(o: &mut Map<String, Json>) {
    let Some(Json::Array(ids)) = o.remove("mitigations") else {
        return;
    };
    let measures = o.entry("measures").or_insert_with(|| json!({}));
    let measures = object(measures);
    for id in ids.iter().filter_map(Json::as_str) {
        measures
            .entry(id.to_owned())
            .or_insert_with(|| json!({"status": MeasureStatus::InPlace.id()}));
    }
}

/// The state of measure `id` as the raw answer holds it (either schema).
pub fn measure_state(answer: Option<&Answer>, id: &str) -> MeasureState {
    let Some(v) = answer.map(|a| &a.value) else {
        return MeasureState::default();
    };
    if let Some(state) = v.get("measures").and_then(|m| m.get(id)) {
        return serde_json::from_value(state.clone()).unwrap_or_default();
    }
    let listed = v
        .get("mitigations")
        .and_then(Json::as_array)
        .is_some_and(|xs| xs.iter().any(|x| x.as_str() == Some(id)));
    MeasureState {
        status: if listed {
            MeasureStatus::InPlace
        } else {
            MeasureStatus::NotInPlace
        },
        ..MeasureState::default()
    }
}

/// Sets measure `id` with `f`; a measure back to "not in place" with no plan is removed.
pub fn update_measure(answer: &mut Answer, id: &str, f: impl FnOnce(&mut MeasureState)) {
    confirm(answer);
    let mut state = measure_state(Some(answer), id);
    f(&mut state);
    let o = object(&mut answer.value);
    upgrade(o);
    let measures = object(o.entry("measures").or_insert_with(|| json!({})));
    if state == MeasureState::default() {
        measures.remove(id);
    } else {
        measures.insert(
            id.to_owned(),
            serde_json::to_value(&state).expect("a measure state serialises"),
        );
    }
}

pub fn set_measure_status(answer: &mut Answer, id: &str, status: MeasureStatus) {
    update_measure(answer, id, |m| m.status = status);
}

pub fn set_measure_owner(answer: &mut Answer, id: &str, owner: &str) {
    update_measure(answer, id, |m| m.owner = owner.to_owned());
}

pub fn set_measure_due(answer: &mut Answer, id: &str, due: Option<NaiveDate>) {
    update_measure(answer, id, |m| m.due = due);
}

/// The assessor's residual as the raw answer holds it.
pub fn residual(answer: Option<&Answer>) -> ResidualChoice {
    answer
        .and_then(|a| a.value.get("residual"))
        .and_then(|r| serde_json::from_value(r.clone()).ok())
        .unwrap_or_default()
}

fn update_residual(answer: &mut Answer, f: impl FnOnce(&mut ResidualChoice)) {
    confirm(answer);
    let mut r = residual(Some(answer));
    f(&mut r);
    let o = object(&mut answer.value);
    if r == ResidualChoice::default() {
        o.remove("residual");
    } else {
        o.insert(
            "residual".into(),
            serde_json::to_value(&r).expect("a residual serialises"),
        );
    }
}

/// Sets (or clears, with `None`) the assessor's residual on one axis.
pub fn set_residual(answer: &mut Answer, axis: Axis, level: Option<u8>) {
    update_residual(answer, |r| match axis {
        Axis::Likelihood => r.likelihood = level,
        Axis::Impact => r.impact = level,
    });
}

pub fn set_justification(answer: &mut Answer, text: &str) {
    update_residual(answer, |r| r.justification = text.to_owned());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_edit_confirms_a_carried_answer() {
        let carried = || Answer {
            value: json!("adequate"),
            carried: true,
            ..Answer::default()
        };
        let edits: [fn(&mut Answer); 5] = [
            |a| set_choice(a, "partial"),
            |a| set_comment(a, "vu le document"),
            |a| toggle_evidence(a, "policy_doc", true),
            |a| clear_value(a),
            |a| set_measure_status(a, "m", MeasureStatus::InPlace),
        ];
        for edit in edits {
            let mut a = carried();
            edit(&mut a);
            assert!(!a.carried);
        }
        let mut file = super::super::answers::AnswersFile::default();
        file.answers.insert("a".into(), carried());
        file.answers.insert("b".into(), carried());
        confirm_all(&mut file);
        assert!(file.answers.values().all(|a| !a.carried));
    }

    #[test]
    fn a_schema_1_list_moves_to_the_map_on_first_edit() {
        let mut a = Answer {
            value: json!({"likelihood": 3, "impact": 4, "mitigations": ["a", "b"]}),
            ..Answer::default()
        };
        assert_eq!(measure_state(Some(&a), "a").status, MeasureStatus::InPlace);
        set_measure_status(&mut a, "b", MeasureStatus::Planned);
        assert_eq!(
            a.value,
            json!({"likelihood": 3, "impact": 4,
                   "measures": {"a": {"status": "in_place"}, "b": {"status": "planned"}}})
        );
    }

    #[test]
    fn a_plan_is_kept_and_an_untouched_measure_disappears() {
        let mut a = Answer::default();
        set_measure_status(&mut a, "m", MeasureStatus::Planned);
        set_measure_owner(&mut a, "m", "Cheffe de projet");
        set_measure_due(&mut a, "m", NaiveDate::from_ymd_opt(2026, 12, 15));
        assert_eq!(
            a.value["measures"]["m"],
            json!({"status": "planned", "owner": "Cheffe de projet", "due": "2026-12-15"})
        );
        set_measure_owner(&mut a, "m", "");
        set_measure_due(&mut a, "m", None);
        set_measure_status(&mut a, "m", MeasureStatus::NotInPlace);
        assert_eq!(a.value, json!({"measures": {}}));
    }

    #[test]
    fn residual_is_set_per_axis_and_cleared_when_empty() {
        let mut a = Answer {
            value: json!({"likelihood": 5, "impact": 4}),
            ..Answer::default()
        };
        set_residual(&mut a, Axis::Likelihood, Some(2));
        set_justification(&mut a, "Comité dissous");
        assert_eq!(
            residual(Some(&a)),
            ResidualChoice {
                likelihood: Some(2),
                impact: None,
                justification: "Comité dissous".into()
            }
        );
        set_residual(&mut a, Axis::Likelihood, None);
        set_justification(&mut a, "");
        assert_eq!(a.value, json!({"likelihood": 5, "impact": 4}));
    }
}

/// Quiz: validates an answer, which locks it. Nothing happens while it is unanswered (an
/// empty list of ticks is an answer: "none of these").
pub fn validate(answer: &mut Answer) -> bool {
    if answer.value.is_null() {
        return false;
    }
    answer.validated = true;
    true
}

/// Quiz: a new attempt, every answer cleared; the details of the session stay.
pub fn restart_quiz(file: &mut super::answers::AnswersFile) {
    file.answers.clear();
}

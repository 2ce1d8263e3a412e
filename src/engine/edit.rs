//! Editing answers in place: a risk’s measures and residual, a quiz answer’s validation.
//!
//! The browser app calls these instead of editing JSON itself, so the answers file keeps
//! one shape whatever the screen does. A schema-1 value (`"mitigations": [ids]`) is moved
//! to the schema-2 shape (`"measures": {id: {status}}`) on its first edit, nothing lost.

use chrono::NaiveDate;
use serde_json::{json, Map, Value as Json};

use super::answers::{Answer, MeasureState, MeasureStatus, ResidualChoice};
use super::model::Axis;

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

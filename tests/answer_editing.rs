//! Every change the filling page makes to an answer, as engine functions (engine::edit):
//! what each writes, and that the result reads back (read_value, score) as meant.

mod common;

use common::*;
use psea_assess::engine::answers::{read_value, Answer, AnswersFile, MeasureStatus, Value};
use psea_assess::engine::edit::{self, NumberMisfit};
use psea_assess::engine::model::{Axis, Item, ItemKind};
use psea_assess::engine::scoring::score;
use psea_assess::engine::Questionnaire;
use serde_json::{json, Value as Json};

fn item<'q>(q: &'q Questionnaire, id: &str) -> &'q Item {
    q.item(id).unwrap_or_else(|| panic!("no item {id}"))
}

/// The answer read back against its item, as scoring reads it.
fn read(q: &Questionnaire, id: &str, a: &Answer) -> Result<Option<Value>, String> {
    read_value(q, item(q, id), &a.value)
}

#[test]
fn a_choice_is_set_changed_and_cleared_and_reads_back() {
    let q = load_file("unicef-psea-2020.toml");
    let mut a = Answer::default();
    edit::set_choice(&mut a, "adequate");
    assert_eq!(
        read(&q, "cs1_policy", &a),
        Ok(Some(Value::Id("adequate".into())))
    );
    edit::set_choice(&mut a, "absent");
    assert_eq!(a.value, json!("absent"));
    edit::toggle_evidence(&mut a, "psea_policy", true);
    edit::clear_value(&mut a);
    assert_eq!(read(&q, "cs1_policy", &a), Ok(None));
    assert_eq!(
        a.evidence,
        vec!["psea_policy"],
        "clearing the value keeps the evidence"
    );
    // A true/false answer is a JSON boolean.
    let quiz = load_file("psea-training-quiz.toml");
    let mut b = Answer::default();
    edit::set_value(&mut b, json!(false));
    assert_eq!(
        read(&quiz, "q_age_of_consent", &b),
        Ok(Some(Value::Bool(false)))
    );
}

#[test]
fn evidence_and_its_other_text_are_toggled_without_touching_the_value() {
    let mut a = Answer::default();
    edit::set_choice(&mut a, "adequate");
    edit::toggle_evidence(&mut a, "psea_policy", true);
    edit::toggle_evidence(&mut a, "other", true);
    edit::toggle_evidence(&mut a, "psea_policy", true); // twice on is once
    assert_eq!(a.evidence, vec!["other", "psea_policy"]);
    edit::set_evidence_other(&mut a, "Note de service 12/2026");
    assert_eq!(a.evidence_other.as_deref(), Some("Note de service 12/2026"));
    edit::toggle_evidence(&mut a, "psea_policy", false);
    assert_eq!(a.evidence, vec!["other"]);
    edit::set_evidence_other(&mut a, "   ");
    assert_eq!(a.evidence_other, None, "blank text is no text");
    assert_eq!(a.value, json!("adequate"));
}

#[test]
fn checklist_ticks_keep_their_order_and_the_other_text() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let mut a = Answer::default();
    edit::toggle_option(&mut a, "mobile_money", true);
    edit::toggle_option(&mut a, "other", true);
    edit::toggle_option(&mut a, "vouchers", true);
    edit::set_other(&mut a, "Cartes prépayées");
    edit::toggle_option(&mut a, "other", false);
    assert_eq!(edit::ticked(Some(&a)), vec!["mobile_money", "vouchers"]);
    assert_eq!(
        read(&q, "modalities", &a),
        Ok(Some(Value::Ids(vec![
            "mobile_money".into(),
            "vouchers".into()
        ])))
    );
    assert_eq!(
        a.other.as_deref(),
        Some("Cartes prépayées"),
        "unticking keeps the text"
    );
    // Unticking everything is an empty list: an answer ("none of these"), not a clear.
    edit::toggle_option(&mut a, "mobile_money", false);
    edit::toggle_option(&mut a, "vouchers", false);
    assert_eq!(a.value, json!([]));
}

#[test]
fn text_comment_and_date() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let mut a = Answer::default();
    edit::set_text(&mut a, "Filets sociaux Mopti");
    assert_eq!(
        read(&q, "programme", &a),
        Ok(Some(Value::Text("Filets sociaux Mopti".into())))
    );
    edit::set_text(&mut a, "  ");
    assert_eq!(
        a.value,
        Json::Null,
        "a blank text leaves the item unanswered"
    );
    edit::set_comment(&mut a, "Vu avec la cheffe de projet");
    assert_eq!(a.comment.as_deref(), Some("Vu avec la cheffe de projet"));
    edit::set_comment(&mut a, "");
    assert_eq!(a.comment, None);
    let mut d = Answer::default();
    edit::set_date(&mut d, "2026-12-01");
    assert_eq!(
        read(&q, "first_payment", &d),
        Ok(Some(Value::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        )))
    );
    edit::set_date(&mut d, "");
    assert_eq!(d.value, Json::Null);
}

#[test]
fn numbers_outside_their_range_or_not_whole_are_refused_and_not_stored() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let households = &item(&q, "households").kind; // integer, 0 … 1 000 000
    let mut a = Answer::default();
    assert_eq!(edit::set_number(&mut a, households, "1200"), Ok(()));
    assert_eq!(
        a.value,
        json!(1200),
        "a whole number is stored as one, not 1200.0"
    );
    assert_eq!(read(&q, "households", &a), Ok(Some(Value::Number(1200.0))));
    assert_eq!(edit::number_text(Some(&a)), "1200");
    assert_eq!(
        edit::set_number(&mut a, households, "-3"),
        Err(NumberMisfit::BelowMin)
    );
    assert_eq!(a.value, Json::Null, "-3 is not kept as a number");
    assert_eq!(
        edit::set_number(&mut a, households, "12,5"),
        Err(NumberMisfit::NotWhole)
    );
    assert_eq!(
        edit::set_number(&mut a, households, "12.5"),
        Err(NumberMisfit::NotWhole)
    );
    assert_eq!(a.value, Json::Null);
    assert_eq!(
        edit::set_number(&mut a, households, "2000000"),
        Err(NumberMisfit::AboveMax)
    );
    assert_eq!(
        edit::set_number(&mut a, households, "douze"),
        Err(NumberMisfit::NotANumber)
    );
    assert_eq!(edit::set_number(&mut a, households, "1\u{202f}500"), Ok(()));
    assert_eq!(a.value, json!(1500), "a French thousands separator is read");
    assert_eq!(edit::set_number(&mut a, households, " "), Ok(()));
    assert_eq!(a.value, Json::Null, "blank clears");
    // A decimal item takes a decimal comma.
    let free = ItemKind::Number {
        min: None,
        max: None,
        integer: false,
    };
    assert_eq!(edit::set_number(&mut a, &free, "12,5"), Ok(()));
    assert_eq!(a.value, json!(12.5));
    assert_eq!(edit::number_text(Some(&a)), "12.5");
}

#[test]
fn the_file_reader_applies_the_same_number_rule() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let households = item(&q, "households");
    for (raw, fits) in [
        (json!(-3), false),
        (json!(12.5), false),
        (json!(0), true),
        (json!(1_000_000), true),
    ] {
        let ItemKind::Number { min, max, integer } = households.kind else {
            unreachable!()
        };
        let rule = edit::number_fits(min, max, integer, raw.as_f64().unwrap()).is_ok();
        let read = read_value(&q, households, &raw).is_ok();
        assert_eq!((rule, read), (fits, fits), "{raw}");
    }
}

#[test]
fn risk_levels_measures_residual_and_not_applicable() {
    let q = load_file("cash-transfer-sea-risk.toml");
    let mut a = Answer::default();
    edit::set_risk_level(&mut a, Axis::Likelihood, 4);
    assert_eq!(
        read(&q, "r_own_staff", &a),
        Ok(None),
        "one level is not yet a rating"
    );
    edit::set_risk_level(&mut a, Axis::Impact, 4);
    edit::set_measure_status(&mut a, "code_signed", MeasureStatus::InPlace);
    edit::set_residual(&mut a, Axis::Likelihood, Some(2));
    edit::set_justification(&mut a, "Comité remplacé");
    assert_eq!(edit::risk_level(Some(&a), Axis::Impact), Some(4));
    let Ok(Some(Value::Risk(r))) = read(&q, "r_own_staff", &a) else {
        panic!("{:?}", a.value)
    };
    assert_eq!(
        (r.likelihood, r.impact, r.status("code_signed")),
        (4, 4, MeasureStatus::InPlace)
    );
    assert_eq!(r.residual.map(|r| r.likelihood), Some(Some(2)));
    edit::set_risk_na(&mut a, true);
    assert_eq!(a.value, json!("na"));
    edit::set_risk_na(&mut a, false);
    assert_eq!(
        read(&q, "r_own_staff", &a),
        Ok(None),
        "back from N/A: rated afresh"
    );
}

#[test]
fn a_quiz_answer_counts_once_validated() {
    let q = load_file("psea-training-quiz.toml");
    let mut file = AnswersFile::template(&q);
    let a = file.answers.get_mut("q_gross_misconduct").unwrap();
    assert!(!edit::validate(a), "nothing to validate before an answer");
    edit::set_choice(a, "gross_misconduct");
    let before = score(&q, &file);
    let a = file.answers.get_mut("q_gross_misconduct").unwrap();
    assert!(edit::validate(a));
    let after = score(&q, &file);
    let right = |o: &psea_assess::engine::scoring::Outcome| {
        o.items
            .iter()
            .find(|r| r.item == "q_gross_misconduct")
            .and_then(|r| r.correct)
    };
    assert_eq!((right(&before), right(&after)), (None, Some(true)));
    edit::restart_quiz(&mut file);
    assert!(file.answers.is_empty());
}

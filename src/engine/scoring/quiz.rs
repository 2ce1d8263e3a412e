//! Training quiz: share of right answers against a pass mark.

use super::{finish, Effect, ItemResult, Outcome, Scored};
use crate::engine::answers::Value;
use crate::engine::model::*;

pub(super) fn quiz(r: &Quiz, s: &Scored, out: &mut Outcome) {
    let (mut right, mut asked) = (0, 0);
    for (section, item, value, shown) in &s.values {
        if *shown {
            asked += 1;
        }
        if let Some(skip) = Scored::skip(section, item, value, *shown) {
            out.items.push(skip);
            continue;
        }
        let (answer, ok) = match (value, &item.correct) {
            (Some(Value::Bool(b)), Some(Correct::Bool(c))) => (b.to_string(), b == c),
            (Some(Value::Id(a)), Some(Correct::One(c))) => (a.clone(), a == c),
            (Some(Value::Ids(a)), Some(Correct::Many(c))) => {
                let mut a = a.clone();
                let mut c = c.clone();
                crate::engine::order::sort_by(&mut a, |x, y| x.cmp(y));
                crate::engine::order::sort_by(&mut c, |x, y| x.cmp(y));
                (a.join(","), a == c)
            }
            _ => continue,
        };
        right += i64::from(ok);
        out.items.push(ItemResult {
            item: item.id.clone(),
            section: section.id.clone(),
            answer: Some(answer),
            points: Some(i64::from(ok)),
            max: Some(1),
            effect: Effect::Counted,
            correct: Some(ok),
        });
    }
    finish(out, &r.bands, right, asked, Basis::Percent, vec![]);
    out.pass_mark = Some(r.pass_mark);
    if out.complete {
        out.passed = out.percent.map(|p| p >= f64::from(r.pass_mark));
    }
}

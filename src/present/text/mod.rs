//! The command line's text report (`psea-assess score`): each part of the result in its own
//! module, as the PDF and the results page show them, worded by the rest of [`crate::present`].
//! French typography: a no-break space before `:`, « » quotes.

mod follow_up;
mod head;
mod lists;
mod rating;
mod register;

use chrono::NaiveDate;

use super::Lang;
use crate::engine::answers::AnswersFile;
use crate::engine::model::Questionnaire;
use crate::engine::scoring::Outcome;

/// What the report is made of, shared by its parts.
struct Report<'a> {
    q: &'a Questionnaire,
    file: &'a AnswersFile,
    o: &'a Outcome,
    lang: Lang,
    /// The day action due dates are read against; `None`: lateness is not said.
    today: Option<NaiveDate>,
    out: String,
}

impl Report<'_> {
    fn l(&self) -> &'static str {
        self.lang.code()
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// `label : value`
    fn field(&mut self, label: &str, value: &str) {
        let s = super::labelled(self.lang, label, value);
        self.line(&s);
    }

    /// A blank line, then `Title :` over a list.
    fn heading(&mut self, title: &str) {
        let s = super::labelled(self.lang, title, "");
        self.line(&format!("\n{}", s.trim_end()));
    }
}

/// The whole text report of an outcome (no date: action plan entries are not said late).
pub fn outcome(q: &Questionnaire, file: &AnswersFile, o: &Outcome, lang: Lang) -> String {
    outcome_on(q, file, o, lang, None)
}

/// [`outcome`] read on `today`: action plan entries past their due date are flagged late.
pub fn outcome_on(
    q: &Questionnaire,
    file: &AnswersFile,
    o: &Outcome,
    lang: Lang,
    today: Option<NaiveDate>,
) -> String {
    let mut r = Report {
        q,
        file,
        o,
        lang,
        today,
        out: String::new(),
    };
    r.head();
    r.follow_up_line();
    r.out.push('\n');
    r.rating();
    r.review();
    r.sections();
    r.register();
    r.why();
    r.missing();
    r.problems();
    r.gaps();
    r.action_plan();
    r.set_aside();
    r.out
}

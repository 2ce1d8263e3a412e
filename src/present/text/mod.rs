//! The command line's text report (`psea-assess score`): each part of the result in its own
//! module, as the PDF and the results page show them, worded by the rest of [`crate::present`].
//! French typography: a no-break space before `:`, « » quotes.

mod head;
mod lists;
mod rating;
mod register;

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

/// The whole text report of an outcome.
pub fn outcome(q: &Questionnaire, file: &AnswersFile, o: &Outcome, lang: Lang) -> String {
    let mut r = Report {
        q,
        file,
        o,
        lang,
        out: String::new(),
    };
    r.head();
    r.out.push('\n');
    r.rating();
    r.sections();
    r.register();
    r.why();
    r.missing();
    r.problems();
    r.gaps();
    r.set_aside();
    r.out
}

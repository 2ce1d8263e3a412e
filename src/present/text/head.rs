//! The top of the text report: the questionnaire, its rule and sources, who, where, when.

use super::Report;
use crate::engine::model::RuleStatus;
use crate::present::{answer, date, outcome, t};

impl Report<'_> {
    pub(super) fn head(&mut self) {
        let (q, lang) = (self.q, self.lang);
        let s = format!("{} — version {}", q.title.get(self.l()), q.version);
        self.line(&s);
        let status = match self.o.status {
            RuleStatus::Verified => t(lang, "vérifiée", "verified"),
            RuleStatus::Provisional => t(
                lang,
                "PROVISOIRE (non confirmée par la source)",
                "PROVISIONAL (not confirmed by the source)",
            ),
        };
        let rule = format!("{} — {status}", outcome::rule_name(self.o.rule, lang));
        self.field(t(lang, "Règle", "Rule"), &rule);
        if let Some(note) = &q.scoring.note {
            let s = format!("  {}", note.get(self.l()));
            self.line(&s);
        }
        if !q.sources.is_empty() {
            let s = crate::present::labelled(lang, t(lang, "Sources", "Sources"), "");
            self.line(s.trim_end());
            for source in outcome::source_lines(q) {
                self.line(&format!("  - {source}"));
            }
        }
        let a = &self.file.assessment;
        for (label, value) in [
            (t(lang, "Organisation", "Organisation"), &a.organisation),
            (answer::person_label(q, lang), &a.assessor),
            (t(lang, "Lieu", "Place"), &a.place),
        ] {
            if !value.is_empty() {
                self.field(label, value);
            }
        }
        if let Some(d) = a.date {
            self.field(t(lang, "Date", "Date"), &date::written(d, lang));
        }
        if let Some(v) = outcome::valid_until(q, self.file, self.o) {
            let text = outcome::review_before_text(q, v, lang);
            self.field(outcome::review_before_label(lang), &text);
        }
    }
}

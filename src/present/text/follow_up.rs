//! Follow-up and review in the text report: the baseline this assessment reassesses, the
//! reviewer's confirmed band beside the self-assessed one with the determination and the
//! disagreements, and the action plan's progress with its late entries. Worded by
//! [`crate::present::follow_up`], as the results page and the PDF word them.

use super::Report;
use crate::engine::follow_up::{is_late, progress};
use crate::engine::review;
use crate::present::follow_up as words;
use crate::present::t;

impl Report<'_> {
    /// « Suivi de l’évaluation du … » when the file reassesses a baseline.
    pub(super) fn follow_up_line(&mut self) {
        if let Some(b) = &self.file.baseline {
            let s = words::follow_up_of(b.date, self.lang);
            self.line(&s);
        }
    }

    pub(super) fn review(&mut self) {
        let (q, file, lang) = (self.q, self.file, self.lang);
        let Some(r) = &file.review else {
            return;
        };
        self.heading(t(lang, "Examen", "Review"));
        let band = |o: &crate::engine::scoring::Outcome| {
            words::band_name(q, o.band.as_ref().map(|b| b.id.as_str()), lang)
        };
        let own = band(self.o);
        self.field(&format!("  {}", words::self_assessed_label(lang)), &own);
        if let Some(official) = review::official(q, file) {
            let confirmed = band(&official);
            self.field(&format!("  {}", words::confirmed_label(lang)), &confirmed);
        }
        if let Some(d) = &r.determination {
            let s = format!("  {}", words::determination(d, lang));
            self.line(&s);
        }
        for d in review::disagreements(q, file) {
            let s = format!("  ! {}", words::disagreement(q, &d, lang));
            self.line(&s);
        }
    }

    /// The plan's progress, and each late entry (only when the report is read on a date).
    pub(super) fn action_plan(&mut self) {
        let (q, plan, lang) = (self.q, &self.file.action_plan, self.lang);
        let Some(today) = self.today.filter(|_| !plan.is_empty()) else {
            return;
        };
        let (done, total, late) = progress(plan, today);
        let s = words::progress(done, total, late, lang);
        self.line(&format!("\n{s}"));
        for e in plan.iter().filter(|e| is_late(e, today)) {
            if let Some(due) = e.due {
                let s = crate::present::labelled(
                    lang,
                    &words::late(due, lang),
                    &crate::present::plan::action(q, e, lang),
                );
                self.line(&format!("  - {s}"));
            }
        }
    }
}

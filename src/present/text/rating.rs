//! The result: score, context flags, status, band with its notices, cap, quiz verdict, and
//! the score per section.

use super::Report;
use crate::present::{context_flags, outcome, quoted, t};

impl Report<'_> {
    pub(super) fn rating(&mut self) {
        let (o, lang) = (self.o, self.lang);
        if let Some(score) = outcome::score_of(o, lang) {
            self.field(outcome::score_label(o.rule, lang), &score);
        }
        if let Some(ctx) = o.context {
            let (label, value) = context_flags(ctx, lang);
            self.field(label, &value);
        }
        if let Some(st) = outcome::result_status(self.q, o) {
            self.field(
                t(lang, "Statut", "Status"),
                &quoted(lang, st.label.get(self.l())),
            );
            if let Some(note) = &st.note {
                let s = format!("  {}", note.get(self.l()));
                self.line(&s);
            }
        }
        self.band();
        if let Some(passed) = o.passed {
            let verdict = outcome::quiz_verdict(passed, o.pass_mark.unwrap_or(0), lang);
            self.field(t(lang, "Quiz", "Quiz"), &verdict);
        }
    }

    fn band(&mut self) {
        let (q, o, lang) = (self.q, self.o, self.lang);
        match &o.band {
            Some(b) => {
                let rating = format!(
                    "{} ({} {})",
                    quoted(lang, b.label.get(self.l())),
                    t(lang, "bande", "band"),
                    outcome::band_range(b)
                );
                self.field(t(lang, "Résultat", "Rating"), &rating);
                if q.self_assessment {
                    self.line(&format!("  {}", outcome::self_assessment_notice(lang)));
                }
                // « Risque d’EAS modéré » says what it is: no « Risque » label before it.
                if let Some(r) = &b.risk {
                    self.line(&format!("  {}", r.get(self.l())));
                }
                if let Some(adv) = &b.advice {
                    let s = format!("  {}", adv.get(self.l()));
                    self.line(&s);
                }
                if let Some(before) = outcome::uncapped(q, o, lang) {
                    let items: Vec<&str> = o.caps.iter().map(|c| c.item.as_str()).collect();
                    let cap = format!("{} ({before})", items.join(", "));
                    let label = t(
                        lang,
                        "Plafonné par des normes critiques non respectées",
                        "Capped by critical standards not met",
                    );
                    self.field(label, &cap);
                }
            }
            None => {
                if let Some((label, value)) = outcome::partial_result(o, lang) {
                    self.field(label, &value);
                }
            }
        }
    }

    pub(super) fn sections(&mut self) {
        let (q, o, lang) = (self.q, self.o, self.lang);
        if o.sections.is_empty() || o.rule == "risk_matrix" {
            return;
        }
        self.heading(t(lang, "Par section", "By section"));
        for r in &o.sections {
            let title = q
                .sections
                .iter()
                .find(|x| x.id == r.section)
                .map_or("", |x| x.title.get(self.l()));
            let value = format!(
                "{} / {} ({} {} {})",
                r.score,
                r.max,
                r.answered,
                t(lang, "réponse(s) sur", "answered of"),
                r.total
            );
            let s = format!("  - {}", crate::present::labelled(lang, title, &value));
            self.line(&s);
        }
    }
}

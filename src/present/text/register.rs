//! The risk register, highest residual first: inherent (with the floor), measures and their
//! status, computed and retained residual.

use super::Report;
use crate::engine::model::Rule;
use crate::present::{list_sep, risk, t};

impl Report<'_> {
    pub(super) fn register(&mut self) {
        let (q, o, lang) = (self.q, self.o, self.lang);
        if o.risks.is_empty() {
            return;
        }
        self.heading(t(
            lang,
            "Registre des risques (du plus élevé au plus faible)",
            "Risk register (highest first)",
        ));
        let Rule::RiskMatrix(m) = &q.scoring.rule else {
            return;
        };
        for r in &o.risks {
            // The full statement: a risk is read by what it says, never by a cut text.
            let text = q
                .item(&r.item)
                .map_or_else(String::new, |i| i.text.get(self.l()).to_owned());
            self.line(&format!("  {}. {text}", r.rank));
            let mut field = |label: &str, value: String| {
                let s = format!("     {}", crate::present::labelled(lang, label, &value));
                self.line(&s);
            };
            if let Some(c) = risk::category(m, r) {
                field(
                    t(lang, "Catégorie", "Category"),
                    c.label.get(lang.code()).to_owned(),
                );
            }
            field(t(lang, "Inhérent", "Inherent"), risk::inherent(m, r, lang));
            let measures = risk::measures(q, r, lang);
            if !measures.is_empty() {
                field(
                    t(lang, "Mesures", "Measures"),
                    measures.join(list_sep(lang)),
                );
            }
            field(
                t(lang, "Résiduel calculé", "Computed residual"),
                risk::computed(m, r, lang),
            );
            if r.override_used {
                field(
                    t(lang, "Résiduel retenu", "Retained residual"),
                    risk::retained(m, r, lang),
                );
            } else if r.override_unjustified {
                self.line(&format!("     {}", risk::unjustified(lang)));
            }
        }
        if let Some(note) = risk::bound_note(m, lang) {
            self.line(&format!("  {note}."));
        }
    }
}

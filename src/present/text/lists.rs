//! The lists under the result: why this rating (item by item), unanswered items, answers
//! that do not fit, gaps with their actions, and answers set aside.

use super::Report;
use crate::engine::scoring::Effect;
use crate::present::{answer, placement, t};

impl Report<'_> {
    pub(super) fn why(&mut self) {
        let lang = self.lang;
        self.heading(t(lang, "Pourquoi ce résultat", "Why this rating"));
        for r in &self.o.items {
            let Some(item) = self.q.item(&r.item) else {
                continue;
            };
            let detail = match (r.effect, &r.answer) {
                (Effect::Hidden, _) => {
                    t(lang, "masqué, ne compte pas", "hidden, does not count").to_owned()
                }
                (Effect::Unanswered, _) => t(lang, "sans réponse", "unanswered").to_owned(),
                (Effect::NaExcluded, _) => t(
                    lang,
                    "sans objet, exclu du maximum",
                    "not applicable, left out of the maximum",
                )
                .to_owned(),
                (Effect::NaMet, _) => format!(
                    "{} {}",
                    t(
                        lang,
                        "sans objet, compté comme respecté",
                        "not applicable, counted as met"
                    ),
                    points(r.points, r.max)
                ),
                (Effect::Counted, Some(ans)) if self.o.rule == "risk_matrix" => {
                    ans.replace('x', "×")
                }
                (Effect::Counted, Some(ans)) => {
                    let mut d = format!(
                        "{} {}",
                        answer::answer_label(item, ans, lang),
                        points(r.points, r.max)
                    );
                    if let Some(ok) = r.correct {
                        d.push_str(if ok {
                            t(lang, " — bonne réponse", " — right answer")
                        } else {
                            t(lang, " — réponse incorrecte", " — incorrect answer")
                        });
                    }
                    d
                }
                (Effect::Counted, None) => String::new(),
            };
            let name = answer::item_name(self.q, item, lang);
            self.line(&format!(
                "  - {}",
                crate::present::question_labelled(lang, &name, &detail)
            ));
        }
    }

    /// `title :` and one line per entry, or nothing when there are none.
    fn list(&mut self, title: &str, lines: Vec<String>) {
        if lines.is_empty() {
            return;
        }
        self.heading(title);
        for line in lines {
            self.line(&format!("  - {line}"));
        }
    }

    pub(super) fn missing(&mut self) {
        let lines = (self.o.missing.iter())
            .map(|m| format!("{} [{}]", self.name_of(&m.item), m.item))
            .collect();
        self.list(t(self.lang, "Sans réponse", "Unanswered"), lines);
    }

    pub(super) fn problems(&mut self) {
        let lines = (self.o.problems.iter())
            .map(|p| {
                format!(
                    "[{}] {}",
                    p.item,
                    answer::problem_text(self.q, self.file, p, self.lang)
                )
            })
            .collect();
        let title = t(
            self.lang,
            "Réponses qui ne correspondent pas à la question",
            "Answers that do not fit their question",
        );
        self.list(title, lines);
    }

    pub(super) fn gaps(&mut self) {
        let lines = (self.o.gaps.iter())
            .map(|g| {
                let action = g.action.as_ref().map_or("", |a| a.get(self.l()));
                format!("{}\n      → {action}", self.name_of(&g.item))
            })
            .collect();
        let title = t(
            self.lang,
            "Écarts et actions proposées",
            "Gaps and suggested actions",
        );
        self.list(title, lines);
    }

    /// The short name of an item, or "" when the questionnaire has no such item.
    fn name_of(&self, id: &str) -> String {
        self.q
            .item(id)
            .map_or_else(String::new, |i| answer::item_name(self.q, i, self.lang))
    }

    /// Answers set aside after a questionnaire revision: listed, so nothing typed is hidden.
    pub(super) fn set_aside(&mut self) {
        let lines = placement::unplaced(self.file, self.lang)
            .into_iter()
            .map(|(key, line)| format!("[{key}] {line}"))
            .collect();
        self.list(placement::title(self.lang), lines);
    }
}

/// « (2/3) »: the points an answer gave.
fn points(p: Option<i64>, max: Option<i64>) -> String {
    match (p, max) {
        (Some(p), Some(m)) => format!("({p}/{m})"),
        _ => String::new(),
    }
}

//! Checks that need the whole questionnaire: unique ids, conditions and rules that point at
//! real items and choices, no circular conditions, and band tables with no gap, no overlap
//! and no band that no score can reach.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::diagnostic::{closest, did_you_mean, suggestion, Diagnostic, Msg, Span};
use super::model::*;
use super::scoring;
use crate::msg;

pub fn validate(q: &Questionnaire, src: &str) -> Vec<Diagnostic> {
    let mut v = Validator {
        q,
        src,
        diags: Vec::new(),
    };
    v.ids();
    v.items();
    v.conditions();
    v.na_and_other();
    v.rule();
    v.diags
}

struct Validator<'q> {
    q: &'q Questionnaire,
    src: &'q str,
    diags: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, span: &Span, owner: Option<&str>, msg: Msg) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::at(self.src, span, msg).item(owner));
        self.diags.last_mut().expect("just pushed")
    }

    fn ids(&mut self) {
        let mut sections: HashMap<&str, usize> = HashMap::new();
        let mut items: HashMap<&str, usize> = HashMap::new();
        for s in &self.q.sections {
            if let Some(first) = sections.insert(&s.id, s.id_span.start) {
                let (line, _) = super::diagnostic::line_col(self.src, first);
                self.error(&s.id_span, Some(&s.id), {
                    let id = &s.id;
                    msg!(
                        "id de section `{id}` en double",
                        "duplicate section id `{id}`"
                    )
                })
                .with_hint(msg!(
                    "déjà utilisé ligne {line}",
                    "first used on line {line}"
                ));
            }
            for i in &s.items {
                if let Some(first) = items.insert(&i.id, i.id_span.start) {
                    let (line, _) = super::diagnostic::line_col(self.src, first);
                    self.error(
                        &i.id_span,
                        Some(&i.id),
                        {
                            let id = &i.id;
                            msg!("id de question `{id}` en double", "duplicate item id `{id}`")
                        },
                    )
                    .with_hint(msg!(
                        "déjà utilisé ligne {line}\u{202f}; chaque id de question doit être unique dans le fichier",
                        "first used on line {line}; item ids must be unique in the file"
                    ));
                }
                let mut seen = HashSet::new();
                let lists: Vec<(&str, Vec<(&str, &Span)>)> = vec![
                    (
                        "choice",
                        match &i.kind {
                            ItemKind::Scale { choices, .. } | ItemKind::Choice { choices } => {
                                choices.iter().map(|c| (c.id.as_str(), &c.span)).collect()
                            }
                            ItemKind::Checklist { options, .. } => {
                                options.iter().map(|c| (c.id.as_str(), &c.span)).collect()
                            }
                            ItemKind::Risk { mitigations, .. } => mitigations
                                .iter()
                                .map(|m| (m.id.as_str(), &m.span))
                                .collect(),
                            _ => vec![],
                        },
                    ),
                    (
                        "evidence",
                        i.evidence
                            .iter()
                            .map(|c| (c.id.as_str(), &c.span))
                            .collect(),
                    ),
                ];
                for (what, list) in lists {
                    seen.clear();
                    for (id, span) in list {
                        if !seen.insert(id) {
                            self.error(span, Some(&i.id), {
                                let (item, fr) =
                                    (&i.id, if what == "choice" { "choix" } else { "preuve" });
                                msg!(
                                    "id de {fr} `{id}` en double dans la question `{item}`",
                                    "duplicate {what} id `{id}` in item `{item}`"
                                )
                            });
                        } else if [NA, OTHER].contains(&id) && what == "choice" {
                            self.error(
                                span,
                                Some(&i.id),
                                msg!(
                                    "l’id de choix `{id}` est réservé",
                                    "choice id `{id}` is reserved"
                                ),
                            )
                            .with_hint(msg!(
                                "mettez plutôt `na = true` ou `other = true` sur la question",
                                "use `na = true` or `other = true` on the item instead"
                            ));
                        }
                    }
                }
            }
        }
    }

    fn items(&mut self) {
        let quiz = matches!(self.q.scoring.rule, Rule::Quiz(_));
        for (_, i) in self.q.items() {
            let id = Some(i.id.as_str());
            let item = &i.id;
            match &i.kind {
                ItemKind::Number {
                    min: Some(a),
                    max: Some(b),
                    ..
                } if a > b => {
                    self.error(
                        &i.span,
                        id,
                        msg!(
                            "la question `{item}` a un min {a} au-dessus de son max {b}",
                            "item `{item}` has min {a} above max {b}"
                        ),
                    );
                }
                ItemKind::Checklist {
                    options,
                    other: false,
                } if options.is_empty() => {
                    self.error(
                        &i.span,
                        id,
                        msg!(
                            "la liste `{item}` n’a aucune option",
                            "checklist `{item}` has no options"
                        ),
                    );
                }
                ItemKind::Risk { .. } if !matches!(self.q.scoring.rule, Rule::RiskMatrix(_)) => {
                    self.error(
                        &i.span,
                        id,
                        msg!(
                            "le risque `{item}` demande la règle `risk_matrix`",
                            "risk item `{item}` needs the `risk_matrix` rule"
                        ),
                    );
                }
                _ => {}
            }
            if i.evidence_other && i.evidence.is_empty() {
                self.error(
                    &i.span,
                    id,
                    msg!(
                        "la question `{item}` propose une autre preuve mais ne liste aucune preuve",
                        "item `{item}` offers other evidence but lists no evidence"
                    ),
                );
            }
            match (&i.correct, quiz) {
                (Some(_), false) => {
                    self.error(
                        &i.span,
                        id,
                        msg!(
                            "la question `{item}` a `correct`, que seule la règle quiz utilise",
                            "item `{item}` has `correct`, which only the quiz rule uses"
                        ),
                    );
                }
                (None, true) if is_question(&i.kind) => {
                    self.error(
                        &i.span,
                        id,
                        msg!(
                            "la question de quiz `{item}` n’a pas de réponse `correct`",
                            "quiz question `{item}` has no `correct` answer"
                        ),
                    )
                    .with_hint(msg!(
                        "ajoutez `correct = \"id du choix\"` (ou true/false, ou une liste pour une liste à cocher)",
                        "add `correct = \"choice id\"` (or true/false, or a list for a checklist)"
                    ));
                }
                (Some(c), true) => self.correct(i, c),
                _ => {}
            }
            if quiz && is_question(&i.kind) && i.explanation.is_none() {
                self.error(
                    &i.span,
                    id,
                    msg!(
                        "la question de quiz `{item}` n’a pas d’`explanation`",
                        "quiz question `{item}` has no `explanation`"
                    ),
                )
                .with_hint(msg!(
                    "les participant·es la lisent après avoir répondu",
                    "trainees see it after answering"
                ));
            }
        }
    }

    fn correct(&mut self, i: &Item, c: &Correct) {
        let ids = i.kind.answer_ids();
        let ok = match (&i.kind, c) {
            (ItemKind::TrueFalse { .. }, Correct::Bool(_)) => true,
            (ItemKind::Choice { .. } | ItemKind::Scale { .. }, Correct::One(x)) => {
                self.known(i, x, &ids)
            }
            (ItemKind::Checklist { .. }, Correct::Many(xs)) => {
                xs.iter().all(|x| self.known(i, x, &ids))
            }
            _ => {
                self.error(&i.span, Some(&i.id), {
                    let kind = i.kind.name();
                    msg!(
                        "`correct` ne convient pas à une question de type `{kind}`",
                        "`correct` does not fit a `{kind}` item"
                    )
                })
                .with_hint(msg!(
                    "true/false pour true_false, un id pour choice, une liste d’ids pour checklist",
                    "true/false for true_false, an id for choice, a list of ids for checklist"
                ));
                true
            }
        };
        let _ = ok;
    }

    /// Reports `x` when it is not one of `ids`; true when it is.
    fn known(&mut self, i: &Item, x: &str, ids: &[&str]) -> bool {
        if ids.contains(&x) {
            return true;
        }
        let item = &i.id;
        let hint = suggestion(
            x,
            ids,
            (
                &format!("choix de `{item}`"),
                &format!("choices of `{item}`"),
            ),
        );
        self.error(
            &i.span,
            Some(&i.id),
            msg!(
                "la question `{item}` n’a pas de choix `{x}`",
                "item `{item}` has no choice `{x}`"
            ),
        )
        .with_hint(hint);
        false
    }

    /// Conditional N/A, the labels of "other" options, and the result statuses.
    fn na_and_other(&mut self) {
        let q = self.q;
        for (_, i) in q.items() {
            let id = Some(i.id.as_str());
            let item = &i.id;
            if let Some(c) = &i.na_if {
                if !i.kind.allows_na() {
                    self.error(
                        &i.span,
                        id,
                        msg!(
                            "la question `{item}` a `na_if` mais ne propose pas «\u{a0}sans objet\u{a0}»",
                            "item `{item}` has `na_if` but does not offer N/A"
                        ),
                    )
                    .with_hint(msg!(
                        "ajoutez `na = true`, ou retirez `na_if`",
                        "add `na = true`, or remove `na_if`"
                    ));
                }
                self.condition(c, &i.id, &mut Vec::new());
            }
            if i.other_label.is_some() && !matches!(i.kind, ItemKind::Checklist { other: true, .. })
            {
                self.error(
                    &i.span,
                    id,
                    msg!(
                        "la question `{item}` a `other_label` mais pas d’option «\u{a0}autre\u{a0}»",
                        "item `{item}` has `other_label` but no \"other\" option"
                    ),
                )
                .with_hint(msg!(
                    "`other_label` s’applique à une liste à cocher avec `other = true`",
                    "`other_label` applies to a checklist with `other = true`"
                ));
            }
            if i.evidence_other_label.is_some() && !i.evidence_other {
                self.error(
                    &i.span,
                    id,
                    msg!(
                        "la question `{item}` a `evidence_other_label` mais pas de preuve «\u{a0}autre\u{a0}»",
                        "item `{item}` has `evidence_other_label` but no \"other\" evidence"
                    ),
                )
                .with_hint(msg!(
                    "ajoutez `evidence_other = true`, ou retirez le libellé",
                    "add `evidence_other = true`, or remove the label"
                ));
            }
        }
        for st in &q.statuses {
            self.condition(&st.when, &st.id, &mut Vec::new());
        }
    }

    fn conditions(&mut self) {
        let q = self.q;
        let mut deps: HashMap<&str, Vec<&str>> = HashMap::new();
        for s in &q.sections {
            let mut section_refs = Vec::new();
            if let Some(c) = &s.show_if {
                self.condition(c, &s.id, &mut section_refs);
            }
            for i in &s.items {
                let mut refs = section_refs.clone();
                if let Some(c) = &i.show_if {
                    self.condition(c, &i.id, &mut refs);
                }
                deps.insert(&i.id, refs);
            }
        }
        // A condition may depend on an item whose own visibility depends on it: reject cycles.
        let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on the path, 2 = done
        for (_, item) in q.items() {
            let mut stack = vec![(item.id.as_str(), 0usize)];
            while let Some((node, idx)) = stack.pop() {
                if idx == 0 {
                    if state.get(node) == Some(&2) {
                        continue;
                    }
                    state.insert(node, 1);
                }
                let next = deps.get(node).and_then(|d| d.get(idx)).copied();
                match next {
                    Some(n) => {
                        stack.push((node, idx + 1));
                        match state.get(n) {
                            Some(1) => {
                                let span = q.item(node).map(|i| i.span.clone()).unwrap_or(0..0);
                                self.error(
                                    &span,
                                    Some(node),
                                    msg!(
                                        "les conditions tournent en rond\u{a0}: `{node}` dépend de `{n}`, qui dépend de `{node}`",
                                        "conditions form a cycle: `{node}` depends on `{n}`, which depends back on `{node}`"
                                    ),
                                )
                                .with_hint(msg!(
                                    "une question ne peut pas dépendre d’elle-même, directement ou par d’autres",
                                    "an item cannot be shown depending on itself, directly or through others"
                                ));
                            }
                            Some(2) => {}
                            _ => stack.push((n, 0)),
                        }
                    }
                    None => {
                        state.insert(node, 2);
                    }
                }
            }
        }
    }

    fn condition<'a>(&mut self, c: &'a Condition, owner: &str, refs: &mut Vec<&'a str>) {
        let q = self.q;
        let target = |item: &str| q.item(item);
        match c {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| self.condition(c, owner, refs))
            }
            Condition::Not(c) => self.condition(c, owner, refs),
            Condition::Is { item, value, span } => {
                let Some(t) = self.target(item, span, owner, target(item)) else {
                    return;
                };
                refs.push(item);
                match (value, &t.kind) {
                    (CondValue::Bool(_), ItemKind::TrueFalse { .. }) => {}
                    (CondValue::Id(x), k)
                        if !k.answer_ids().is_empty()
                            && !matches!(k, ItemKind::Checklist { .. }) =>
                    {
                        self.known_at(t, x, span, owner);
                    }
                    _ => {
                        let kind = t.kind.name();
                        self.error(
                            span,
                            Some(owner),
                            msg!(
                                "`is` ne peut pas tester `{item}`, une question de type `{kind}`",
                                "`is` cannot test `{item}`, a `{kind}` item"
                            ),
                        )
                        .with_hint(msg!(
                            "utilisez is = true/false pour true_false, is = \"id\" pour les choix, includes pour les listes à cocher, at_least/at_most pour les nombres",
                            "use is = true/false for true_false, is = \"id\" for choices, includes for checklists, at_least/at_most for numbers"
                        ));
                    }
                }
            }
            Condition::In { item, values, span } => {
                let Some(t) = self.target(item, span, owner, target(item)) else {
                    return;
                };
                refs.push(item);
                for x in values {
                    self.known_at(t, x, span, owner);
                }
            }
            Condition::Includes { item, option, span } => {
                let Some(t) = self.target(item, span, owner, target(item)) else {
                    return;
                };
                refs.push(item);
                if !matches!(t.kind, ItemKind::Checklist { .. }) {
                    self.error(
                        span,
                        Some(owner),
                        {
                            let kind = t.kind.name();
                            msg!(
                                "`includes` demande une liste à cocher, mais `{item}` est de type `{kind}`",
                                "`includes` needs a checklist, but `{item}` is a `{kind}` item"
                            )
                        },
                    );
                } else {
                    self.known_at(t, option, span, owner);
                }
            }
            Condition::Answered { item, span, .. } => {
                if self.target(item, span, owner, target(item)).is_some() {
                    refs.push(item);
                }
            }
            Condition::AtLeast { item, span, .. } | Condition::AtMost { item, span, .. } => {
                let Some(t) = self.target(item, span, owner, target(item)) else {
                    return;
                };
                refs.push(item);
                if !matches!(t.kind, ItemKind::Number { .. }) {
                    self.error(
                        span,
                        Some(owner),
                        {
                            let kind = t.kind.name();
                            msg!(
                                "`at_least`/`at_most` demandent une question nombre, mais `{item}` est de type `{kind}`",
                                "`at_least`/`at_most` need a number item, but `{item}` is a `{kind}` item"
                            )
                        },
                    );
                }
            }
        }
    }

    fn target<'q>(
        &mut self,
        item: &str,
        span: &Span,
        owner: &str,
        found: Option<&'q Item>,
    ) -> Option<&'q Item> {
        if found.is_none() {
            let hint = closest(item, self.q.items().map(|(_, i)| i.id.as_str()))
                .map(did_you_mean)
                .unwrap_or_else(|| {
                    msg!(
                        "les conditions renvoient aux ids de questions de ce fichier",
                        "conditions refer to item ids of this file"
                    )
                });
            self.error(
                span,
                Some(owner),
                msg!(
                    "la condition renvoie à une question inconnue `{item}`",
                    "condition refers to unknown item `{item}`"
                ),
            )
            .with_hint(hint);
        } else if item == owner {
            self.error(
                span,
                Some(owner),
                msg!(
                    "`{owner}` est montrée selon sa propre réponse",
                    "`{owner}` is shown depending on its own answer"
                ),
            );
            return None;
        }
        found
    }

    fn known_at(&mut self, t: &Item, x: &str, span: &Span, owner: &str) {
        let ids = t.kind.answer_ids();
        if !ids.contains(&x) {
            let item = &t.id;
            let hint = suggestion(
                x,
                &ids,
                (
                    &format!("choix de `{item}`"),
                    &format!("choices of `{item}`"),
                ),
            );
            self.error(
                span,
                Some(owner),
                msg!(
                    "la condition teste `{item}` pour `{x}`, qui n’est pas un de ses choix",
                    "condition tests `{item}` for `{x}`, which is not one of its choices"
                ),
            )
            .with_hint(hint);
        }
    }

    /// Items the rule scores must exist and be of a kind it can score.
    fn rule_items(&mut self, refs: &[ItemRef], ok: fn(&ItemKind) -> bool, kinds: &str) {
        for r in refs {
            let item = &r.id;
            match self.q.item(&r.id) {
                None => {
                    let hint = closest(&r.id, self.q.items().map(|(_, i)| i.id.as_str()))
                        .map(did_you_mean)
                        .unwrap_or_else(|| {
                            msg!(
                                "listez des ids de questions de ce fichier",
                                "list item ids of this file"
                            )
                        });
                    self.error(
                        &r.span,
                        None,
                        msg!(
                            "la notation renvoie à une question inconnue `{item}`",
                            "scoring refers to unknown item `{item}`"
                        ),
                    )
                    .with_hint(hint);
                }
                Some(i) if !ok(&i.kind) => {
                    self.error(
                        &r.span,
                        Some(&r.id),
                        {
                            let kind = i.kind.name();
                            msg!(
                                "la règle ne note que les questions {kinds}, mais `{item}` est de type `{kind}`",
                                "the rule can only score {kinds} items, but `{item}` is a `{kind}` item"
                            )
                        },
                    );
                }
                Some(_) => {}
            }
        }
    }

    /// Every risk names a declared category (when there are any); no measure is inert.
    fn risk_categories(&mut self, r: &RiskMatrix) {
        let mut seen = HashSet::new();
        for c in &r.categories {
            if !seen.insert(c.id.as_str()) {
                let id = &c.id;
                self.error(
                    &c.span,
                    None,
                    msg!(
                        "id de catégorie `{id}` en double",
                        "duplicate category id `{id}`"
                    ),
                );
            }
        }
        let ids: Vec<&str> = r.categories.iter().map(|c| c.id.as_str()).collect();
        let top = r.impact.len() as u8;
        for (_, i) in self.q.items() {
            let ItemKind::Risk {
                mitigations,
                category,
                ..
            } = &i.kind
            else {
                continue;
            };
            let (item, list) = (&i.id, ids.join(", "));
            match category.as_deref() {
                None if !ids.is_empty() => {
                    self.error(
                        &i.span,
                        Some(&i.id),
                        msg!(
                            "le risque `{item}` n’a pas de `category`",
                            "risk `{item}` has no `category`"
                        ),
                    )
                    .with_hint(msg!("catégories\u{a0}: {list}", "categories: {list}"));
                }
                Some(c) if !ids.contains(&c) => {
                    let hint = suggestion(c, &ids, ("catégories", "categories"));
                    self.error(
                        &i.span,
                        Some(&i.id),
                        msg!(
                            "le risque `{item}` a une catégorie inconnue `{c}`",
                            "risk `{item}` has unknown category `{c}`"
                        ),
                    )
                    .with_hint(hint);
                }
                _ => {}
            }
            let floor = r.floor(category.as_deref());
            for m in mitigations {
                let why = if r.max_reduction.on(m.lowers) == 0 {
                    let axis = m.lowers.name();
                    let axis_fr = if m.lowers == Axis::Impact {
                        "d’impact"
                    } else {
                        "de probabilité"
                    };
                    Some(msg!(
                        "max_reduction n’autorise aucun cran {axis_fr}",
                        "max_reduction allows no step of {axis}"
                    ))
                } else if m.lowers == Axis::Impact && floor >= top {
                    Some(msg!(
                        "le plancher d’impact de ce risque ({floor}) est le haut de l’échelle",
                        "the impact floor of this risk ({floor}) is the top of the scale"
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    self.error(
                        &m.span,
                        Some(&i.id),
                        {
                            let (mid, wfr, wen) = (&m.id, &why.fr, &why.en);
                            msg!(
                                "la mesure `{mid}` du risque `{item}` ne peut jamais changer un résultat\u{a0}: {wfr}",
                                "measure `{mid}` of risk `{item}` can never change a result: {wen}"
                            )
                        },
                    )
                    .with_hint(msg!(
                        "faites-lui baisser l’autre axe, ou retirez la mesure",
                        "lower the other axis, or drop the measure"
                    ));
                }
            }
        }
    }

    fn rule(&mut self) {
        let q = self.q;
        let span = q.scoring.span.clone();
        let scored = scoring::scored_items(q);
        match &q.scoring.rule {
            Rule::WeightedSum(r) => {
                self.rule_items(&r.items, |k| matches!(k, ItemKind::Scale { .. }), "`scale`");
                self.summed(&span, &scored, "weighted_sum", r.na, r.basis);
                self.critical(&r.critical, &r.bands, true);
            }
            Rule::CountMet(r) => {
                self.rule_items(
                    &r.items,
                    |k| matches!(k, ItemKind::YesNo { .. }),
                    "`yes_no`",
                );
                self.summed(&span, &scored, "count_met", r.na, r.basis);
                self.critical(&r.critical, &r.bands, false);
            }
            Rule::RiskMatrix(r) => {
                if scored.is_empty() {
                    self.error(
                        &span,
                        None,
                        msg!(
                            "la règle risk_matrix n’a aucune question `risk`",
                            "the risk_matrix rule has no `risk` item"
                        ),
                    );
                }
                let floors = r
                    .impact_floor
                    .map(|f| (f, &span, "impact_floor".to_owned()))
                    .into_iter()
                    .chain(r.categories.iter().filter_map(|c| {
                        c.impact_floor
                            .map(|f| (f, &c.span, format!("category `{}`: impact_floor", c.id)))
                    }));
                for (f, at, what) in floors.collect::<Vec<_>>() {
                    if usize::from(f) > r.impact.len() {
                        self.error(at, None, {
                            let n = r.impact.len();
                            msg!(
                                "{what} {f} dépasse le haut de l’échelle d’impact à {n} points",
                                "{what} {f} is above the top of the {n}-point impact scale"
                            )
                        });
                    }
                }
                self.risk_categories(r);
            }
            Rule::FlagCount(r) => {
                self.rule_items(
                    &r.items,
                    |k| matches!(k, ItemKind::TrueFalse { .. }),
                    "`true_false`",
                );
                self.rule_items(
                    &r.context_items,
                    |k| matches!(k, ItemKind::TrueFalse { .. }),
                    "`true_false`",
                );
                if scored.is_empty() {
                    self.error(
                        &span,
                        None,
                        msg!(
                            "la règle flag_count n’a aucune question `true_false` à compter",
                            "the flag_count rule has no `true_false` item to count"
                        ),
                    );
                }
            }
            Rule::Quiz(_) => {
                if scored.is_empty() {
                    self.error(
                        &span,
                        None,
                        msg!(
                            "le quiz n’a aucune question avec une réponse `correct`",
                            "the quiz has no question with a `correct` answer"
                        ),
                    );
                }
            }
        }
        if let Some(reachable) = scoring::reachable_scores(q) {
            self.bands(q.scoring.bands(), &reachable);
        }
    }

    /// What weighted_sum and count_met both need: something to score, and no N/A that would
    /// shift bands read on the raw sum.
    fn summed(&mut self, span: &Span, scored: &[&Item], rule: &str, na: NaPolicy, basis: Basis) {
        let sum = rule == "weighted_sum";
        let (kind, fr_verb, en_verb) = if sum {
            ("scale", "noter", "score")
        } else {
            ("yes_no", "compter", "count")
        };
        if scored.is_empty() {
            self.error(
                span,
                None,
                msg!(
                    "la règle {rule} n’a aucune question `{kind}` à {fr_verb}",
                    "the {rule} rule has no `{kind}` item to {en_verb}"
                ),
            );
        }
        if na == NaPolicy::Exclude
            && basis == Basis::Total
            && scored.iter().any(|i| i.kind.allows_na())
        {
            let (fr, en) = if sum {
                ("total", "total")
            } else {
                ("compte", "count")
            };
            self.error(
                span,
                None,
                msg!(
                    "les réponses «\u{a0}sans objet\u{a0}» sont exclues, mais les bandes portent sur le {fr} brut, que ces réponses déplaceraient",
                    "N/A answers are left out, but bands are on the raw {en}, which N/A would shift"
                ),
            )
            .with_hint(na_shift_hint());
        }
    }

    fn critical(&mut self, list: &[Critical], bands: &[Band], needs_when: bool) {
        let scored: Vec<&str> = scoring::scored_items(self.q)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        for c in list {
            let (id, cap) = (&c.item, &c.cap);
            let Some(item) = self.q.item(&c.item) else {
                self.error(
                    &c.span,
                    None,
                    msg!(
                        "l’entrée critical renvoie à une question inconnue `{id}`",
                        "critical entry refers to unknown item `{id}`"
                    ),
                );
                continue;
            };
            if !scored.contains(&c.item.as_str()) {
                self.error(
                    &c.span,
                    Some(&c.item),
                    msg!(
                        "la question critique `{id}` n’est pas notée par la règle",
                        "critical item `{id}` is not scored by the rule"
                    ),
                );
            }
            if !bands.iter().any(|b| b.id == c.cap) {
                let ids: Vec<&str> = bands.iter().map(|b| b.id.as_str()).collect();
                self.error(
                    &c.span,
                    Some(&c.item),
                    msg!(
                        "l’entrée critical plafonne à une bande inconnue `{cap}`",
                        "critical entry caps at unknown band `{cap}`"
                    ),
                )
                .with_hint({
                    let list = ids.join(", ");
                    msg!("bandes\u{a0}: {list}", "bands: {list}")
                });
            }
            if needs_when && c.when.is_empty() {
                self.error(
                    &c.span,
                    Some(&c.item),
                    msg!(
                        "l’entrée critical de `{id}` ne dit pas quand (`when`) elle plafonne",
                        "critical entry for `{id}` does not say `when` it caps"
                    ),
                )
                .with_hint(msg!(
                    "par exemple when = [\"absent\"]",
                    "e.g. when = [\"absent\"]"
                ));
            }
            for w in &c.when {
                self.known_at(item, w, &c.span, &c.item);
            }
        }
    }

    fn bands(&mut self, bands: &[Band], reachable: &BTreeSet<i64>) {
        let mut sorted: Vec<&Band> = bands.iter().collect();
        super::order::sort_by_key(&mut sorted, |b| (b.min, b.max));
        let mut ids = HashSet::new();
        for b in bands {
            if !ids.insert(b.id.as_str()) {
                self.error(&b.span, Some(&b.id), {
                    let id = &b.id;
                    msg!("id de bande `{id}` en double", "duplicate band id `{id}`")
                });
            }
        }
        for w in sorted.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b.min <= a.max {
                self.error(&b.span, Some(&b.id), {
                    let (bi, bmin, bmax, ai, amin, amax) =
                        (&b.id, b.min, b.max, &a.id, a.min, a.max);
                    msg!(
                        "la bande `{bi}` ({bmin}–{bmax}) chevauche la bande `{ai}` ({amin}–{amax})",
                        "band `{bi}` ({bmin}–{bmax}) overlaps band `{ai}` ({amin}–{amax})"
                    )
                })
                .with_hint(msg!(
                    "chaque note doit tomber dans une seule bande",
                    "each score must fall in exactly one band"
                ));
            }
        }
        if bands.is_empty() {
            return;
        }
        for b in bands {
            if !reachable.iter().any(|s| (b.min..=b.max).contains(s)) {
                self.error(&b.span, Some(&b.id), {
                    let (id, min, max) = (&b.id, b.min, b.max);
                    msg!(
                        "la bande `{id}` ({min}–{max}) ne peut jamais être atteinte",
                        "band `{id}` ({min}–{max}) can never be reached"
                    )
                })
                .with_hint(possible_scores(reachable));
            }
        }
        let uncovered: BTreeSet<i64> = super::order::set(
            reachable
                .iter()
                .copied()
                .filter(|s| !bands.iter().any(|b| (b.min..=b.max).contains(s))),
        );
        if !uncovered.is_empty() {
            let span = self.q.scoring.span.clone();
            self.error(&span, None, {
                let gap = ranges(&uncovered);
                msg!(
                    "les bandes laissent un trou\u{a0}: la note {gap} ne tombe dans aucune bande",
                    "bands leave a gap: score {gap} falls in no band"
                )
            })
            .with_hint(possible_scores(reachable));
        }
    }
}

fn possible_scores(reachable: &BTreeSet<i64>) -> Msg {
    let list = ranges(reachable);
    msg!("notes possibles\u{a0}: {list}", "possible scores: {list}")
}

fn na_shift_hint() -> Msg {
    msg!(
        "mettez basis = \"percent\", ou na = \"met\"",
        "set basis = \"percent\", or na = \"met\""
    )
}

fn is_question(k: &ItemKind) -> bool {
    matches!(
        k,
        ItemKind::Choice { .. } | ItemKind::TrueFalse { .. } | ItemKind::Checklist { .. }
    )
}

/// `1–4, 6, 8–10`: a set of whole numbers written as runs.
pub fn ranges(set: &BTreeSet<i64>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut it = set.iter().copied().peekable();
    while let Some(start) = it.next() {
        let mut end = start;
        while it.peek() == Some(&(end + 1)) {
            end = it.next().expect("peeked");
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
    }
    out.join(", ")
}

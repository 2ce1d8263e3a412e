//! Checks that need the whole questionnaire: unique ids, conditions and rules that point at
//! real items and choices, no circular conditions, and band tables with no gap, no overlap
//! and no band that no score can reach.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::diagnostic::{closest, Diagnostic, Span};
use super::model::*;
use super::scoring;

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
    fn error(
        &mut self,
        span: &Span,
        owner: Option<&str>,
        msg: impl Into<String>,
    ) -> &mut Diagnostic {
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
                self.error(
                    &s.id_span,
                    Some(&s.id),
                    format!("duplicate section id `{}`", s.id),
                )
                .with_hint(format!("first used on line {line}"));
            }
            for i in &s.items {
                if let Some(first) = items.insert(&i.id, i.id_span.start) {
                    let (line, _) = super::diagnostic::line_col(self.src, first);
                    self.error(
                        &i.id_span,
                        Some(&i.id),
                        format!("duplicate item id `{}`", i.id),
                    )
                    .with_hint(format!(
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
                            self.error(
                                span,
                                Some(&i.id),
                                format!("duplicate {what} id `{id}` in item `{}`", i.id),
                            );
                        } else if [NA, OTHER].contains(&id) && what == "choice" {
                            self.error(span, Some(&i.id), format!("choice id `{id}` is reserved"))
                                .with_hint("use `na = true` or `other = true` on the item instead");
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
            match &i.kind {
                ItemKind::Number {
                    min: Some(a),
                    max: Some(b),
                    ..
                } if a > b => {
                    self.error(
                        &i.span,
                        id,
                        format!("item `{}` has min {a} above max {b}", i.id),
                    );
                }
                ItemKind::Checklist {
                    options,
                    other: false,
                } if options.is_empty() => {
                    self.error(&i.span, id, format!("checklist `{}` has no options", i.id));
                }
                ItemKind::Risk { .. } if !matches!(self.q.scoring.rule, Rule::RiskMatrix(_)) => {
                    self.error(
                        &i.span,
                        id,
                        format!("risk item `{}` needs the `risk_matrix` rule", i.id),
                    );
                }
                _ => {}
            }
            if i.evidence_other && i.evidence.is_empty() {
                self.error(
                    &i.span,
                    id,
                    format!(
                        "item `{}` offers other evidence but lists no evidence",
                        i.id
                    ),
                );
            }
            match (&i.correct, quiz) {
                (Some(_), false) => {
                    self.error(
                        &i.span,
                        id,
                        format!(
                            "item `{}` has `correct`, which only the quiz rule uses",
                            i.id
                        ),
                    );
                }
                (None, true) if is_question(&i.kind) => {
                    self.error(
                        &i.span,
                        id,
                        format!("quiz question `{}` has no `correct` answer", i.id),
                    )
                    .with_hint(
                        "add `correct = \"choice id\"` (or true/false, or a list for a checklist)",
                    );
                }
                (Some(c), true) => self.correct(i, c),
                _ => {}
            }
            if quiz && is_question(&i.kind) && i.explanation.is_none() {
                self.error(
                    &i.span,
                    id,
                    format!("quiz question `{}` has no `explanation`", i.id),
                )
                .with_hint("trainees see it after answering");
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
                self.error(
                    &i.span,
                    Some(&i.id),
                    format!("`correct` does not fit a `{}` item", i.kind.name()),
                )
                .with_hint(
                    "true/false for true_false, an id for choice, a list of ids for checklist",
                );
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
        let hint = closest(x, ids.iter().copied())
            .map(|c| format!("did you mean `{c}`?"))
            .unwrap_or_else(|| format!("choices of `{}`: {}", i.id, ids.join(", ")));
        self.error(
            &i.span,
            Some(&i.id),
            format!("item `{}` has no choice `{x}`", i.id),
        )
        .with_hint(hint);
        false
    }

    /// Conditional N/A, the labels of "other" options, and the result statuses.
    fn na_and_other(&mut self) {
        let q = self.q;
        for (_, i) in q.items() {
            let id = Some(i.id.as_str());
            if let Some(c) = &i.na_if {
                if !i.kind.allows_na() {
                    self.error(
                        &i.span,
                        id,
                        format!("item `{}` has `na_if` but does not offer N/A", i.id),
                    )
                    .with_hint("add `na = true`, or remove `na_if`");
                }
                self.condition(c, &i.id, &mut Vec::new());
            }
            if i.other_label.is_some() && !matches!(i.kind, ItemKind::Checklist { other: true, .. })
            {
                self.error(
                    &i.span,
                    id,
                    format!("item `{}` has `other_label` but no \"other\" option", i.id),
                )
                .with_hint("`other_label` applies to a checklist with `other = true`");
            }
            if i.evidence_other_label.is_some() && !i.evidence_other {
                self.error(
                    &i.span,
                    id,
                    format!(
                        "item `{}` has `evidence_other_label` but no \"other\" evidence",
                        i.id
                    ),
                )
                .with_hint("add `evidence_other = true`, or remove the label");
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
                                self.error(&span, Some(node), format!("conditions form a cycle: `{node}` depends on `{n}`, which depends back on `{node}`"))
                                    .with_hint("an item cannot be shown depending on itself, directly or through others");
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
                        self.error(span, Some(owner), format!("`is` cannot test `{item}`, a `{}` item", t.kind.name()))
                            .with_hint("use is = true/false for true_false, is = \"id\" for choices, includes for checklists, at_least/at_most for numbers");
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
                        format!(
                            "`includes` needs a checklist, but `{item}` is a `{}` item",
                            t.kind.name()
                        ),
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
                        format!(
                            "`at_least`/`at_most` need a number item, but `{item}` is a `{}` item",
                            t.kind.name()
                        ),
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
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| "conditions refer to item ids of this file".into());
            self.error(
                span,
                Some(owner),
                format!("condition refers to unknown item `{item}`"),
            )
            .with_hint(hint);
        } else if item == owner {
            self.error(
                span,
                Some(owner),
                format!("`{owner}` is shown depending on its own answer"),
            );
            return None;
        }
        found
    }

    fn known_at(&mut self, t: &Item, x: &str, span: &Span, owner: &str) {
        let ids = t.kind.answer_ids();
        if !ids.contains(&x) {
            let hint = closest(x, ids.iter().copied())
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| format!("choices of `{}`: {}", t.id, ids.join(", ")));
            self.error(
                span,
                Some(owner),
                format!(
                    "condition tests `{}` for `{x}`, which is not one of its choices",
                    t.id
                ),
            )
            .with_hint(hint);
        }
    }

    /// Items the rule scores must exist and be of a kind it can score.
    fn rule_items(&mut self, refs: &[ItemRef], ok: fn(&ItemKind) -> bool, kinds: &str) {
        for r in refs {
            match self.q.item(&r.id) {
                None => {
                    let hint = closest(&r.id, self.q.items().map(|(_, i)| i.id.as_str()))
                        .map(|c| format!("did you mean `{c}`?"))
                        .unwrap_or_else(|| "list item ids of this file".into());
                    self.error(
                        &r.span,
                        None,
                        format!("scoring refers to unknown item `{}`", r.id),
                    )
                    .with_hint(hint);
                }
                Some(i) if !ok(&i.kind) => {
                    self.error(
                        &r.span,
                        Some(&r.id),
                        format!(
                            "the rule can only score {kinds} items, but `{}` is a `{}` item",
                            r.id,
                            i.kind.name()
                        ),
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
                self.error(&c.span, None, format!("duplicate category id `{}`", c.id));
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
            match category.as_deref() {
                None if !ids.is_empty() => {
                    self.error(
                        &i.span,
                        Some(&i.id),
                        format!("risk `{}` has no `category`", i.id),
                    )
                    .with_hint(format!("categories: {}", ids.join(", ")));
                }
                Some(c) if !ids.contains(&c) => {
                    let hint = closest(c, ids.iter().copied())
                        .map(|x| format!("did you mean `{x}`?"))
                        .unwrap_or_else(|| format!("categories: {}", ids.join(", ")));
                    self.error(
                        &i.span,
                        Some(&i.id),
                        format!("risk `{}` has unknown category `{c}`", i.id),
                    )
                    .with_hint(hint);
                }
                _ => {}
            }
            let floor = r.floor(category.as_deref());
            for m in mitigations {
                let why = if r.max_reduction.on(m.lowers) == 0 {
                    Some(format!(
                        "max_reduction allows no step of {}",
                        m.lowers.name()
                    ))
                } else if m.lowers == Axis::Impact && floor >= top {
                    Some(format!(
                        "the impact floor of this risk ({floor}) is the top of the scale"
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    self.error(
                        &m.span,
                        Some(&i.id),
                        format!(
                            "measure `{}` of risk `{}` can never change a result: {why}",
                            m.id, i.id
                        ),
                    )
                    .with_hint("lower the other axis, or drop the measure");
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
                if scored.is_empty() {
                    self.error(
                        &span,
                        None,
                        "the weighted_sum rule has no `scale` item to score",
                    );
                }
                if r.na == NaPolicy::Exclude
                    && r.basis == Basis::Total
                    && scored.iter().any(|i| i.kind.allows_na())
                {
                    self.error(&span, None, "N/A answers are left out, but bands are on the raw total, which N/A would shift")
                        .with_hint("set basis = \"percent\", or na = \"met\"");
                }
                self.critical(&r.critical, &r.bands, true);
            }
            Rule::CountMet(r) => {
                self.rule_items(
                    &r.items,
                    |k| matches!(k, ItemKind::YesNo { .. }),
                    "`yes_no`",
                );
                if scored.is_empty() {
                    self.error(
                        &span,
                        None,
                        "the count_met rule has no `yes_no` item to count",
                    );
                }
                if r.na == NaPolicy::Exclude
                    && r.basis == Basis::Total
                    && scored.iter().any(|i| i.kind.allows_na())
                {
                    self.error(&span, None, "N/A answers are left out, but bands are on the raw count, which N/A would shift")
                        .with_hint("set basis = \"percent\", or na = \"met\"");
                }
                self.critical(&r.critical, &r.bands, false);
            }
            Rule::RiskMatrix(r) => {
                if scored.is_empty() {
                    self.error(&span, None, "the risk_matrix rule has no `risk` item");
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
                        self.error(
                            at,
                            None,
                            format!(
                                "{what} {f} is above the top of the {}-point impact scale",
                                r.impact.len()
                            ),
                        );
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
                        "the flag_count rule has no `true_false` item to count",
                    );
                }
            }
            Rule::Quiz(_) => {
                if scored.is_empty() {
                    self.error(
                        &span,
                        None,
                        "the quiz has no question with a `correct` answer",
                    );
                }
            }
        }
        if let Some(reachable) = scoring::reachable_scores(q) {
            self.bands(rule_bands(&q.scoring.rule), &reachable);
        }
    }

    fn critical(&mut self, list: &[Critical], bands: &[Band], needs_when: bool) {
        let scored: Vec<&str> = scoring::scored_items(self.q)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        for c in list {
            let Some(item) = self.q.item(&c.item) else {
                self.error(
                    &c.span,
                    None,
                    format!("critical entry refers to unknown item `{}`", c.item),
                );
                continue;
            };
            if !scored.contains(&c.item.as_str()) {
                self.error(
                    &c.span,
                    Some(&c.item),
                    format!("critical item `{}` is not scored by the rule", c.item),
                );
            }
            if !bands.iter().any(|b| b.id == c.cap) {
                let ids: Vec<&str> = bands.iter().map(|b| b.id.as_str()).collect();
                self.error(
                    &c.span,
                    Some(&c.item),
                    format!("critical entry caps at unknown band `{}`", c.cap),
                )
                .with_hint(format!("bands: {}", ids.join(", ")));
            }
            if needs_when && c.when.is_empty() {
                self.error(
                    &c.span,
                    Some(&c.item),
                    format!(
                        "critical entry for `{}` does not say `when` it caps",
                        c.item
                    ),
                )
                .with_hint("e.g. when = [\"absent\"]");
            }
            for w in &c.when {
                self.known_at(item, w, &c.span, &c.item);
            }
        }
    }

    fn bands(&mut self, bands: &[Band], reachable: &BTreeSet<i64>) {
        let mut sorted: Vec<&Band> = bands.iter().collect();
        sorted.sort_by_key(|b| (b.min, b.max));
        let mut ids = HashSet::new();
        for b in bands {
            if !ids.insert(b.id.as_str()) {
                self.error(
                    &b.span,
                    Some(&b.id),
                    format!("duplicate band id `{}`", b.id),
                );
            }
        }
        for w in sorted.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b.min <= a.max {
                self.error(
                    &b.span,
                    Some(&b.id),
                    format!(
                        "band `{}` ({}–{}) overlaps band `{}` ({}–{})",
                        b.id, b.min, b.max, a.id, a.min, a.max
                    ),
                )
                .with_hint("each score must fall in exactly one band");
            }
        }
        if bands.is_empty() {
            return;
        }
        for b in bands {
            if !reachable.iter().any(|s| (b.min..=b.max).contains(s)) {
                self.error(
                    &b.span,
                    Some(&b.id),
                    format!("band `{}` ({}–{}) can never be reached", b.id, b.min, b.max),
                )
                .with_hint(format!("possible scores: {}", ranges(reachable)));
            }
        }
        let uncovered: BTreeSet<i64> = reachable
            .iter()
            .copied()
            .filter(|s| !bands.iter().any(|b| (b.min..=b.max).contains(s)))
            .collect();
        if !uncovered.is_empty() {
            let span = self.q.scoring.span.clone();
            self.error(
                &span,
                None,
                format!(
                    "bands leave a gap: score {} falls in no band",
                    ranges(&uncovered)
                ),
            )
            .with_hint(format!("possible scores: {}", ranges(reachable)));
        }
    }
}

fn is_question(k: &ItemKind) -> bool {
    matches!(
        k,
        ItemKind::Choice { .. } | ItemKind::TrueFalse { .. } | ItemKind::Checklist { .. }
    )
}

fn rule_bands(rule: &Rule) -> &[Band] {
    match rule {
        Rule::WeightedSum(r) => &r.bands,
        Rule::CountMet(r) => &r.bands,
        Rule::RiskMatrix(r) => &r.bands,
        Rule::FlagCount(r) => &r.bands,
        Rule::Quiz(r) => &r.bands,
    }
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

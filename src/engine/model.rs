//! A questionnaire once loaded. Everything here comes from a data file; nothing about a
//! particular questionnaire is written in code.

use std::collections::BTreeMap;

use serde::Serialize;

use super::diagnostic::Span;

/// A string in every language the questionnaire declares (`fr`, `en`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, falling back to French, then to any language present.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("fr"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    pub fn new(pairs: &[(&str, &str)]) -> Self {
        Text(
            pairs
                .iter()
                .map(|(l, s)| (l.to_string(), s.to_string()))
                .collect(),
        )
    }
}

#[derive(Clone, Debug)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub title: Text,
    pub purpose: Text,
    /// Who fills it in.
    pub audience: Text,
    pub duration_minutes: u32,
    /// When a completed assessment is to be reviewed again (years after its date).
    pub validity_years: Option<u32>,
    /// Whether `validity_years` is itself unconfirmed by the sources: shown as provisional.
    pub validity_provisional: bool,
    /// A self-assessment: its rating is indicative, the agency (or its assessor) decides the
    /// official one. Every place that shows the rating says so.
    pub self_assessment: bool,
    /// States of the whole assessment, read from answers, that change how the result is
    /// stated (eTools: « Aucun contact avec les bénéficiaires »).
    pub statuses: Vec<ResultStatus>,
    pub sources: Vec<Source>,
    pub sections: Vec<Section>,
    pub scoring: Scoring,
}

impl Questionnaire {
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    /// The date an assessment made on `date` is to be reviewed before: `validity_years`
    /// later (29 February gives 28 February), when the questionnaire sets a period.
    pub fn review_before(&self, date: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        use chrono::Datelike;
        let years = self.validity_years? as i32;
        date.with_year(date.year() + years)
            .or_else(|| chrono::NaiveDate::from_ymd_opt(date.year() + years, 2, 28))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| i.id == id)
    }

    pub fn section_of(&self, item_id: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.items.iter().any(|i| i.id == item_id))
    }

    /// Every user-facing text with where it sits (`item cs1 guidance`…), for checks such as
    /// "is every French string really French".
    pub fn texts(&self) -> Vec<(String, &Text)> {
        fn push<'a>(out: &mut Vec<(String, &'a Text)>, at: String, t: Option<&'a Text>) {
            if let Some(t) = t {
                out.push((at, t));
            }
        }
        let mut out: Vec<(String, &Text)> = vec![
            ("title".into(), &self.title),
            ("purpose".into(), &self.purpose),
            ("audience".into(), &self.audience),
        ];
        for s in &self.sections {
            push(&mut out, format!("section {} title", s.id), Some(&s.title));
            push(
                &mut out,
                format!("section {} intro", s.id),
                s.intro.as_ref(),
            );
            for i in &s.items {
                push(&mut out, format!("item {} text", i.id), Some(&i.text));
                push(
                    &mut out,
                    format!("item {} guidance", i.id),
                    i.guidance.as_ref(),
                );
                push(&mut out, format!("item {} action", i.id), i.action.as_ref());
                push(
                    &mut out,
                    format!("item {} explanation", i.id),
                    i.explanation.as_ref(),
                );
                let choices: &[Choice] = match &i.kind {
                    ItemKind::Scale { choices, .. } | ItemKind::Choice { choices } => choices,
                    ItemKind::Checklist { options, .. } => options,
                    _ => &[],
                };
                for c in choices.iter().chain(&i.evidence) {
                    push(
                        &mut out,
                        format!("item {} choice {}", i.id, c.id),
                        Some(&c.label),
                    );
                    push(
                        &mut out,
                        format!("item {} choice {} description", i.id, c.id),
                        c.description.as_ref(),
                    );
                }
                if let ItemKind::Risk { mitigations, .. } = &i.kind {
                    for m in mitigations {
                        push(
                            &mut out,
                            format!("item {} mitigation {}", i.id, m.id),
                            Some(&m.label),
                        );
                    }
                }
            }
        }
        for st in &self.statuses {
            push(&mut out, format!("status {} label", st.id), Some(&st.label));
            push(&mut out, format!("status {} note", st.id), st.note.as_ref());
        }
        for (_, i) in self.items() {
            push(
                &mut out,
                format!("item {} other_label", i.id),
                i.other_label.as_ref(),
            );
            push(
                &mut out,
                format!("item {} evidence_other_label", i.id),
                i.evidence_other_label.as_ref(),
            );
        }
        push(&mut out, "scoring note".into(), self.scoring.note.as_ref());
        if let Rule::RiskMatrix(r) = &self.scoring.rule {
            for (n, t) in r.likelihood.iter().enumerate() {
                push(&mut out, format!("likelihood {}", n + 1), Some(t));
            }
            for (n, t) in r.impact.iter().enumerate() {
                push(&mut out, format!("impact {}", n + 1), Some(t));
            }
            for c in &r.categories {
                push(&mut out, format!("category {} label", c.id), Some(&c.label));
                push(
                    &mut out,
                    format!("category {} floor_label", c.id),
                    c.floor_label.as_ref(),
                );
                push(
                    &mut out,
                    format!("category {} escalation", c.id),
                    c.escalation.as_ref(),
                );
            }
        }
        for b in self.scoring.bands() {
            push(&mut out, format!("band {} label", b.id), Some(&b.label));
            push(&mut out, format!("band {} risk", b.id), b.risk.as_ref());
            push(&mut out, format!("band {} advice", b.id), b.advice.as_ref());
        }
        out
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    #[serde(skip)]
    pub url_span: Option<Span>,
}

/// A state of the whole assessment that holds when `when` does, e.g. "no contact with
/// beneficiaries": the result is then stated with this label and note first.
#[derive(Clone, Debug)]
pub struct ResultStatus {
    pub id: String,
    pub when: Condition,
    pub label: Text,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Option<Text>,
    pub show_if: Option<Condition>,
    pub items: Vec<Item>,
    pub span: Span,
    pub id_span: Span,
}

#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    pub text: Text,
    /// How to rate, examples of evidence.
    pub guidance: Option<Text>,
    /// Suggested action when this item shows a gap; feeds the action plan.
    pub action: Option<Text>,
    pub required: bool,
    /// Whether a free comment may be added.
    pub comment: bool,
    pub show_if: Option<Condition>,
    /// N/A is offered (and accepted) only while this holds, e.g. standard 8 only when no
    /// allegation was received; otherwise an answer is required.
    pub na_if: Option<Condition>,
    /// Evidence the assessor can tick.
    pub evidence: Vec<Choice>,
    /// Whether "other evidence: describe" is offered.
    pub evidence_other: bool,
    /// Label of the evidence list's "other" option (default « Autre preuve »).
    pub evidence_other_label: Option<Text>,
    /// Label of a checklist's "other" option (default « Autre »), e.g. « Autre modalité ».
    pub other_label: Option<Text>,
    /// Where the requirement comes from (e.g. "Protocol para 15; Annex A.4").
    pub reference: Option<String>,
    /// Multiplies the item's value in a weighted sum.
    pub weight: i64,
    /// Quiz only: the right answer.
    pub correct: Option<Correct>,
    /// Quiz only: why the right answer is right.
    pub explanation: Option<Text>,
    pub span: Span,
    pub id_span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// Points on a scale.
    pub value: Option<i64>,
    pub description: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ItemKind {
    /// Single choice on a scale; each choice carries its own value.
    Scale {
        choices: Vec<Choice>,
        na: bool,
    },
    /// Single choice without values (quiz questions).
    Choice {
        choices: Vec<Choice>,
    },
    /// yes / no, optionally partial and N/A.
    YesNo {
        partial: bool,
        na: bool,
    },
    /// A statement that is true or false.
    TrueFalse {
        na: bool,
    },
    /// Tick any number of options, optionally "other: describe".
    Checklist {
        options: Vec<Choice>,
        other: bool,
    },
    Text {
        multiline: bool,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
        integer: bool,
    },
    Date,
    /// A risk rated on the likelihood and impact scales of the scoring rule, with the
    /// measures (mitigations) that lower it once in place.
    Risk {
        mitigations: Vec<Mitigation>,
        na: bool,
        /// One of the rule's [`RiskCategory`] ids: decides the impact floor and the
        /// escalation route.
        category: Option<String>,
    },
}

impl ItemKind {
    pub fn name(&self) -> &'static str {
        match self {
            ItemKind::Scale { .. } => "scale",
            ItemKind::Choice { .. } => "choice",
            ItemKind::YesNo { .. } => "yes_no",
            ItemKind::TrueFalse { .. } => "true_false",
            ItemKind::Checklist { .. } => "checklist",
            ItemKind::Text { .. } => "text",
            ItemKind::Number { .. } => "number",
            ItemKind::Date => "date",
            ItemKind::Risk { .. } => "risk",
        }
    }

    pub fn allows_na(&self) -> bool {
        matches!(
            self,
            ItemKind::Scale { na: true, .. }
                | ItemKind::YesNo { na: true, .. }
                | ItemKind::TrueFalse { na: true }
                | ItemKind::Risk { na: true, .. }
        )
    }

    /// The ids an answer may take, for kinds answered by an id.
    pub fn answer_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = match self {
            ItemKind::Scale { choices, .. } | ItemKind::Choice { choices } => {
                choices.iter().map(|c| c.id.as_str()).collect()
            }
            ItemKind::Checklist { options, other } => {
                let mut v: Vec<&str> = options.iter().map(|c| c.id.as_str()).collect();
                if *other {
                    v.push(OTHER);
                }
                v
            }
            ItemKind::YesNo { partial, .. } => {
                let mut v = vec![YES, NO];
                if *partial {
                    v.push(PARTIAL);
                }
                v
            }
            _ => vec![],
        };
        if self.allows_na() && !matches!(self, ItemKind::TrueFalse { .. } | ItemKind::Risk { .. }) {
            ids.push(NA);
        }
        ids
    }
}

pub const YES: &str = "yes";
pub const NO: &str = "no";
pub const PARTIAL: &str = "partial";
pub const NA: &str = "na";
pub const OTHER: &str = "other";

#[derive(Clone, Debug)]
pub struct Mitigation {
    pub id: String,
    pub label: Text,
    pub lowers: Axis,
    /// Steps down the scale when the measure is in place.
    pub by: u8,
    pub span: Span,
}

/// A kind of risk (SEA; other GBV and protection; fraud…): who handles it and whether its
/// impact has a floor.
#[derive(Clone, Debug)]
pub struct RiskCategory {
    pub id: String,
    pub label: Text,
    /// Impact is counted at least this for risks of this category.
    pub impact_floor: Option<u8>,
    /// Why, in a few words (« plancher EAS »): shown wherever a floored impact is.
    pub floor_label: Option<Text>,
    /// Where such a risk is escalated (PSEA focal point, GBV sub-cluster…).
    pub escalation: Option<Text>,
    pub span: Span,
}

/// What a measure only partly in place does to the rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartlyInPlace {
    /// Lowers nothing: a measure that is not fully in place cannot be relied on.
    Ignored,
    /// Half its steps, summed per axis and rounded down.
    Half,
}

/// The most steps measures in place may take off an inherent rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MaxReduction {
    pub likelihood: u8,
    pub impact: u8,
    /// Both axes together.
    pub total: u8,
}

impl MaxReduction {
    /// No bound beyond the scales themselves.
    pub const NONE: MaxReduction = MaxReduction {
        likelihood: u8::MAX,
        impact: u8::MAX,
        total: u8::MAX,
    };

    pub fn on(&self, axis: Axis) -> u8 {
        match axis {
            Axis::Likelihood => self.likelihood.min(self.total),
            Axis::Impact => self.impact.min(self.total),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    Likelihood,
    Impact,
}

impl Axis {
    /// The key used in questionnaire files.
    pub fn name(self) -> &'static str {
        match self {
            Axis::Likelihood => "likelihood",
            Axis::Impact => "impact",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Correct {
    Bool(bool),
    One(String),
    Many(Vec<String>),
}

/// When an item or section is shown. Structured data, checked against the questionnaire:
/// no expression language, nothing evaluated but these forms.
#[derive(Clone, Debug)]
pub enum Condition {
    /// The answer equals this choice id (or true/false).
    Is {
        item: String,
        value: CondValue,
        span: Span,
    },
    /// The answer is one of these choice ids.
    In {
        item: String,
        values: Vec<String>,
        span: Span,
    },
    /// A checklist answer includes this option.
    Includes {
        item: String,
        option: String,
        span: Span,
    },
    /// The item is answered (or not).
    Answered {
        item: String,
        answered: bool,
        span: Span,
    },
    AtLeast {
        item: String,
        n: f64,
        span: Span,
    },
    AtMost {
        item: String,
        n: f64,
        span: Span,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum CondValue {
    Id(String),
    Bool(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// Checked against the primary source.
    Verified,
    /// Not confirmed against a primary source: shown as such in every result.
    Provisional,
}

#[derive(Clone, Debug)]
pub struct Scoring {
    pub status: RuleStatus,
    /// Why the rule is provisional, or where it comes from.
    pub note: Option<Text>,
    pub rule: Rule,
    pub span: Span,
}

impl Scoring {
    /// The rule's bands, lowest first as declared.
    pub fn bands(&self) -> &[Band] {
        match &self.rule {
            Rule::WeightedSum(r) => &r.bands,
            Rule::CountMet(r) => &r.bands,
            Rule::RiskMatrix(r) => &r.bands,
            Rule::FlagCount(r) => &r.bands,
            Rule::Quiz(r) => &r.bands,
        }
    }
}

#[derive(Clone, Debug)]
pub enum Rule {
    WeightedSum(WeightedSum),
    CountMet(CountMet),
    RiskMatrix(RiskMatrix),
    FlagCount(FlagCount),
    Quiz(Quiz),
}

impl Rule {
    pub fn name(&self) -> &'static str {
        match self {
            Rule::WeightedSum(_) => "weighted_sum",
            Rule::CountMet(_) => "count_met",
            Rule::RiskMatrix(_) => "risk_matrix",
            Rule::FlagCount(_) => "flag_count",
            Rule::Quiz(_) => "quiz",
        }
    }
}

/// A score range with its rating. `min` and `max` are inclusive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    pub id: String,
    pub min: i64,
    pub max: i64,
    /// The rating, e.g. « Pleine capacité (faible risque) ».
    pub label: Text,
    /// The risk reading of the same band, e.g. « Risque EAS faible ».
    pub risk: Option<Text>,
    /// What to do at this level.
    pub advice: Option<Text>,
    #[serde(skip)]
    pub span: Span,
}

/// How N/A answers count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NaPolicy {
    /// Left out of the score and of the maximum.
    Exclude,
    /// Counted as fully met.
    Met,
}

/// What the bands are drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The raw total.
    Total,
    /// 100 × score / maximum, rounded down to a whole number.
    Percent,
}

/// A critical item caps the rating at band `cap` when its answer is one of `when`.
#[derive(Clone, Debug)]
pub struct Critical {
    pub item: String,
    pub cap: String,
    pub when: Vec<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ItemRef {
    pub id: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct WeightedSum {
    pub items: Vec<ItemRef>,
    pub na: NaPolicy,
    pub basis: Basis,
    pub bands: Vec<Band>,
    pub critical: Vec<Critical>,
}

#[derive(Clone, Debug)]
pub struct CountMet {
    pub items: Vec<ItemRef>,
    pub na: NaPolicy,
    /// Whether "partial" counts as met.
    pub partial_met: bool,
    pub basis: Basis,
    pub bands: Vec<Band>,
    pub critical: Vec<Critical>,
}

#[derive(Clone, Debug)]
pub struct RiskMatrix {
    /// Labels of the likelihood scale, from 1 up.
    pub likelihood: Vec<Text>,
    /// Labels of the impact scale, from 1 up.
    pub impact: Vec<Text>,
    /// Impact never counted below this for risks without a category (SEA harm is severe
    /// even when rare). Categories declare their own floor.
    pub impact_floor: Option<u8>,
    pub categories: Vec<RiskCategory>,
    pub max_reduction: MaxReduction,
    pub partly: PartlyInPlace,
    pub bands: Vec<Band>,
}

impl RiskMatrix {
    pub fn category(&self, id: Option<&str>) -> Option<&RiskCategory> {
        id.and_then(|id| self.categories.iter().find(|c| c.id == id))
    }

    /// The lowest impact any risk can be counted at (cells below are out of reach unless
    /// the assessor sets the residual by hand).
    pub fn min_floor(&self) -> u8 {
        if self.categories.is_empty() {
            return self.impact_floor.unwrap_or(1).max(1);
        }
        self.categories
            .iter()
            .map(|c| c.impact_floor.unwrap_or(1).max(1))
            .min()
            .unwrap_or(1)
    }

    /// The impact floor of a risk of category `id` (1 when none).
    pub fn floor(&self, category: Option<&str>) -> u8 {
        match self.category(category) {
            Some(c) => c.impact_floor.unwrap_or(1),
            None => self.impact_floor.unwrap_or(1),
        }
        .max(1)
    }
}

#[derive(Clone, Debug)]
pub struct FlagCount {
    pub items: Vec<ItemRef>,
    /// Flags of the context (true of most places the programme works): counted and reported
    /// apart, never in the banded score, so a well-designed programme in a hard context is
    /// not rated like a badly designed one.
    pub context_items: Vec<ItemRef>,
    pub bands: Vec<Band>,
}

impl FlagCount {
    /// Whether item `id` is a flag of the context, counted apart from the score.
    pub fn is_context(&self, id: &str) -> bool {
        self.context_items.iter().any(|c| c.id == id)
    }
}

#[derive(Clone, Debug)]
pub struct Quiz {
    /// Percentage needed to pass.
    pub pass_mark: u8,
    pub bands: Vec<Band>,
}

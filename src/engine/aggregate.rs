//! Many answers files of one questionnaire, one picture: the coordinator's workspace.
//!
//! [`Workspace::add`] takes files one at a time (so a caller can show progress): each is read
//! and placed as on import; the same assessment twice (equal once read and placed: the text
//! may differ in spacing or key order) is folded into one; two versions of one assessment (same id, other content) are kept side by side with the
//! newer chosen, to be confirmed by the user ([`Group::agreed`]); a file for another
//! questionnaire, or one that cannot be read, is refused with its reason and never counted.
//!
//! The views read the chosen version of each assessment that a [`Filter`] keeps:
//! - [`matrix`] (rated and flag questionnaires): assessments × scored items, the band of each
//!   (self-assessed, and official when reviewed), the band distribution, the items most often
//!   unmet with the action each drafts, and review dates;
//! - [`register`] (risk questionnaires): each risk across assessments, the heat matrix of all
//!   risks, and the measures most often not in place;
//! - [`class`] (quiz): each participant's result, pre/post pairs, the questions most missed.
//!
//! Every figure carries the indices of the assessments behind it ([`Workspace::groups`]), so
//! that a screen can open them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::answers::{place, AnswersError, AnswersFile, MeasureStatus, Placement};
use super::model::{Questionnaire, Rule, Text};
use super::review;
use super::scoring::{score, Outcome};

/// One assessment as it was brought in: its file placed on the questionnaire, and its results.
#[derive(Clone, Debug)]
pub struct Member {
    /// The names of the files it came from (more than one when duplicates were folded).
    pub sources: Vec<String>,
    pub file: AnswersFile,
    pub placement: Placement,
    /// The result as the partner rated (self-assessed).
    pub outcome: Outcome,
    /// The result on the reviewer's confirmed ratings, when reviewed.
    pub official: Option<Outcome>,
}

impl Member {
    /// The result that counts: the official one when there is one.
    pub fn counted(&self) -> &Outcome {
        self.official.as_ref().unwrap_or(&self.outcome)
    }

    /// When this version was last changed, else its assessment date: what "newer" means.
    fn recency(&self) -> (Option<DateTime<Utc>>, Option<NaiveDate>) {
        (self.file.assessment.updated, self.file.assessment.date)
    }

    /// Assessment date, then last change: the order of two attempts by one participant (a
    /// quiz retaken later may have been saved earlier, so the date comes first here).
    fn recency_key(&self) -> (Option<NaiveDate>, Option<DateTime<Utc>>) {
        (self.file.assessment.date, self.file.assessment.updated)
    }
}

/// One assessment in the workspace: its versions, newest first, and the one used.
#[derive(Clone, Debug)]
pub struct Group {
    pub versions: Vec<Member>,
    /// Index in `versions` of the version the views use.
    pub chosen: usize,
    /// The user agreed to the choice (always true with a single version).
    pub agreed: bool,
}

impl Group {
    pub fn member(&self) -> &Member {
        &self.versions[self.chosen]
    }
}

/// Why a file was not taken in.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not an answers file this version can read (JSON error with its place, newer schema).
    Unreadable(AnswersError),
    /// An answers file for another questionnaire (its id).
    Foreign(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub source: String,
    pub why: Refusal,
}

/// What [`Workspace::add`] did with a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Added {
    /// A new assessment, at this group index.
    New(usize),
    /// The same assessment and content as group `.0`: counted once.
    Duplicate(usize),
    /// Another version of the assessment of group `.0`; the newer is chosen until the user
    /// says otherwise.
    Version(usize),
    Refused(Refusal),
}

/// The files brought in for one questionnaire.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub groups: Vec<Group>,
    pub refused: Vec<Refused>,
    /// Files folded into an assessment already in: (file name, group index).
    pub duplicates: Vec<(String, usize)>,
}

impl Workspace {
    /// Reads the answers file `text` named `source` and places it in the workspace.
    pub fn add(&mut self, q: &Questionnaire, source: &str, text: &str) -> Added {
        let refuse = |ws: &mut Workspace, why: Refusal| {
            ws.refused.push(Refused {
                source: source.to_owned(),
                why: why.clone(),
            });
            Added::Refused(why)
        };
        let raw = match AnswersFile::from_json(text) {
            Ok(f) => f,
            Err(e) => return refuse(self, Refusal::Unreadable(e)),
        };
        if raw.questionnaire.id != q.id {
            return refuse(self, Refusal::Foreign(raw.questionnaire.id));
        }
        let id = raw.assessment.id.clone();
        let member = match member(q, source, raw) {
            Ok(m) => m,
            Err(e) => return refuse(self, Refusal::Unreadable(e)),
        };
        for (g, group) in self.groups.iter_mut().enumerate() {
            if let Some(v) = group.versions.iter_mut().find(|v| v.file == member.file) {
                v.sources.push(source.to_owned());
                self.duplicates.push((source.to_owned(), g));
                return Added::Duplicate(g);
            }
        }
        let same_id = (!id.is_empty())
            .then(|| {
                self.groups
                    .iter()
                    .position(|g| g.member().file.assessment.id == id)
            })
            .flatten();
        match same_id {
            Some(g) => {
                let group = &mut self.groups[g];
                group.versions.push(member);
                super::order::sort_by(&mut group.versions, |a, b| b.recency().cmp(&a.recency()));
                group.chosen = 0;
                group.agreed = false;
                Added::Version(g)
            }
            None => {
                self.groups.push(Group {
                    versions: vec![member],
                    chosen: 0,
                    agreed: true,
                });
                Added::New(self.groups.len() - 1)
            }
        }
    }

    /// The user's choice among the versions of group `g` (an index in its `versions`).
    pub fn choose(&mut self, g: usize, version: usize) {
        if let Some(group) = self.groups.get_mut(g) {
            if version < group.versions.len() {
                group.chosen = version;
                group.agreed = true;
            }
        }
    }

    /// Groups with several versions whose choice the user has not confirmed.
    pub fn pending(&self) -> impl Iterator<Item = usize> + '_ {
        self.groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.agreed)
            .map(|(i, _)| i)
    }

    /// The group indices `filter` keeps, in workspace order: those its place, organisation
    /// and dates keep, less the [`followed`](Self::followed) ones unless it asks for them.
    pub fn kept(&self, filter: &Filter) -> Vec<usize> {
        let followed = if filter.with_followed {
            Vec::new()
        } else {
            self.followed(filter)
        };
        (0..self.groups.len())
            .filter(|&g| filter.keeps(&self.groups[g].member().file) && !followed.contains(&g))
            .collect()
    }

    /// The assessments a follow-up also in the workspace (and kept by the filter's place,
    /// organisation and dates) takes over: the follow-up names them as its baseline. A
    /// coordinator counts where each partner stands now, so by default only the latest of a
    /// chain (baseline, follow-up, its follow-up…) counts; a date bound before the follow-up
    /// brings the baseline back.
    pub fn followed(&self, filter: &Filter) -> Vec<usize> {
        let file = |g: usize| &self.groups[g].member().file;
        let in_range: Vec<usize> = (0..self.groups.len())
            .filter(|&g| filter.keeps(file(g)))
            .collect();
        in_range
            .iter()
            .copied()
            .filter(|&g| {
                let id = &file(g).assessment.id;
                !id.is_empty()
                    && in_range
                        .iter()
                        .any(|&h| h != g && file(h).baseline.as_ref().is_some_and(|b| &b.id == id))
            })
            .collect()
    }

    /// The groups `filter` keeps, in the order `sort` gives (then in workspace order): the
    /// rows as the page shows them and as its PDF lists them.
    pub fn shown(&self, q: &Questionnaire, filter: &Filter, sort: Sort) -> Vec<usize> {
        let mut groups = self.kept(filter);
        let bands = q.scoring.bands();
        let m = |g: usize| self.groups[g].member();
        match sort {
            Sort::Organisation => super::order::sort_by_key(&mut groups, |&g| {
                (fold(&m(g).file.assessment.organisation), g)
            }),
            Sort::Date => super::order::sort_by_key(&mut groups, |&g| {
                (std::cmp::Reverse(m(g).file.assessment.date), g)
            }),
            Sort::Score => super::order::sort_by_key(&mut groups, |&g| {
                (std::cmp::Reverse(m(g).counted().score), g)
            }),
            Sort::Band => super::order::sort_by_key(&mut groups, |&g| {
                let band = m(g).counted().band.as_ref().map(|b| b.id.clone());
                let at = band
                    .and_then(|id| bands.iter().position(|b| b.id == id))
                    .unwrap_or(usize::MAX);
                (at, g)
            }),
        }
        groups
    }
}

/// How the rows of a workspace's tables are ordered (the page's « Trier par »).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Sort {
    #[default]
    Organisation,
    Band,
    Score,
    Date,
}

fn member(q: &Questionnaire, source: &str, raw: AnswersFile) -> Result<Member, AnswersError> {
    let (file, placement) = place(q, raw)?;
    let outcome = score(q, &file);
    let official = review::official(q, &file);
    Ok(Member {
        sources: vec![source.to_owned()],
        file,
        placement,
        outcome,
        official,
    })
}

/// Which assessments the views read. Empty fields keep everything; texts match without
/// regard to case or accents, anywhere in the field.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Filter {
    pub place: String,
    pub organisation: String,
    /// Assessment dates from, to (both included). An assessment without a date is kept only
    /// when no date bound is set.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Also count the assessments a later follow-up takes over ([`Workspace::followed`]).
    pub with_followed: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn keeps(&self, file: &AnswersFile) -> bool {
        let a = &file.assessment;
        let date_ok = match (self.from, self.to, a.date) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some(d)) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
        };
        date_ok && contains(&a.place, &self.place) && contains(&a.organisation, &self.organisation)
    }
}

/// `needle` within `hay`, ignoring case, accents and repeated spaces.
pub fn contains(hay: &str, needle: &str) -> bool {
    let needle = fold(needle);
    needle.is_empty() || fold(hay).contains(&needle)
}

/// Lower case, without accents (the French ones), single spaces: how names are compared.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            '’' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// Which view a questionnaire gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Rated (weighted sum, standards met) and flag questionnaires: [`matrix`].
    Matrix,
    /// Risk matrix: [`register`].
    Register,
    /// Quiz: [`class`].
    Class,
}

pub fn kind(q: &Questionnaire) -> Kind {
    match q.scoring.rule {
        Rule::RiskMatrix(_) => Kind::Register,
        Rule::Quiz(_) => Kind::Class,
        _ => Kind::Matrix,
    }
}

/// A band and the assessments in it (`band: None`: not rated yet, the assessment is
/// incomplete). In the questionnaire's band order, the unrated last.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BandCount {
    pub band: Option<String>,
    pub groups: Vec<usize>,
}

/// The bands of `groups` (from `band_of`), every band of the questionnaire listed, even empty.
fn band_counts(
    q: &Questionnaire,
    groups: &[usize],
    band_of: impl Fn(usize) -> Option<String>,
) -> Vec<BandCount> {
    let mut out: Vec<BandCount> = q
        .scoring
        .bands()
        .iter()
        .map(|b| BandCount {
            band: Some(b.id.clone()),
            groups: Vec::new(),
        })
        .collect();
    out.push(BandCount {
        band: None,
        groups: Vec::new(),
    });
    for &g in groups {
        let band = band_of(g);
        if let Some(slot) = out.iter_mut().find(|c| c.band == band) {
            slot.groups.push(g);
        }
    }
    out
}

/// A scored item (a column of the matrix).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub item: String,
    pub section: String,
}

/// One assessment × one scored item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The partner's answer (choice id, `yes`, `na`…), `None` if unanswered or hidden.
    pub answer: Option<String>,
    pub points: Option<i64>,
    pub max: Option<i64>,
    /// The reviewer's confirmed answer, when it differs from the partner's.
    pub reviewed: Option<String>,
    /// The item is a gap in the result that counts (below its top, not met, flag raised).
    pub unmet: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub group: usize,
    pub cells: Vec<Cell>,
    pub band: Option<String>,
    /// The band on the reviewer's confirmed ratings, when reviewed.
    pub official_band: Option<String>,
    pub score: Option<i64>,
    pub max: Option<i64>,
    pub complete: bool,
    /// To be reviewed before this date (the questionnaire's period), when it has one.
    pub review_before: Option<NaiveDate>,
}

/// An item unmet in several assessments: where to train first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmet {
    pub item: String,
    pub section: String,
    pub groups: Vec<usize>,
    /// How many assessments answered the item: the count `groups` is out of (one that left
    /// it unanswered is not counted as meeting it).
    pub answered: usize,
    /// The action the questionnaire drafts for this gap.
    pub action: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Bands of the result that counts (official when reviewed).
    pub bands: Vec<BandCount>,
    /// Most often unmet first (then in questionnaire order); items never unmet left out.
    pub unmet: Vec<Unmet>,
    /// Review dates on or before `until`, soonest first: (group, date).
    pub review_due: Vec<(usize, NaiveDate)>,
}

/// The matrix of `groups` (see the module docs); review dates up to `until` are listed.
pub fn matrix(q: &Questionnaire, ws: &Workspace, groups: &[usize], until: NaiveDate) -> Matrix {
    let columns: Vec<Column> = super::scoring::scored_items(q)
        .into_iter()
        .map(|i| Column {
            item: i.id.clone(),
            section: q
                .sections
                .iter()
                .find(|s| s.items.iter().any(|x| x.id == i.id))
                .map(|s| s.id.clone())
                .unwrap_or_default(),
        })
        .collect();
    let mut rows = Vec::new();
    for &g in groups {
        let m = ws.groups[g].member();
        let counted = m.counted();
        let cells = columns
            .iter()
            .map(|c| {
                let own = m.outcome.items.iter().find(|r| r.item == c.item);
                let confirmed = m
                    .official
                    .as_ref()
                    .and_then(|o| o.items.iter().find(|r| r.item == c.item));
                let answer = own.and_then(|r| r.answer.clone());
                Cell {
                    points: own.and_then(|r| r.points),
                    max: own.and_then(|r| r.max),
                    reviewed: confirmed
                        .and_then(|r| r.answer.clone())
                        .filter(|a| Some(a) != answer.as_ref()),
                    answer,
                    unmet: counted.gaps.iter().any(|x| x.item == c.item),
                }
            })
            .collect();
        rows.push(Row {
            group: g,
            cells,
            band: m.outcome.band.as_ref().map(|b| b.id.clone()),
            official_band: m
                .official
                .as_ref()
                .and_then(|o| o.band.as_ref().map(|b| b.id.clone())),
            score: m.outcome.score,
            max: m.outcome.max,
            complete: m.outcome.complete,
            review_before: m.file.assessment.date.and_then(|d| q.review_before(d)),
        });
    }
    let bands = band_counts(q, groups, |g| {
        ws.groups[g]
            .member()
            .counted()
            .band
            .as_ref()
            .map(|b| b.id.clone())
    });
    let mut unmet: Vec<Unmet> = columns
        .iter()
        .enumerate()
        .map(|(k, c)| Unmet {
            item: c.item.clone(),
            section: c.section.clone(),
            groups: rows
                .iter()
                .filter(|r| r.cells[k].unmet)
                .map(|r| r.group)
                .collect(),
            answered: rows.iter().filter(|r| r.cells[k].answer.is_some()).count(),
            action: q.item(&c.item).and_then(|i| i.action.clone()),
        })
        .filter(|u| !u.groups.is_empty())
        .collect();
    super::order::sort_by(&mut unmet, |a, b| b.groups.len().cmp(&a.groups.len()));
    let mut review_due: Vec<(usize, NaiveDate)> = rows
        .iter()
        .filter_map(|r| Some((r.group, r.review_before?)))
        .filter(|(_, d)| *d <= until)
        .collect();
    super::order::sort_by_key(&mut review_due, |&(g, d)| (d, g));
    Matrix {
        columns,
        rows,
        bands,
        unmet,
        review_due,
    }
}

/// One risk across the assessments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskLine {
    pub item: String,
    pub section: String,
    /// The assessments that rated it.
    pub groups: Vec<usize>,
    /// Residual bands (every band of the rule, then unbanded).
    pub residual: Vec<BandCount>,
    /// Where the residual is highest: its score and the assessments with it.
    pub highest: Option<(i64, Vec<usize>)>,
}

/// A measure not in place (and not ruled out) for a risk, in how many assessments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingMeasure {
    pub item: String,
    pub measure: String,
    pub groups: Vec<usize>,
}

/// A cell of the heat matrix: (group, risk item) pairs rated there.
pub type HeatCell = Vec<(usize, String)>;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Register {
    /// Most often rated first, then by highest residual, then questionnaire order.
    pub risks: Vec<RiskLine>,
    /// `[likelihood - 1][impact - 1]`, residual ratings of every risk of every assessment.
    pub heat: Vec<Vec<HeatCell>>,
    /// `[likelihood - 1][impact - 1]`, the same before measures (inherent).
    pub heat_inherent: Vec<Vec<HeatCell>>,
    /// Most often missing first.
    pub missing: Vec<MissingMeasure>,
    /// Overall bands of the assessments (their highest residual).
    pub bands: Vec<BandCount>,
}

pub fn register(q: &Questionnaire, ws: &Workspace, groups: &[usize]) -> Register {
    let mut lines: Vec<RiskLine> = Vec::new();
    let mut missing: Vec<MissingMeasure> = Vec::new();
    let empty = || vec![vec![HeatCell::new(); 5]; 5];
    let (mut heat, mut heat_inherent) = (empty(), empty());
    let order: Vec<&str> = q.items().map(|(_, i)| i.id.as_str()).collect();
    for &g in groups {
        for r in &ws.groups[g].member().outcome.risks {
            let at = match lines.iter().position(|l| l.item == r.item) {
                Some(at) => at,
                None => {
                    lines.push(RiskLine {
                        item: r.item.clone(),
                        section: r.section.clone(),
                        groups: Vec::new(),
                        residual: Vec::new(),
                        highest: None,
                    });
                    lines.len() - 1
                }
            };
            let line = &mut lines[at];
            line.groups.push(g);
            match &mut line.highest {
                Some((s, gs)) if *s == r.residual_score => gs.push(g),
                Some((s, _)) if *s > r.residual_score => {}
                h => *h = Some((r.residual_score, vec![g])),
            }
            let cell = |l: u8, i: u8| {
                (
                    usize::from(l.clamp(1, 5)) - 1,
                    usize::from(i.clamp(1, 5)) - 1,
                )
            };
            let (l, i) = cell(r.residual_likelihood, r.residual_impact);
            heat[l][i].push((g, r.item.clone()));
            let (l, i) = cell(r.likelihood, r.impact);
            heat_inherent[l][i].push((g, r.item.clone()));
            for m in &r.measures {
                if matches!(
                    m.status,
                    MeasureStatus::InPlace | MeasureStatus::NotApplicable
                ) {
                    continue;
                }
                match missing
                    .iter_mut()
                    .find(|x| x.item == r.item && x.measure == m.id)
                {
                    Some(x) => x.groups.push(g),
                    None => missing.push(MissingMeasure {
                        item: r.item.clone(),
                        measure: m.id.clone(),
                        groups: vec![g],
                    }),
                }
            }
        }
    }
    for line in &mut lines {
        let residual_of = |g: usize| -> Option<String> {
            ws.groups[g]
                .member()
                .outcome
                .risks
                .iter()
                .find(|r| r.item == line.item)
                .and_then(|r| r.residual_band.clone())
        };
        line.residual = band_counts(q, &line.groups, residual_of);
    }
    let pos = |id: &str| order.iter().position(|x| *x == id).unwrap_or(usize::MAX);
    super::order::sort_by(&mut lines, |a, b| {
        b.groups
            .len()
            .cmp(&a.groups.len())
            .then(
                b.highest
                    .as_ref()
                    .map(|h| h.0)
                    .cmp(&a.highest.as_ref().map(|h| h.0)),
            )
            .then(pos(&a.item).cmp(&pos(&b.item)))
    });
    super::order::sort_by(&mut missing, |a, b| {
        b.groups
            .len()
            .cmp(&a.groups.len())
            .then(pos(&a.item).cmp(&pos(&b.item)))
    });
    let bands = band_counts(q, groups, |g| {
        ws.groups[g]
            .member()
            .outcome
            .band
            .as_ref()
            .map(|b| b.id.clone())
    });
    Register {
        risks: lines,
        heat,
        heat_inherent,
        missing,
        bands,
    }
}

/// One participant's quiz.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attempt {
    pub group: usize,
    pub score: Option<i64>,
    pub max: Option<i64>,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
    pub complete: bool,
}

/// The same participant twice: the earlier attempt and the later one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    pub pre: usize,
    pub post: usize,
}

/// A question answered wrong in some attempts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Missed {
    pub item: String,
    /// The attempts that got it wrong.
    pub groups: Vec<usize>,
    /// The attempts that answered it (validated).
    pub answered: usize,
    pub explanation: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Class {
    pub attempts: Vec<Attempt>,
    /// Participants with two attempts or more: their first and last, by date.
    pub pairs: Vec<Pair>,
    /// Most often missed first; questions nobody missed left out.
    pub missed: Vec<Missed>,
    pub passed: Vec<usize>,
    pub not_passed: Vec<usize>,
    /// Attempts with questions left unanswered (or not validated): no verdict yet.
    pub incomplete: Vec<usize>,
}

/// The participant of a quiz attempt: the name field (`assessor`), compared folded; with the
/// organisation, so that two people of the same name in two organisations stay apart.
pub fn participant(file: &AnswersFile) -> Option<(String, String)> {
    let who = fold(&file.assessment.assessor);
    (!who.is_empty()).then(|| (who, fold(&file.assessment.organisation)))
}

pub fn class(q: &Questionnaire, ws: &Workspace, groups: &[usize]) -> Class {
    let attempts: Vec<Attempt> = groups
        .iter()
        .map(|&g| {
            let o = &ws.groups[g].member().outcome;
            Attempt {
                group: g,
                score: o.score,
                max: o.max,
                percent: o.percent,
                passed: o.passed,
                complete: o.complete,
            }
        })
        .collect();
    let mut by_person: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for &g in groups {
        if let Some(p) = participant(&ws.groups[g].member().file) {
            by_person.entry(p).or_default().push(g);
        }
    }
    let when = |g: usize| ws.groups[g].member().recency_key();
    let mut pairs: Vec<Pair> = by_person
        .values()
        .filter(|gs| gs.len() >= 2)
        .filter_map(|gs| {
            let pre = *gs.iter().min_by_key(|&&g| (when(g), g))?;
            let post = *gs.iter().max_by_key(|&&g| (when(g), g))?;
            Some(Pair { pre, post })
        })
        .collect();
    super::order::sort_by_key(&mut pairs, |p| p.pre);
    let mut missed: Vec<Missed> = Vec::new();
    for (_, item) in q.items() {
        let mut wrong = Vec::new();
        let mut answered = 0;
        for &g in groups {
            let r = ws.groups[g]
                .member()
                .outcome
                .items
                .iter()
                .find(|r| r.item == item.id);
            match r.and_then(|r| r.correct) {
                Some(false) => {
                    wrong.push(g);
                    answered += 1;
                }
                Some(true) => answered += 1,
                None => {}
            }
        }
        if !wrong.is_empty() {
            missed.push(Missed {
                item: item.id.clone(),
                groups: wrong,
                answered,
                explanation: item.explanation.clone(),
            });
        }
    }
    super::order::sort_by(&mut missed, |a, b| b.groups.len().cmp(&a.groups.len()));
    let verdict = |v: Option<bool>| -> Vec<usize> {
        attempts
            .iter()
            .filter(|a| a.passed == v)
            .map(|a| a.group)
            .collect()
    };
    let (passed, not_passed, incomplete) =
        (verdict(Some(true)), verdict(Some(false)), verdict(None));
    Class {
        attempts,
        pairs,
        missed,
        passed,
        not_passed,
        incomplete,
    }
}

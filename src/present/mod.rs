//! Presentation rules shared by every output (screen, PDF, command line): the language,
//! and how results are worded. Plain Rust, no web dependency: one function says each thing,
//! so the three outputs cannot drift apart.
//!
//! - here: the language, [`t`] (every translated string is a French/English pair through
//!   it), the colon after a label, quotes, list separators;
//! - [`ui`]: the browser app's own words; [`answer`]: answer and item names; [`date`],
//!   [`number`]: dates, numbers, percentages; [`outcome`]: score line, bands, review date,
//!   notices; [`risk`]: a rated risk; [`placement`]: answers carried over or set aside;
//!   [`plan`]: an action plan entry's gap and action;
//!   [`follow_up`]: what changed since a baseline, action progress, a review's determination;
//!   [`message`]: engine errors and diagnostics in words; [`file_name`]: exported files;
//!   [`text`]: the command line's text report; [`aggregate`]: the coordinator's workspace
//!   (headings, cells, CSV files).

pub mod aggregate;
pub mod answer;
pub mod date;
pub mod file_name;
pub mod follow_up;
pub mod message;
pub mod number;
pub mod outcome;
pub mod placement;
pub mod plan;
pub mod risk;
pub mod text;
pub mod ui;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// One string in both languages.
pub fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The colon after a label, with its spacing: a no-break space before it in French.
pub fn colon(lang: Lang) -> &'static str {
    t(lang, "\u{a0}: ", ": ")
}

/// `label : value` with the colon spacing of the language.
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    format!("{label}{}{value}", colon(lang))
}

/// [`labelled`] with a question's text as the label: it may end on its own colon
/// (« …constituent : »), which is not doubled, or on « ? », after which the value follows
/// without one (« …doit-il avoir ? Sûr »). Apart from `labelled`, which the first load
/// carries, since only the pages that list questions need it.
pub fn question_labelled(lang: Lang, question: &str, value: &str) -> String {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let bare = question.trim_end_matches(SPACES);
    if bare.ends_with(['?', '!']) && !value.is_empty() {
        return format!("{bare} {value}");
    }
    let label = bare
        .strip_suffix(':')
        .map_or(question, |b| b.trim_end_matches(SPACES));
    labelled(lang, label, value)
}

/// Between items of a list on one line: « a ; b » in French (narrow no-break space).
pub fn list_sep(lang: Lang) -> &'static str {
    t(lang, "\u{202f}; ", "; ")
}

/// A quotation in the language's marks.
pub fn quoted(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{s}\u{a0}»"),
        Lang::En => format!("“{s}”"),
    }
}

/// Context flags are counted apart from the rating (flag rule with `context_items`):
/// (« Signaux de contexte (hors note) », « 2 sur 3 »).
pub fn context_flags(
    c: crate::engine::scoring::ContextFlags,
    lang: Lang,
) -> (&'static str, String) {
    (
        t(
            lang,
            "Signaux de contexte (comptés à part, hors note)",
            "Context flags (counted apart, not in the rating)",
        ),
        format!("{} {} {}", c.raised, t(lang, "sur", "out of"), c.counted),
    )
}

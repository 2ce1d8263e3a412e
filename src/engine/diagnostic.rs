//! A problem found in a questionnaire file, located by line and column, said in French and
//! English ([`Msg`]); `present::message` renders it in the user's language.

use std::ops::Range;

/// Byte range in the source text.
pub type Span = Range<usize>;

/// A message in both languages. Built with [`msg!`](crate::msg): `msg!("fr {x}", "en {x}")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Msg {
    pub fr: String,
    pub en: String,
}

/// `msg!("clé `{key}` inconnue", "unknown key `{key}`")`: a [`Msg`] from two format strings
/// that name the same values.
#[macro_export]
macro_rules! msg {
    ($fr:expr, $en:expr $(,)?) => {
        $crate::engine::diagnostic::Msg {
            fr: format!($fr),
            en: format!($en),
        }
    };
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    pub message: Msg,
    /// The item (or section, band…) the problem belongs to, when there is one.
    pub item: Option<String>,
    /// What the author can do about it.
    pub hint: Option<Msg>,
}

impl Diagnostic {
    pub fn at(source: &str, span: &Span, message: Msg) -> Self {
        let (line, col) = line_col(source, span.start);
        Diagnostic {
            line,
            col,
            message,
            item: None,
            hint: None,
        }
    }

    pub fn item(mut self, item: Option<&str>) -> Self {
        self.item = item.map(str::to_owned);
        self
    }

    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Adds a hint to a diagnostic already pushed.
    pub fn with_hint(&mut self, hint: Msg) -> &mut Self {
        self.hint = Some(hint);
        self
    }
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end or inside
/// a character are clamped, so any span gives a position.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// « did you mean `x`? » for the closest of `candidates` to `word`, else « <list>: a, b, c ».
pub fn suggestion(word: &str, candidates: &[&str], list: (&str, &str)) -> Msg {
    match closest(word, candidates.iter().copied()) {
        Some(c) => did_you_mean(c),
        None => {
            let (fr, en, all) = (list.0, list.1, candidates.join(", "));
            crate::msg!("{fr}\u{a0}: {all}", "{en}: {all}")
        }
    }
}

pub fn did_you_mean(c: &str) -> Msg {
    crate::msg!("vouliez-vous dire `{c}`\u{202f}?", "did you mean `{c}`?")
}

/// The closest candidate to a misspelt name, for "did you mean" hints.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= ((c.chars().count() + 1) / 3).max(1) && *d < word.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a = 1\nété = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        // "été " is 6 bytes, 4 characters: the `=` is column 5.
        assert_eq!(line_col(src, src.rfind('=').unwrap()), (2, 5));
        assert_eq!(line_col(src, 10_000), (3, 1));
        assert_eq!(line_col(src, 7), (2, 1)); // inside `é`: clamped back
    }

    #[test]
    fn closest_suggests_near_names_only() {
        assert_eq!(
            closest("titel", ["title", "text", "guidance"]),
            Some("title")
        );
        assert_eq!(closest("zzzzzz", ["title", "text"]), None);
    }
}

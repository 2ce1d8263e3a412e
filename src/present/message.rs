//! Engine errors in words: answers files that cannot be read or placed, and questionnaire
//! diagnostics, in the user's language.

use super::{labelled, t, Lang};
use crate::engine::answers::{AnswersError, SCHEMA};
use crate::engine::diagnostic::{Diagnostic, Msg};

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

impl Diagnostic {
    /// `file:line:col: message [in `id`] (hint: …)` in English.
    pub fn render(&self, file: &str) -> String {
        self.render_in(file, Lang::En)
    }

    /// `file:line:col: message [in `id`] (hint: …)` in `lang`: the form editors and CI logs
    /// link, the same in both languages but for the words.
    pub fn render_in(&self, file: &str, lang: Lang) -> String {
        format!("{file}:{}", self.text(lang))
    }

    /// `line:col: message [in `id`] (hint: …)` in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let message = self.message.text(lang);
        let mut s = format!("{}:{}: {message}", self.line, self.col);
        if let Some(item) = &self.item {
            if !message.contains(&format!("`{item}`")) {
                s.push_str(&format!(" [{} `{item}`]", t(lang, "dans", "in")));
            }
        }
        if let Some(hint) = &self.hint {
            s.push_str(&format!(
                " ({})",
                labelled(lang, t(lang, "conseil", "hint"), hint.text(lang))
            ));
        }
        s
    }
}

/// English, as logs and tests read it; the app and the command line use [`Diagnostic::text`].
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// An answers file that cannot be read or placed, in words.
pub fn answers_error(e: &AnswersError, lang: Lang) -> String {
    match e {
        AnswersError::Json {
            line,
            column,
            message,
        } => labelled(
            lang,
            &match lang {
                Lang::Fr => format!(
                    "ce n’est pas un fichier de réponses\u{a0}: ligne {line}, colonne {column}"
                ),
                Lang::En => format!("not a valid answers file: line {line}, column {column}"),
            },
            &json_detail(message, lang),
        ),
        AnswersError::NewerSchema { found } => match lang {
            Lang::Fr => format!(
                "ce fichier de réponses (format {found}) vient d’une version plus récente de psea-assess\u{202f}; celle-ci lit le format {SCHEMA} ou plus ancien"
            ),
            Lang::En => format!(
                "answers file schema {found} comes from a newer psea-assess; this one reads schema {SCHEMA} or older"
            ),
        },
        AnswersError::WrongQuestionnaire { expected, found } => match lang {
            Lang::Fr => format!(
                "ces réponses sont pour le questionnaire `{found}`, pas pour `{expected}`"
            ),
            Lang::En => format!("these answers are for questionnaire `{found}`, not `{expected}`"),
        },
    }
}

/// serde_json's message in the user's language: worded for the common kinds (the line and
/// column are said before it); a rarer kind is named and the library's words quoted as a
/// technical detail, so that its jargon (« EOF ») never reads as the app's own sentence.
fn json_detail(message: &str, lang: Lang) -> String {
    // (serde_json's message starts with, French, English)
    let known: [(&str, &str, &str); 14] = [
        (
            "control character",
            "caractère de contrôle dans un texte",
            "control character in a text",
        ),
        (
            "invalid escape",
            "séquence d’échappement invalide dans un texte",
            "invalid escape sequence in a text",
        ),
        (
            "invalid unicode code point",
            "caractère Unicode invalide",
            "invalid Unicode character",
        ),
        ("invalid number", "nombre invalide", "invalid number"),
        (
            "number out of range",
            "nombre hors limites",
            "number out of range",
        ),
        (
            "duplicate field",
            "champ en double",
            "a field appears twice",
        ),
        (
            "expected value",
            "une valeur était attendue",
            "a value was expected",
        ),
        (
            "EOF while parsing",
            "le fichier s’arrête avant la fin",
            "the file stops before the end",
        ),
        (
            "trailing characters",
            "du texte suit la fin des données",
            "text follows the end of the data",
        ),
        ("trailing comma", "virgule en trop", "a comma too many"),
        (
            "key must be a string",
            "une clé doit être entre guillemets",
            "a key must be in quotes",
        ),
        (
            "expected `,` or `}`",
            "«\u{a0},\u{a0}» ou «\u{a0}}\u{a0}» attendu",
            "“,” or “}” expected",
        ),
        (
            "expected `,` or `]`",
            "«\u{a0},\u{a0}» ou «\u{a0}]\u{a0}» attendu",
            "“,” or “]” expected",
        ),
        (
            "invalid type",
            "type de valeur inattendu",
            "unexpected kind of value",
        ),
    ];
    if let Some(&(_, fr, en)) = known
        .iter()
        .find(|(start, _, _)| message.starts_with(start))
    {
        return t(lang, fr, en).to_owned();
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return match lang {
            Lang::Fr => format!("le champ `{field}` manque"),
            Lang::En => format!("the field `{field}` is missing"),
        };
    }
    match lang {
        Lang::Fr => format!("contenu inattendu (détail technique\u{a0}: «\u{a0}{message}\u{a0}»)"),
        Lang::En => format!("unexpected content (technical detail: “{message}”)"),
    }
}

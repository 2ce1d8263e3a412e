//! TOML text → [`Questionnaire`].
//!
//! Serde would stop at the first problem and lose positions for most of them, so this walks
//! toml's span-carrying tree (`DeTable`) instead: an author sees every unknown key, wrong type
//! and missing translation at once, each with its line and column. The file format is
//! documented in `questionnaires/README.md`.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::diagnostic::{suggestion, Diagnostic, Msg, Span};
use super::model::*;
use crate::msg;

/// Parses a questionnaire. Returns the questionnaire when the text is well-formed TOML
/// (possibly with problems, listed in the diagnostics) and `None` when it is not.
pub fn parse(source: &str) -> (Option<Questionnaire>, Vec<Diagnostic>) {
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                Diagnostic::at(source, &span, toml_syntax(e.message().trim())).hint(msg!(
                    "vérifiez les guillemets, les crochets et le `=` de cette ligne",
                    "check quotes, brackets and `=` on this line"
                ))
            })
            .collect();
        return (None, diags);
    }
    let mut p = Reader {
        src: source,
        diags: Vec::new(),
        langs: Vec::new(),
    };
    let root = Obj::new(root.get_ref(), root.span(), None);
    let q = p.questionnaire(&root);
    (Some(q), p.diags)
}

/// A TOML table being read, with the id of the item (or section…) it belongs to.
#[derive(Clone, Copy)]
struct Obj<'a, 'i> {
    table: &'a DeTable<'i>,
    at: (usize, usize),
    owner: Option<&'a str>,
}

impl<'a, 'i> Obj<'a, 'i> {
    fn new(table: &'a DeTable<'i>, span: Span, owner: Option<&'a str>) -> Self {
        Obj {
            table,
            at: (span.start, span.end),
            owner,
        }
    }

    fn span(&self) -> Span {
        self.at.0..self.at.1
    }

    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }
}

type V<'a, 'i> = &'a Spanned<DeValue<'i>>;

struct Reader<'s> {
    src: &'s str,
    diags: Vec<Diagnostic>,
    langs: Vec<String>,
}

const QUESTIONNAIRE_KEYS: &[&str] = &[
    "id",
    "version",
    "languages",
    "title",
    "purpose",
    "audience",
    "duration_minutes",
    "validity_years",
    "validity_provisional",
    "self_assessment",
    "statuses",
    "sources",
];
const SECTION_KEYS: &[&str] = &["id", "title", "intro", "show_if", "items"];
const ITEM_KEYS: &[&str] = &[
    "id",
    "kind",
    "text",
    "guidance",
    "action",
    "required",
    "comment",
    "show_if",
    "na_if",
    "evidence",
    "evidence_other",
    "evidence_other_label",
    "other_label",
    "reference",
    "weight",
    "correct",
    "explanation",
];
const KINDS: &[&str] = &[
    "scale",
    "choice",
    "yes_no",
    "true_false",
    "checklist",
    "text",
    "number",
    "date",
    "risk",
];
const RULES: &[&str] = &[
    "weighted_sum",
    "count_met",
    "risk_matrix",
    "flag_count",
    "quiz",
];

fn kind_keys(kind: &str) -> &'static [&'static str] {
    match kind {
        "scale" => &["choices", "na"],
        "choice" => &["choices"],
        "yes_no" => &["partial", "na"],
        "true_false" => &["na"],
        "checklist" => &["options", "other"],
        "text" => &["multiline"],
        "number" => &["min", "max", "integer"],
        "risk" => &["mitigations", "na", "category"],
        _ => &[],
    }
}

impl<'s> Reader<'s> {
    fn error(&mut self, span: &Span, owner: Option<&str>, msg: Msg) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::at(self.src, span, msg).item(owner));
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports keys that are not in `allowed`, with a "did you mean" hint.
    fn check_keys(&mut self, o: Obj, allowed: &[&str], elsewhere: &[&str], what: &Msg) {
        let (wfr, wen) = (&what.fr, &what.en);
        for (key, _) in o.table.iter() {
            let name: &str = key.get_ref();
            if allowed.contains(&name) {
                continue;
            }
            let msg = if elsewhere.contains(&name) {
                msg!(
                    "la clé `{name}` est sans effet pour {wfr}",
                    "key `{name}` does not apply to {wen}"
                )
            } else {
                msg!(
                    "clé `{name}` inconnue dans {wfr}",
                    "unknown key `{name}` in {wen}"
                )
            };
            let hint = suggestion(name, allowed, ("clés permises", "allowed keys"));
            self.error(&key.span(), o.owner, msg).with_hint(hint);
        }
    }

    fn wrong_type(&mut self, v: V, owner: Option<&str>, key: &str, expected: &Msg) {
        let found = v.get_ref().type_str();
        let found_fr = type_fr(found);
        let (efr, een) = (&expected.fr, &expected.en);
        self.error(
            &v.span(),
            owner,
            msg!(
                "`{key}` doit être {efr}, trouvé\u{a0}: {found_fr}",
                "`{key}` must be {een}, found {found}"
            ),
        );
    }

    fn missing(&mut self, o: Obj, key: &str, what: &Msg) {
        let (wfr, wen) = (&what.fr, &what.en);
        self.error(
            &o.span(),
            o.owner,
            msg!("{wfr}\u{a0}: `{key}` manque", "{wen} has no `{key}`"),
        )
        .with_hint(msg!("ajoutez `{key} = …`", "add `{key} = …`"));
    }

    fn str(&mut self, o: Obj, key: &str, required: bool, what: &Msg) -> Option<(String, Span)> {
        match o.get(key) {
            None => {
                if required {
                    self.missing(o, key, what);
                }
                None
            }
            Some(v) => match v.get_ref().as_str() {
                Some(s) if s.trim().is_empty() => {
                    self.error(
                        &v.span(),
                        o.owner,
                        msg!("`{key}` est vide", "`{key}` is empty"),
                    );
                    None
                }
                Some(s) => Some((s.to_owned(), v.span())),
                None => {
                    self.wrong_type(
                        v,
                        o.owner,
                        key,
                        &msg!("du texte entre guillemets", "a string"),
                    );
                    None
                }
            },
        }
    }

    fn id(&mut self, o: Obj, what: &Msg) -> (String, Span) {
        match self.str(o, "id", true, what) {
            Some((id, span)) => {
                let ok = id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
                if !ok {
                    self.error(
                        &span,
                        Some(&id),
                        msg!(
                            "l’id `{id}` contient d’autres caractères que a-z, 0-9, _ - .",
                            "id `{id}` has characters other than a-z, 0-9, _ - ."
                        ),
                    )
                    .with_hint(msg!(
                        "les ids sont les clés durables des fichiers de réponses\u{a0}: gardez-les courts et simples",
                        "ids are stable keys in answers files: keep them short and plain"
                    ));
                }
                (id, span)
            }
            None => (String::new(), o.span()),
        }
    }

    fn bool(&mut self, o: Obj, key: &str, default: bool) -> bool {
        match o.get(key) {
            None => default,
            Some(v) => v.get_ref().as_bool().unwrap_or_else(|| {
                self.wrong_type(v, o.owner, key, &msg!("true ou false", "true or false"));
                default
            }),
        }
    }

    fn int(&mut self, o: Obj, key: &str) -> Option<(i64, Span)> {
        let v = o.get(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some((n, v.span())),
                Err(_) => {
                    self.error(
                        &v.span(),
                        o.owner,
                        msg!("`{key}` est hors limites", "`{key}` is out of range"),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(v, o.owner, key, &msg!("un nombre entier", "a whole number"));
                None
            }
        }
    }

    /// A whole number within `lo..=hi`.
    fn int_in(&mut self, o: Obj, key: &str, lo: i64, hi: i64) -> Option<i64> {
        let (n, span) = self.int(o, key)?;
        if n < lo || n > hi {
            self.error(
                &span,
                o.owner,
                msg!(
                    "`{key}` doit être entre {lo} et {hi}, trouvé\u{a0}: {n}",
                    "`{key}` must be between {lo} and {hi}, found {n}"
                ),
            );
            return None;
        }
        Some(n)
    }

    fn number(&mut self, o: Obj, key: &str) -> Option<f64> {
        let v = o.get(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            // TOML puts underscores between digits only.
            DeValue::Float(f) => super::decimal::parse(&f.as_str().replace('_', "")),
            _ => {
                self.wrong_type(v, o.owner, key, &msg!("un nombre", "a number"));
                None
            }
        }
    }

    fn table<'a, 'i>(
        &mut self,
        o: Obj<'a, 'i>,
        key: &str,
        required: bool,
        what: &Msg,
    ) -> Option<Obj<'a, 'i>> {
        match o.get(key) {
            None => {
                if required {
                    self.missing(o, key, what);
                }
                None
            }
            Some(v) => match v.get_ref().as_table() {
                Some(t) => Some(Obj::new(t, v.span(), o.owner)),
                None => {
                    self.wrong_type(v, o.owner, key, &msg!("une table", "a table"));
                    None
                }
            },
        }
    }

    /// An array of tables (`[[key]]` or `key = [{…}, {…}]`).
    fn tables<'a, 'i>(&mut self, o: Obj<'a, 'i>, key: &str) -> Vec<Obj<'a, 'i>> {
        let Some(v) = o.get(key) else {
            return Vec::new();
        };
        let Some(arr) = v.get_ref().as_array() else {
            self.wrong_type(
                v,
                o.owner,
                key,
                &msg!("une liste de tables", "a list of tables"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for el in arr.iter() {
            match el.get_ref().as_table() {
                Some(t) => out.push(Obj::new(t, el.span(), o.owner)),
                None => self.wrong_type(
                    el,
                    o.owner,
                    key,
                    &msg!("une liste de tables", "a list of tables"),
                ),
            }
        }
        out
    }

    fn str_list(&mut self, o: Obj, key: &str) -> Option<Vec<(String, Span)>> {
        let v = o.get(key)?;
        let Some(arr) = v.get_ref().as_array() else {
            self.wrong_type(
                v,
                o.owner,
                key,
                &msg!("une liste de textes", "a list of strings"),
            );
            return None;
        };
        let mut out = Vec::new();
        for el in arr.iter() {
            match el.get_ref().as_str() {
                Some(s) => out.push((s.to_owned(), el.span())),
                None => self.wrong_type(
                    el,
                    o.owner,
                    key,
                    &msg!("une liste de textes", "a list of strings"),
                ),
            }
        }
        Some(out)
    }

    /// A translated string: `{ fr = "…", en = "…" }` with every declared language.
    fn text(&mut self, o: Obj, key: &str, required: bool, what: &Msg) -> Option<Text> {
        let Some(v) = o.get(key) else {
            if required {
                self.missing(o, key, what);
            }
            return None;
        };
        self.text_value(v, o.owner, key)
    }

    fn text_value(&mut self, v: V, owner: Option<&str>, key: &str) -> Option<Text> {
        let Some(t) = v.get_ref().as_table() else {
            let langs = self.example_langs();
            self.wrong_type(
                v,
                owner,
                key,
                &msg!("un texte traduit", "a translated text"),
            );
            self.diags.last_mut().expect("pushed").hint = Some(msg!(
                "écrivez `{key} = {{ {langs} }}`",
                "write `{key} = {{ {langs} }}`"
            ));
            return None;
        };
        let mut text = Text::default();
        for (lang, s) in t.iter() {
            let lang_name: &str = lang.get_ref();
            if !self.langs.iter().any(|l| l == lang_name) {
                let declared = self.langs.join(", ");
                self.error(
                    &lang.span(),
                    owner,
                    msg!(
                        "`{key}` a la langue `{lang_name}`, que le questionnaire ne déclare pas",
                        "`{key}` has language `{lang_name}`, which the questionnaire does not declare"
                    ),
                )
                .with_hint(msg!(
                    "langues déclarées\u{a0}: {declared}",
                    "declared languages: {declared}"
                ));
                continue;
            }
            match s.get_ref().as_str() {
                Some(x) if x.trim().is_empty() => {
                    self.error(
                        &s.span(),
                        owner,
                        msg!(
                            "`{key}` est vide en `{lang_name}`",
                            "`{key}` is empty in `{lang_name}`"
                        ),
                    );
                }
                Some(x) => {
                    text.0.insert(lang_name.to_owned(), x.to_owned());
                }
                None => self.wrong_type(
                    s,
                    owner,
                    &format!("{key}.{lang_name}"),
                    &msg!("du texte entre guillemets", "a string"),
                ),
            }
        }
        for lang in self.langs.clone() {
            if !t.contains_key(lang.as_str()) {
                self.error(
                    &v.span(),
                    owner,
                    msg!(
                        "`{key}` n’a pas de traduction `{lang}`",
                        "`{key}` has no `{lang}` translation"
                    ),
                )
                .with_hint(msg!("ajoutez `{lang} = \"…\"`", "add `{lang} = \"…\"`"));
            }
        }
        Some(text)
    }

    fn example_langs(&self) -> String {
        self.langs
            .iter()
            .map(|l| format!("{l} = \"…\""))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn questionnaire(&mut self, root: &Obj) -> Questionnaire {
        let root = *root;
        self.check_keys(
            root,
            &["questionnaire", "sections", "scoring"],
            &[],
            &msg!("le fichier", "the file"),
        );
        let meta = self.table(root, "questionnaire", true, &msg!("le fichier", "the file"));
        let empty = DeTable::new();
        let meta = meta.unwrap_or(Obj::new(&empty, 0..0, None));
        self.check_keys(
            meta,
            QUESTIONNAIRE_KEYS,
            &[],
            &msg!("[questionnaire]", "[questionnaire]"),
        );
        let what = &msg!("[questionnaire]", "[questionnaire]");
        let id = self
            .str(meta, "id", true, what)
            .map(|x| x.0)
            .unwrap_or_default();
        let version = self
            .str(meta, "version", true, what)
            .map(|x| x.0)
            .unwrap_or_default();
        let languages = match self.str_list(meta, "languages") {
            Some(l) if !l.is_empty() => l.into_iter().map(|x| x.0).collect(),
            Some(_) => {
                let span = meta.get("languages").map(|v| v.span()).unwrap_or(0..0);
                self.error(
                    &span,
                    None,
                    msg!("`languages` est vide", "`languages` is empty"),
                )
                .with_hint(msg!(
                    "par exemple languages = [\"fr\", \"en\"]",
                    "e.g. languages = [\"fr\", \"en\"]"
                ));
                vec![]
            }
            None => {
                if meta.get("languages").is_none() {
                    self.missing(meta, "languages", what);
                }
                vec![]
            }
        };
        self.langs = languages;
        let title = self.text(meta, "title", true, what).unwrap_or_default();
        let purpose = self.text(meta, "purpose", true, what).unwrap_or_default();
        let audience = self.text(meta, "audience", true, what).unwrap_or_default();
        let duration_minutes = match self.int_in(meta, "duration_minutes", 1, 24 * 60) {
            Some(n) => n as u32,
            None => {
                if meta.get("duration_minutes").is_none() {
                    self.missing(meta, "duration_minutes", what);
                }
                0
            }
        };
        let validity_years = self.int_in(meta, "validity_years", 1, 50).map(|n| n as u32);
        let validity_provisional = self.bool(meta, "validity_provisional", false);
        let self_assessment = self.bool(meta, "self_assessment", false);
        let statuses = self.statuses(meta);
        let sources = self.sources(meta);

        let mut sections = Vec::new();
        match root.get("sections") {
            None => self.missing(root, "sections", &msg!("le fichier", "the file")),
            Some(_) => {
                for s in self.tables(root, "sections") {
                    sections.push(self.section(s));
                }
            }
        }
        let scoring = match self.table(root, "scoring", true, &msg!("le fichier", "the file")) {
            Some(t) => self.scoring(t),
            None => Scoring {
                status: RuleStatus::Provisional,
                note: None,
                rule: Rule::FlagCount(FlagCount {
                    items: vec![],
                    context_items: vec![],
                    bands: vec![],
                }),
                span: 0..0,
            },
        };
        Questionnaire {
            id,
            version,
            languages: self.langs.clone(),
            title,
            purpose,
            audience,
            duration_minutes,
            validity_years,
            validity_provisional,
            self_assessment,
            statuses,
            sources,
            sections,
            scoring,
        }
    }

    /// `[[questionnaire.statuses]]`: the result statuses and when they hold.
    fn statuses(&mut self, meta: Obj) -> Vec<ResultStatus> {
        let mut statuses = Vec::new();
        for t in self.tables(meta, "statuses") {
            let what = &msg!("un statut", "a status");
            self.check_keys(t, &["id", "when", "label", "note"], &[], what);
            let (id, _) = self.id(t, what);
            let label = self.text(t, "label", true, what).unwrap_or_default();
            let note = self.text(t, "note", false, what);
            let when = match t.get("when") {
                Some(v) => self.condition(v, None),
                None => {
                    self.missing(t, "when", what);
                    None
                }
            };
            if let Some(when) = when {
                statuses.push(ResultStatus {
                    id,
                    when,
                    label,
                    note,
                    span: t.span(),
                });
            }
        }
        statuses
    }

    /// `[[questionnaire.sources]]`: at least one, each url a web address.
    fn sources(&mut self, meta: Obj) -> Vec<Source> {
        let mut sources = Vec::new();
        for s in self.tables(meta, "sources") {
            self.check_keys(s, &["title", "url"], &[], &msg!("une source", "a source"));
            let title = self
                .str(s, "title", true, &msg!("une source", "a source"))
                .map(|x| x.0)
                .unwrap_or_default();
            let url = self.str(s, "url", false, &msg!("une source", "a source"));
            if let Some((u, span)) = &url {
                let lower = u.trim().to_ascii_lowercase();
                let web = matches!(
                    lower.split_once("://"),
                    Some(("https" | "http", rest)) if !rest.is_empty()
                );
                if !web || u.chars().any(|c| c.is_whitespace() || c.is_control()) {
                    self.error(
                        span,
                        None,
                        msg!(
                            "l’adresse de source `{u}` n’est pas une adresse http(s)",
                            "source url `{u}` is not an http(s) address"
                        ),
                    )
                    .with_hint(msg!(
                        "écrivez l’adresse web complète, qui commence par https (ou http)",
                        "write the full web address: its scheme must be https (or http)"
                    ));
                }
            }
            let (url, url_span) = match url {
                Some((u, span)) => (Some(u), Some(span)),
                None => (None, None),
            };
            sources.push(Source {
                title,
                url,
                url_span,
            });
        }
        if sources.is_empty() {
            self.error(
                &meta.span(),
                None,
                msg!(
                    "[questionnaire] ne cite aucune source",
                    "[questionnaire] lists no sources"
                ),
            )
            .with_hint(msg!(
                "ajoutez [[questionnaire.sources]] avec title et url\u{a0}: chacun doit pouvoir vérifier le contenu",
                "add [[questionnaire.sources]] with title and url: users must be able to check the content"
            ));
        }
        sources
    }

    fn section(&mut self, o: Obj) -> Section {
        let (id, id_span) = self.id(o, &msg!("une section", "a section"));
        let owner = if id.is_empty() {
            None
        } else {
            Some(id.as_str())
        };
        let o = Obj { owner, ..o };
        let what = msg!("la section `{id}`", "section `{id}`");
        self.check_keys(o, SECTION_KEYS, &[], &what);
        let title = self.text(o, "title", true, &what).unwrap_or_default();
        let intro = self.text(o, "intro", false, &what);
        let show_if = o.get("show_if").and_then(|v| self.condition(v, owner));
        let mut items = Vec::new();
        let item_tables = self.tables(o, "items");
        if item_tables.is_empty() {
            self.error(
                &o.span(),
                owner,
                msg!(
                    "la section `{id}` n’a aucune question",
                    "section `{id}` has no items"
                ),
            )
            .with_hint(msg!(
                "ajoutez des tables [[sections.items]]",
                "add [[sections.items]] tables"
            ));
        }
        for t in item_tables {
            items.push(self.item(t));
        }
        let span = o.span();
        Section {
            id: id.clone(),
            title,
            intro,
            show_if,
            items,
            span,
            id_span,
        }
    }

    fn item(&mut self, o: Obj) -> Item {
        let (id, id_span) = self.id(o, &msg!("une question", "an item"));
        let owner = if id.is_empty() {
            None
        } else {
            Some(id.as_str())
        };
        let o = Obj { owner, ..o };
        let what = msg!("la question `{id}`", "item `{id}`");
        let kind_name = match self.str(o, "kind", true, &what) {
            Some((k, span)) if !KINDS.contains(&k.as_str()) => {
                let hint = suggestion(&k, KINDS, ("types", "kinds"));
                self.error(
                    &span,
                    owner,
                    msg!("type de question `{k}` inconnu", "unknown item kind `{k}`"),
                )
                .with_hint(hint);
                None
            }
            Some((k, _)) => Some(k),
            None => None,
        };
        let specific = kind_name.as_deref().map(kind_keys).unwrap_or(&[]);
        let all_specific: Vec<&str> = KINDS
            .iter()
            .flat_map(|k| kind_keys(k).iter().copied())
            .collect();
        let allowed: Vec<&str> = ITEM_KEYS.iter().chain(specific.iter()).copied().collect();
        if kind_name.is_some() {
            let kind = kind_name.as_deref().unwrap_or("");
            let what = msg!("les questions de type `{kind}`", "items of kind `{kind}`");
            self.check_keys(o, &allowed, &all_specific, &what);
        }
        let text = self.text(o, "text", true, &what).unwrap_or_default();
        let guidance = self.text(o, "guidance", false, &what);
        let action = self.text(o, "action", false, &what);
        let explanation = self.text(o, "explanation", false, &what);
        let required = self.bool(o, "required", true);
        let comment = self.bool(o, "comment", true);
        let show_if = o.get("show_if").and_then(|v| self.condition(v, owner));
        let na_if = o.get("na_if").and_then(|v| self.condition(v, owner));
        let evidence = self
            .tables(o, "evidence")
            .into_iter()
            .map(|t| self.choice(t, false, "evidence"))
            .collect();
        let evidence_other = self.bool(o, "evidence_other", false);
        let evidence_other_label = self.text(o, "evidence_other_label", false, &what);
        let other_label = self.text(o, "other_label", false, &what);
        let reference = self.str(o, "reference", false, &what).map(|x| x.0);
        let weight = self.int_in(o, "weight", 0, 1000).unwrap_or(1);
        let correct = o.get("correct").and_then(|v| match v.get_ref() {
            DeValue::Boolean(b) => Some(Correct::Bool(*b)),
            DeValue::String(s) => Some(Correct::One(s.to_string())),
            DeValue::Array(_) => self
                .str_list(o, "correct")
                .map(|l| Correct::Many(l.into_iter().map(|x| x.0).collect())),
            _ => {
                self.wrong_type(
                    v,
                    owner,
                    "correct",
                    &msg!(
                        "un id de choix, une liste d’ids, ou true/false",
                        "a choice id, a list of ids, or true/false"
                    ),
                );
                None
            }
        });
        let kind = match kind_name.as_deref() {
            Some("scale") => ItemKind::Scale {
                choices: self.choices(o, "choices", true),
                na: self.bool(o, "na", false),
            },
            Some("choice") => ItemKind::Choice {
                choices: self.choices(o, "choices", false),
            },
            Some("yes_no") => ItemKind::YesNo {
                partial: self.bool(o, "partial", false),
                na: self.bool(o, "na", false),
            },
            Some("true_false") => ItemKind::TrueFalse {
                na: self.bool(o, "na", false),
            },
            Some("checklist") => ItemKind::Checklist {
                options: self.choices(o, "options", false),
                other: self.bool(o, "other", false),
            },
            Some("text") => ItemKind::Text {
                multiline: self.bool(o, "multiline", false),
            },
            Some("number") => ItemKind::Number {
                min: self.number(o, "min"),
                max: self.number(o, "max"),
                integer: self.bool(o, "integer", false),
            },
            Some("date") => ItemKind::Date,
            Some("risk") => {
                let mitigations = self
                    .tables(o, "mitigations")
                    .into_iter()
                    .map(|t| self.mitigation(t))
                    .collect();
                ItemKind::Risk {
                    mitigations,
                    na: self.bool(o, "na", false),
                    category: self.str(o, "category", false, &what).map(|x| x.0),
                }
            }
            _ => ItemKind::Text { multiline: false },
        };
        let span = o.span();
        Item {
            id: id.clone(),
            kind,
            text,
            guidance,
            action,
            required,
            comment,
            show_if,
            na_if,
            evidence,
            evidence_other,
            evidence_other_label,
            other_label,
            reference,
            weight,
            correct,
            explanation,
            span,
            id_span,
        }
    }

    fn choices(&mut self, o: Obj, key: &str, valued: bool) -> Vec<Choice> {
        let tables = self.tables(o, key);
        if tables.is_empty() {
            self.error(&o.span(), o.owner, {
                let id = o.owner.unwrap_or("");
                msg!(
                    "la question `{id}` n’a pas de `{key}`",
                    "item `{id}` has no `{key}`"
                )
            })
            .with_hint(msg!(
                "ajoutez `{key} = [{{ id = \"…\", label = {{ … }} }}]`",
                "add `{key} = [{{ id = \"…\", label = {{ … }} }}]`"
            ));
        }
        tables
            .into_iter()
            .map(|t| self.choice(t, valued, key))
            .collect()
    }

    fn choice(&mut self, o: Obj, valued: bool, key: &str) -> Choice {
        let what = msg!("une entrée de `{key}`", "a `{key}` entry");
        let allowed: &[&str] = if valued {
            &["id", "label", "value", "description"]
        } else {
            &["id", "label", "description"]
        };
        self.check_keys(o, allowed, &["value"], &what);
        let (id, _) = self.id(o, &what);
        let label = self.text(o, "label", true, &what).unwrap_or_default();
        let description = self.text(o, "description", false, &what);
        let value = if valued {
            let v = self.int_in(o, "value", -1000, 1000);
            if v.is_none() && o.get("value").is_none() {
                self.missing(o, "value", &msg!("le choix `{id}`", "choice `{id}`"));
            }
            v
        } else {
            None
        };
        Choice {
            id,
            label,
            value,
            description,
            span: o.span(),
        }
    }

    fn mitigation(&mut self, o: Obj) -> Mitigation {
        let what = &msg!("une mesure d’atténuation", "a mitigation");
        self.check_keys(o, &["id", "label", "lowers", "by"], &[], what);
        let (id, _) = self.id(o, what);
        let label = self.text(o, "label", true, what).unwrap_or_default();
        let lowers = match self.str(o, "lowers", true, what) {
            Some((s, _)) if s == "likelihood" => Axis::Likelihood,
            Some((s, _)) if s == "impact" => Axis::Impact,
            Some((s, span)) => {
                self.error(
                    &span,
                    o.owner,
                    msg!(
                        "`lowers` doit être \"likelihood\" ou \"impact\", trouvé\u{a0}: \"{s}\"",
                        "`lowers` must be \"likelihood\" or \"impact\", found \"{s}\""
                    ),
                );
                Axis::Likelihood
            }
            None => Axis::Likelihood,
        };
        let by = self.int_in(o, "by", 1, 4).unwrap_or(1) as u8;
        Mitigation {
            id,
            label,
            lowers,
            by,
            span: o.span(),
        }
    }

    fn condition(&mut self, v: V, owner: Option<&str>) -> Option<Condition> {
        let Some(t) = v.get_ref().as_table() else {
            self.wrong_type(
                v,
                owner,
                "show_if",
                &msg!("une table de condition", "a condition table"),
            );
            self.diags.last_mut().expect("pushed").hint = Some(msg!(
                "par exemple show_if = {{ item = \"q1\", is = \"yes\" }}",
                "e.g. show_if = {{ item = \"q1\", is = \"yes\" }}"
            ));
            return None;
        };
        let o = Obj::new(t, v.span(), owner);
        const OPS: &[&str] = &[
            "is", "in", "includes", "answered", "at_least", "at_most", "all", "any", "not",
        ];
        let ops: Vec<&str> = OPS.iter().copied().filter(|k| t.contains_key(*k)).collect();
        let mut allowed = OPS.to_vec();
        allowed.push("item");
        self.check_keys(o, &allowed, &[], &msg!("une condition", "a condition"));
        if ops.len() != 1 {
            self.error(&o.span(), owner, {
                let (ops_list, n) = (OPS.join(", "), ops.len());
                msg!(
                    "une condition demande exactement un de {ops_list}, trouvé\u{a0}: {n}",
                    "a condition needs exactly one of {ops_list}, found {n}"
                )
            })
            .with_hint(msg!(
                "combinez plusieurs tests avec all = [ … ] ou any = [ … ]",
                "combine several tests with all = [ … ] or any = [ … ]"
            ));
            return None;
        }
        let op = ops[0];
        let list = |r: &mut Self| -> Option<Vec<Condition>> {
            let arr = t.get(op)?;
            let Some(items) = arr.get_ref().as_array() else {
                r.wrong_type(
                    arr,
                    owner,
                    op,
                    &msg!("une liste de conditions", "a list of conditions"),
                );
                return None;
            };
            Some(items.iter().filter_map(|c| r.condition(c, owner)).collect())
        };
        match op {
            "all" | "any" | "not" if t.contains_key("item") => {
                self.error(
                    &o.span(),
                    owner,
                    msg!(
                        "`{op}` combine des conditions et ne prend pas d’`item`",
                        "`{op}` combines conditions and takes no `item`"
                    ),
                );
                None
            }
            "all" => list(self).map(Condition::All),
            "any" => list(self).map(Condition::Any),
            "not" => self
                .condition(&t[op], owner)
                .map(|c| Condition::Not(Box::new(c))),
            _ => {
                let (item, span) =
                    self.str(o, "item", true, &msg!("une condition", "a condition"))?;
                let val = &t[op];
                match op {
                    "is" => match val.get_ref() {
                        DeValue::Boolean(b) => Some(Condition::Is {
                            item,
                            value: CondValue::Bool(*b),
                            span,
                        }),
                        DeValue::String(s) => Some(Condition::Is {
                            item,
                            value: CondValue::Id(s.to_string()),
                            span,
                        }),
                        _ => {
                            self.wrong_type(
                                val,
                                owner,
                                op,
                                &msg!("un id de choix ou true/false", "a choice id or true/false"),
                            );
                            None
                        }
                    },
                    "in" => self.str_list(o, "in").map(|l| Condition::In {
                        item,
                        values: l.into_iter().map(|x| x.0).collect(),
                        span,
                    }),
                    "includes" => self
                        .str(o, "includes", true, &msg!("une condition", "a condition"))
                        .map(|(s, _)| Condition::Includes {
                            item,
                            option: s,
                            span,
                        }),
                    "answered" => Some(Condition::Answered {
                        item,
                        answered: self.bool(o, "answered", true),
                        span,
                    }),
                    "at_least" => {
                        self.number(o, "at_least")
                            .map(|n| Condition::AtLeast { item, n, span })
                    }
                    _ => self
                        .number(o, "at_most")
                        .map(|n| Condition::AtMost { item, n, span }),
                }
            }
        }
    }

    fn bands(&mut self, o: Obj, required: bool) -> Vec<Band> {
        let tables = self.tables(o, "bands");
        if tables.is_empty() && required {
            self.error(
                &o.span(),
                None,
                msg!("[scoring] n’a aucune bande", "[scoring] has no bands"),
            )
            .with_hint(msg!(
                "ajoutez [[scoring.bands]] avec id, min, max, label",
                "add [[scoring.bands]] with id, min, max, label"
            ));
        }
        let mut out = Vec::new();
        for t in tables {
            let what = &msg!("une bande", "a band");
            self.check_keys(
                t,
                &["id", "min", "max", "label", "risk", "advice"],
                &[],
                what,
            );
            let (id, _) = self.id(t, what);
            let t = Obj { owner: None, ..t };
            let min = self.int(t, "min");
            let max = self.int(t, "max");
            if min.is_none() && t.get("min").is_none() {
                self.missing(t, "min", &msg!("la bande `{id}`", "band `{id}`"));
            }
            if max.is_none() && t.get("max").is_none() {
                self.missing(t, "max", &msg!("la bande `{id}`", "band `{id}`"));
            }
            let label = self.text(t, "label", true, what).unwrap_or_default();
            let risk = self.text(t, "risk", false, what);
            let advice = self.text(t, "advice", false, what);
            if let (Some((min, _)), Some((max, span))) = (min, max) {
                if min > max {
                    self.error(
                        &span,
                        Some(&id),
                        msg!(
                            "la bande `{id}` a un min {min} au-dessus de son max {max}",
                            "band `{id}` has min {min} above max {max}"
                        ),
                    );
                    continue;
                }
                out.push(Band {
                    id,
                    min,
                    max,
                    label,
                    risk,
                    advice,
                    span: t.span(),
                });
            }
        }
        out
    }

    /// `[[scoring.categories]]` of a risk matrix.
    fn categories(&mut self, o: Obj) -> Vec<RiskCategory> {
        let mut out = Vec::new();
        for t in self.tables(o, "categories") {
            let what = &msg!("une catégorie de risque", "a risk category");
            self.check_keys(
                t,
                &["id", "label", "impact_floor", "floor_label", "escalation"],
                &[],
                what,
            );
            let (id, _) = self.id(t, what);
            let label = self.text(t, "label", true, what).unwrap_or_default();
            let impact_floor = self.int_in(t, "impact_floor", 1, 10).map(|n| n as u8);
            let floor_label = self.text(t, "floor_label", impact_floor.is_some(), what);
            let escalation = self.text(t, "escalation", false, what);
            out.push(RiskCategory {
                id,
                label,
                impact_floor,
                floor_label,
                escalation,
                span: t.span(),
            });
        }
        out
    }

    /// `max_reduction = { likelihood = 2, impact = 1, total = 2 }`; a key left out is no bound.
    fn max_reduction(&mut self, o: Obj) -> MaxReduction {
        let Some(t) = self.table(o, "max_reduction", false, &msg!("[scoring]", "[scoring]")) else {
            return MaxReduction::NONE;
        };
        self.check_keys(
            t,
            &["likelihood", "impact", "total"],
            &[],
            &msg!("`max_reduction`", "`max_reduction`"),
        );
        let mut get = |key: &str| self.int_in(t, key, 0, 10).map_or(u8::MAX, |n| n as u8);
        MaxReduction {
            likelihood: get("likelihood"),
            impact: get("impact"),
            total: get("total"),
        }
    }

    fn item_refs(&mut self, o: Obj) -> Vec<ItemRef> {
        self.str_list(o, "items")
            .unwrap_or_default()
            .into_iter()
            .map(|(id, span)| ItemRef { id, span })
            .collect()
    }

    fn na_policy(&mut self, o: Obj) -> NaPolicy {
        match self.str(o, "na", false, &msg!("[scoring]", "[scoring]")) {
            None => NaPolicy::Exclude,
            Some((s, _)) if s == "exclude" => NaPolicy::Exclude,
            Some((s, _)) if s == "met" => NaPolicy::Met,
            Some((s, span)) => {
                self.error(
                    &span,
                    None,
                    msg!(
                        "`na` doit être \"exclude\" ou \"met\", trouvé\u{a0}: \"{s}\"",
                        "`na` must be \"exclude\" or \"met\", found \"{s}\""
                    ),
                );
                NaPolicy::Exclude
            }
        }
    }

    fn basis(&mut self, o: Obj) -> Basis {
        match self.str(o, "basis", false, &msg!("[scoring]", "[scoring]")) {
            None => Basis::Total,
            Some((s, _)) if s == "total" => Basis::Total,
            Some((s, _)) if s == "percent" => Basis::Percent,
            Some((s, span)) => {
                self.error(
                    &span,
                    None,
                    msg!(
                        "`basis` doit être \"total\" ou \"percent\", trouvé\u{a0}: \"{s}\"",
                        "`basis` must be \"total\" or \"percent\", found \"{s}\""
                    ),
                );
                Basis::Total
            }
        }
    }

    fn critical(&mut self, o: Obj) -> Vec<Critical> {
        let mut out = Vec::new();
        for t in self.tables(o, "critical") {
            self.check_keys(
                t,
                &["item", "cap", "when"],
                &[],
                &msg!("une entrée `critical`", "a critical entry"),
            );
            let item = self.str(
                t,
                "item",
                true,
                &msg!("une entrée `critical`", "a critical entry"),
            );
            let cap = self.str(
                t,
                "cap",
                true,
                &msg!("une entrée `critical`", "a critical entry"),
            );
            let when = self
                .str_list(t, "when")
                .unwrap_or_default()
                .into_iter()
                .map(|x| x.0)
                .collect();
            if let (Some((item, _)), Some((cap, _))) = (item, cap) {
                out.push(Critical {
                    item,
                    cap,
                    when,
                    span: t.span(),
                });
            }
        }
        out
    }

    fn scale_labels(&mut self, o: Obj, key: &str) -> Option<Vec<Text>> {
        let v = o.get(key)?;
        let Some(arr) = v.get_ref().as_array() else {
            self.wrong_type(
                v,
                None,
                key,
                &msg!(
                    "une liste de libellés traduits",
                    "a list of translated labels"
                ),
            );
            return None;
        };
        let labels: Vec<Text> = arr
            .iter()
            .filter_map(|el| self.text_value(el, None, key))
            .collect();
        if !(2..=10).contains(&labels.len()) {
            self.error(&v.span(), None, {
                let n = labels.len();
                msg!(
                    "`{key}` doit avoir de 2 à 10 points, trouvé\u{a0}: {n}",
                    "`{key}` must have 2 to 10 points, found {n}"
                )
            });
            return None;
        }
        Some(labels)
    }

    fn scoring(&mut self, o: Obj) -> Scoring {
        let o = Obj { owner: None, ..o };
        let rule_name = match self.str(o, "rule", true, &msg!("[scoring]", "[scoring]")) {
            Some((r, span)) if !RULES.contains(&r.as_str()) => {
                let hint = suggestion(&r, RULES, ("règles", "rules"));
                self.error(
                    &span,
                    None,
                    msg!(
                        "règle de notation `{r}` inconnue",
                        "unknown scoring rule `{r}`"
                    ),
                )
                .with_hint(hint);
                String::new()
            }
            Some((r, _)) => r,
            None => String::new(),
        };
        let status = match self.str(o, "status", true, &msg!("[scoring]", "[scoring]")) {
            Some((s, _)) if s == "verified" => RuleStatus::Verified,
            Some((s, _)) if s == "provisional" => RuleStatus::Provisional,
            Some((s, span)) => {
                self.error(
                    &span,
                    None,
                    msg!(
                        "`status` doit être \"verified\" ou \"provisional\", trouvé\u{a0}: \"{s}\"",
                        "`status` must be \"verified\" or \"provisional\", found \"{s}\""
                    ),
                );
                RuleStatus::Provisional
            }
            None => RuleStatus::Provisional,
        };
        let note = self.text(o, "note", false, &msg!("[scoring]", "[scoring]"));
        let common = ["rule", "status", "note"];
        let specific: &[&str] = match rule_name.as_str() {
            "weighted_sum" => &["items", "na", "basis", "bands", "critical"],
            "count_met" => &["items", "na", "partial", "basis", "bands", "critical"],
            "risk_matrix" => &[
                "likelihood",
                "impact",
                "impact_floor",
                "bands",
                "categories",
                "max_reduction",
                "partly_in_place",
            ],
            "flag_count" => &["items", "context_items", "bands"],
            "quiz" => &["pass_mark", "bands"],
            _ => &[],
        };
        let all: Vec<&str> = [
            "items",
            "na",
            "basis",
            "bands",
            "critical",
            "partial",
            "likelihood",
            "impact",
            "impact_floor",
            "categories",
            "max_reduction",
            "partly_in_place",
            "context_items",
            "pass_mark",
        ]
        .to_vec();
        if !rule_name.is_empty() {
            let allowed: Vec<&str> = common.iter().chain(specific).copied().collect();
            self.check_keys(
                o,
                &allowed,
                &all,
                &msg!("la règle `{rule_name}`", "the `{rule_name}` rule"),
            );
        }
        let rule = match rule_name.as_str() {
            "weighted_sum" => Rule::WeightedSum(WeightedSum {
                items: self.item_refs(o),
                na: self.na_policy(o),
                basis: self.basis(o),
                bands: self.bands(o, true),
                critical: self.critical(o),
            }),
            "count_met" => Rule::CountMet(CountMet {
                items: self.item_refs(o),
                na: self.na_policy(o),
                partial_met: match self.str(o, "partial", false, &msg!("[scoring]", "[scoring]")) {
                    None => false,
                    Some((s, _)) if s == "not_met" => false,
                    Some((s, _)) if s == "met" => true,
                    Some((s, span)) => {
                        self.error(
                            &span,
                            None,
                            msg!(
                                "`partial` doit être \"met\" ou \"not_met\", trouvé\u{a0}: \"{s}\"",
                                "`partial` must be \"met\" or \"not_met\", found \"{s}\""
                            ),
                        );
                        false
                    }
                },
                basis: self.basis(o),
                bands: self.bands(o, true),
                critical: self.critical(o),
            }),
            "risk_matrix" => Rule::RiskMatrix(RiskMatrix {
                likelihood: self
                    .scale_labels(o, "likelihood")
                    .unwrap_or_else(|| default_scale(&self.langs, true)),
                impact: self
                    .scale_labels(o, "impact")
                    .unwrap_or_else(|| default_scale(&self.langs, false)),
                impact_floor: self.int_in(o, "impact_floor", 1, 10).map(|n| n as u8),
                categories: self.categories(o),
                max_reduction: self.max_reduction(o),
                partly: match self.str(o, "partly_in_place", false, &msg!("[scoring]", "[scoring]"))
                {
                    None => PartlyInPlace::Ignored,
                    Some((s, _)) if s == "ignored" => PartlyInPlace::Ignored,
                    Some((s, _)) if s == "half" => PartlyInPlace::Half,
                    Some((s, span)) => {
                        self.error(
                            &span,
                            None,
                            msg!(
                                "`partly_in_place` doit être \"ignored\" ou \"half\", trouvé\u{a0}: \"{s}\"",
                                "`partly_in_place` must be \"ignored\" or \"half\", found \"{s}\""
                            ),
                        );
                        PartlyInPlace::Ignored
                    }
                },
                bands: self.bands(o, true),
            }),
            "flag_count" => Rule::FlagCount(FlagCount {
                items: self.item_refs(o),
                context_items: self
                    .str_list(o, "context_items")
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(id, span)| ItemRef { id, span })
                    .collect(),
                bands: self.bands(o, false),
            }),
            _ => Rule::Quiz(Quiz {
                pass_mark: self.int_in(o, "pass_mark", 0, 100).unwrap_or(80) as u8,
                bands: self.bands(o, false),
            }),
        };
        Scoring {
            status,
            note,
            rule,
            span: o.span(),
        }
    }
}

/// The 5-point scales used by the Mali network (seed 004, Annex B). Used when a risk matrix
/// declares none; a questionnaire in other languages must declare its own.
fn default_scale(langs: &[String], likelihood: bool) -> Vec<Text> {
    let fr = if likelihood {
        [
            "Rare",
            "Improbable",
            "Possible",
            "Probable",
            "Presque certaine",
        ]
    } else {
        ["Insignifiant", "Mineur", "Modéré", "Majeur", "Extrême"]
    };
    let en = if likelihood {
        ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
    } else {
        ["Insignificant", "Minor", "Moderate", "Major", "Extreme"]
    };
    (0..5)
        .map(|i| {
            let mut t = Text::default();
            for l in langs {
                match l.as_str() {
                    "fr" => t.0.insert(l.clone(), fr[i].into()),
                    _ => t.0.insert(l.clone(), en[i].into()),
                };
            }
            t
        })
        .collect()
}

/// A TOML syntax error from the toml crate, in both languages: the common kinds worded in
/// French, any other with « Erreur de syntaxe TOML » and the library's words.
fn toml_syntax(detail: &str) -> Msg {
    const KNOWN: [(&str, &str); 16] = [
        ("unclosed array", "tableau non fermé (il manque `]`)"),
        ("unclosed table", "table non fermée (il manque `]`)"),
        (
            "unclosed inline table",
            "table en ligne non fermée (il manque `}`)",
        ),
        ("key with no value", "clé sans valeur (`=` attendu)"),
        ("expected `=`", "`=` attendu après la clé"),
        (
            "invalid basic string",
            "texte mal formé (guillemet non fermé\u{202f}?)",
        ),
        (
            "invalid literal string",
            "texte mal formé (apostrophe non fermée\u{202f}?)",
        ),
        ("invalid string", "texte mal formé"),
        (
            "string values must be quoted",
            "un texte doit être entre guillemets",
        ),
        ("duplicate key", "clé en double"),
        ("invalid number", "nombre mal formé"),
        ("invalid integer", "nombre entier mal formé"),
        ("unexpected leading zero", "nombre mal formé (zéro en tête)"),
        (
            "invalid boolean",
            "valeur mal formée (true ou false attendu)",
        ),
        ("unquoted keys cannot be empty", "clé vide"),
        ("invalid key", "clé mal formée"),
    ];
    let fr = KNOWN
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map_or_else(
            || format!("Erreur de syntaxe TOML\u{a0}: {detail}"),
            |(_, fr)| format!("Erreur de syntaxe TOML\u{a0}: {fr}"),
        );
    Msg {
        fr,
        en: format!("TOML syntax: {detail}"),
    }
}

/// The French name of a TOML value type, as the toml crate names it in English.
fn type_fr(found: &str) -> &str {
    match found {
        "string" => "du texte",
        "integer" => "un nombre entier",
        "float" => "un nombre décimal",
        "boolean" => "true ou false",
        "datetime" => "une date",
        "array" => "une liste",
        "table" => "une table",
        other => other,
    }
}

//! What happened to answers fitted to a questionnaire version: what was carried over, and
//! what was set aside with its reason. One wording for the results page, the PDF and the
//! command line.

use super::{labelled, list_sep, t, Lang};
use crate::engine::answers::{Answer, AnswersFile, Placement, SetAsideReason, Unplaced};
use serde_json::Value as Json;

/// The heading over the answers set aside.
pub fn title(lang: Lang) -> &'static str {
    t(
        lang,
        "Réponses mises de côté (conservées dans le fichier)",
        "Answers set aside (kept in the file)",
    )
}

/// « psea-quiz.json (23 réponses reprises) »: an imported file and how many of its answers
/// the questionnaire took (those set aside are listed apart).
pub fn imported(name: &str, kept: usize, lang: Lang) -> String {
    let n = match (lang, kept) {
        (Lang::Fr, 0) => "aucune réponse reprise".to_owned(),
        (Lang::Fr, 1) => "1\u{a0}réponse reprise".to_owned(),
        (Lang::Fr, n) => format!("{n}\u{a0}réponses reprises"),
        (Lang::En, 0) => "no answers carried over".to_owned(),
        (Lang::En, 1) => "1 answer carried over".to_owned(),
        (Lang::En, n) => format!("{n} answers carried over"),
    };
    format!("{name} ({n})")
}

/// One reason in words.
pub fn reason(r: &SetAsideReason, item: &str, lang: Lang) -> String {
    match r {
        SetAsideReason::ItemGone { version } => match lang {
            Lang::Fr => format!("la question `{item}` n’existe pas dans la version {version}"),
            Lang::En => format!("question `{item}` does not exist in version {version}"),
        },
        SetAsideReason::AnswerMisfit { detail, detail_fr } => labelled(
            lang,
            t(
                lang,
                "la réponse ne correspond plus à la question",
                "the answer no longer fits the question",
            ),
            match lang {
                Lang::Fr if !detail_fr.is_empty() => detail_fr,
                _ => detail,
            },
        ),
        SetAsideReason::EvidenceGone { ids } => labelled(
            lang,
            t(
                lang,
                "preuves qui ne sont plus proposées",
                "evidence no longer listed",
            ),
            &ids.join(", "),
        ),
    }
}

/// The reasons of one set-aside answer; a file written before reasons were typed has only
/// its English words, shown as they are.
pub fn reasons(why: &[SetAsideReason], stored: &str, item: &str, lang: Lang) -> String {
    if why.is_empty() {
        return stored.to_owned();
    }
    why.iter()
        .map(|r| reason(r, item, lang))
        .collect::<Vec<_>>()
        .join(list_sep(lang))
}

/// Lines describing how an answers file was fitted to the questionnaire: the version change
/// and each answer set aside.
pub fn lines(p: &Placement, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((from, to)) = &p.version_change {
        let made = t(
            lang,
            "Réponses faites pour la version",
            "Answers made for version",
        );
        let kept = t(lang, "réponse(s) reprise(s)", "answer(s) carried over");
        out.push(labelled(
            lang,
            &format!("{made} {from} → {to}"),
            &format!("{} {kept}", p.kept),
        ));
    }
    for a in &p.set_aside {
        out.push(labelled(
            lang,
            &format!(
                "{} [{}]",
                t(
                    lang,
                    "Mise de côté (conservée dans le fichier)",
                    "Set aside (kept in the file)"
                ),
                a.item
            ),
            &reasons(&a.why, &a.reason, &a.item, lang),
        ));
    }
    out
}

/// What was set aside of one answer, in words: the value, the evidence and the comment.
pub fn answer_text(a: &Answer, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !a.value.is_null() {
        parts.push(raw(&a.value));
    }
    if !a.evidence.is_empty() {
        parts.push(labelled(
            lang,
            t(lang, "preuves", "evidence"),
            &a.evidence.join(", "),
        ));
    }
    parts.extend(a.comment.clone());
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(" — ")
    }
}

/// A stored value as plain text: a string as it is, a list joined, anything else as JSON.
fn raw(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Array(items) => items.iter().map(raw).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// One answer set aside: its key (the item id) and « answer — reason (version 1.1.0) ».
pub fn unplaced_line(key: &str, u: &Unplaced, lang: Lang) -> String {
    let item = key.split('#').next().unwrap_or(key);
    format!(
        "{} — {} ({} {})",
        answer_text(&u.answer, lang),
        reasons(&u.why, &u.reason, item, lang),
        t(lang, "version", "version"),
        u.from_version
    )
}

/// Every answer set aside in a file, as (key, line).
pub fn unplaced(file: &AnswersFile, lang: Lang) -> Vec<(String, String)> {
    file.unplaced
        .iter()
        .map(|(k, u)| (k.clone(), unplaced_line(k, u, lang)))
        .collect()
}

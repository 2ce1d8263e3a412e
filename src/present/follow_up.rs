//! Follow-up and review in words: what changed between a baseline and its reassessment,
//! an action plan's progress, and a reviewer's determination beside the self-assessed
//! rating. The screen, the PDF and the command line all word them here.
//!
//! A direction is always said in words with an arrow, never by colour alone.

use std::fmt::Write;

use chrono::NaiveDate;

use super::answer::{answer_label, item_name};
use super::date::written;
use super::{labelled, t, Lang};
use crate::engine::answers::ActionStatus;
use crate::engine::compare::{Comparison, Direction, ItemChange, RiskChange, SideResult};
use crate::engine::model::Questionnaire;
use crate::engine::review::{Disagreement, Stage};

/// « ↑ en progrès », « ↓ en recul »…: the direction of a change.
pub fn direction(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::Better => t(lang, "↑ en progrès", "↑ better"),
        Direction::Worse => t(lang, "↓ en recul", "↓ worse"),
        Direction::Same => t(lang, "= inchangé", "= unchanged"),
        Direction::Changed => t(lang, "≠ modifié", "≠ changed"),
        Direction::Answered => t(lang, "+ répondu", "+ answered"),
        Direction::Unanswered => t(lang, "− plus de réponse", "− no longer answered"),
        Direction::Added => t(lang, "+ question nouvelle", "+ new question"),
        Direction::Removed => t(lang, "− question retirée", "− question removed"),
    }
}

/// The label of a band id in `q` (the id itself when the version has no such band).
pub fn band_name(q: &Questionnaire, id: Option<&str>, lang: Lang) -> String {
    match id {
        None => t(lang, "Pas de note (incomplète)", "No rating (incomplete)").to_owned(),
        Some(id) => q
            .scoring
            .bands()
            .iter()
            .find(|b| b.id == id)
            .map_or_else(|| id.to_owned(), |b| b.label.get(lang.code()).to_owned()),
    }
}

/// One side: « Évaluation du 1er mai 2026 (version 1.0.0) : 10 / 18 — Capacité moyenne »,
/// with « note enregistrée par la version 0.9 » when read from the file's record.
pub fn side(q: &Questionnaire, s: &SideResult, lang: Lang) -> String {
    let when = match s.date {
        Some(d) => format!(
            "{} {}",
            t(lang, "Évaluation du", "Assessment of"),
            written(d, lang)
        ),
        None => t(lang, "Évaluation non datée", "Undated assessment").to_owned(),
    };
    let version = if s.recorded {
        format!(
            "{} {}",
            t(
                lang,
                "note enregistrée par la version",
                "rating recorded by version"
            ),
            s.version
        )
    } else {
        format!("version {}", s.version)
    };
    let score = match (s.score, s.max) {
        (Some(a), Some(m)) => format!("{a} / {m} — "),
        _ => String::new(),
    };
    labelled(
        lang,
        &format!("{when} ({version})"),
        &format!("{score}{}", band_name(q, s.band.as_deref(), lang)),
    )
}

/// « Note : Capacité moyenne → Pleine capacité (↑ en progrès) ».
pub fn band_change(
    before_q: &Questionnaire,
    q: &Questionnaire,
    c: &Comparison,
    lang: Lang,
) -> String {
    labelled(
        lang,
        t(lang, "Note", "Rating"),
        &format!(
            "{} → {} ({})",
            band_name(before_q, c.before.band.as_deref(), lang),
            band_name(q, c.after.band.as_deref(), lang),
            direction(c.band, lang)
        ),
    )
}

/// An answer as a comparison shows it: the choice label, or « — » when unanswered.
fn shown(q: &Questionnaire, item: &str, value: Option<&str>, lang: Lang) -> String {
    match (value, q.item(item)) {
        (None, _) => "—".to_owned(),
        (Some(v), Some(i)) => answer_label(i, v, lang),
        (Some(v), None) => v.to_owned(),
    }
}

/// « Politique de PEAS : Absente → Adéquate (↑ en progrès) », with « déplacée depuis … »
/// when the question moved.
pub fn item_change(
    before_q: &Questionnaire,
    q: &Questionnaire,
    c: &ItemChange,
    lang: Lang,
) -> String {
    let named_in = if q.item(&c.item).is_some() {
        q
    } else {
        before_q
    };
    let name = named_in
        .item(&c.item)
        .map_or_else(|| c.item.clone(), |i| item_name(named_in, i, lang));
    let mut line = labelled(
        lang,
        &name,
        &format!(
            "{} → {} ({})",
            shown(before_q, &c.item, c.before.as_deref(), lang),
            shown(q, &c.item, c.after.as_deref(), lang),
            direction(c.direction, lang)
        ),
    );
    if let Some(from) = &c.moved_from {
        let title = before_q
            .sections
            .iter()
            .find(|s| &s.id == from)
            .map_or(from.as_str(), |s| s.title.get(lang.code()));
        let _ = write!(
            line,
            " — {} {}",
            t(lang, "déplacée depuis", "moved from"),
            super::quoted(lang, title)
        );
    }
    line
}

/// « Plan d’action : 3 sur 7 faites, 2 en retard ».
pub fn progress(done: usize, total: usize, late: usize, lang: Lang) -> String {
    let mut s = format!(
        "{done} {} {total} {}",
        t(lang, "sur", "of"),
        t(lang, "faites", "done")
    );
    if late > 0 {
        let _ = write!(s, ", {late} {}", t(lang, "en retard", "late"));
    }
    labelled(lang, t(lang, "Plan d’action", "Action plan"), &s)
}

/// « En retard (échéance 1er novembre 2026) ».
pub fn late(due: NaiveDate, lang: Lang) -> String {
    format!(
        "{} ({} {})",
        late_flag(lang),
        t(lang, "échéance", "due"),
        written(due, lang)
    )
}

/// An action's status, as the plan's field, its history and the PDF's plan say it.
pub fn status(s: ActionStatus, lang: Lang) -> &'static str {
    match s {
        ActionStatus::NotStarted => t(lang, "À faire", "Not started"),
        ActionStatus::InProgress => t(lang, "En cours", "In progress"),
        ActionStatus::Done => t(lang, "Fait", "Done"),
    }
}

/// « En retard »: the short flag where the due date is shown beside it (a table's row).
pub fn late_flag(lang: Lang) -> &'static str {
    t(lang, "En retard", "Late")
}

/// « Reprise de l’évaluation du 1er mai 2026 : à confirmer »: an answer carried from the
/// baseline and not yet confirmed.
pub fn carried(baseline_date: Option<NaiveDate>, lang: Lang) -> String {
    let from = match baseline_date {
        Some(d) => format!(
            "{} {}",
            t(
                lang,
                "Reprise de l’évaluation du",
                "Carried from the assessment of"
            ),
            written(d, lang)
        ),
        None => t(
            lang,
            "Reprise de l’évaluation de départ",
            "Carried from the baseline",
        )
        .to_owned(),
    };
    labelled(lang, &from, t(lang, "à confirmer", "to be confirmed"))
}

pub fn stage(s: Stage, lang: Lang) -> &'static str {
    match s {
        Stage::Preliminary => t(
            lang,
            "Détermination préliminaire",
            "Preliminary determination",
        ),
        Stage::Final => t(lang, "Détermination finale", "Final determination"),
    }
}

/// The self-assessed and the confirmed rating side by side.
pub fn self_assessed_label(lang: Lang) -> &'static str {
    t(
        lang,
        "Note auto-évaluée (indicative)",
        "Self-assessed rating (indicative)",
    )
}

pub fn confirmed_label(lang: Lang) -> &'static str {
    t(
        lang,
        "Note confirmée par l’examen",
        "Rating confirmed by the review",
    )
}

/// « Désaccord — Politique de PEAS : auto-évaluée Adéquate, confirmée En progression (↓ en recul) ».
pub fn disagreement(q: &Questionnaire, d: &Disagreement, lang: Lang) -> String {
    let name = q
        .item(&d.item)
        .map_or_else(|| d.item.clone(), |i| item_name(q, i, lang));
    let mut line = labelled(
        lang,
        &format!("{} — {name}", t(lang, "Désaccord", "Disagreement")),
        &format!(
            "{} {}, {} {} ({})",
            t(lang, "auto-évaluée", "self-assessed"),
            shown(q, &d.item, d.self_assessed.as_deref(), lang),
            t(lang, "confirmée", "confirmed"),
            shown(q, &d.item, Some(&d.confirmed), lang),
            direction(d.direction, lang)
        ),
    );
    if !d.comment.is_empty() {
        let _ = write!(line, " — {}", super::quoted(lang, &d.comment));
    }
    line
}

/// The comparison as text, for the command line (and anything that wants it whole).
pub fn text(before_q: &Questionnaire, q: &Questionnaire, c: &Comparison, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", title(lang), q.title.get(lang.code()));
    let _ = writeln!(
        s,
        "{}",
        labelled(
            lang,
            t(lang, "Avant", "Before"),
            &side(before_q, &c.before, lang)
        )
    );
    let _ = writeln!(
        s,
        "{}",
        labelled(lang, t(lang, "Après", "After"), &side(q, &c.after, lang))
    );
    let _ = writeln!(s, "{}", band_change(before_q, q, c, lang));
    let changed = changed(c);
    let _ = writeln!(s, "\n{}", changed_count(changed.len(), lang));
    for i in changed {
        let _ = writeln!(s, "- {}", item_change(before_q, q, i, lang));
    }
    let moved: Vec<_> = c
        .risks
        .iter()
        .filter(|r| r.direction != Direction::Same)
        .collect();
    if !moved.is_empty() {
        let _ = writeln!(s, "\n{}", risks_title(lang));
        for r in moved {
            let _ = writeln!(s, "- {}", risk_change(q, r, lang));
        }
    }
    let a = &c.actions;
    if a.total > 0 {
        let _ = writeln!(s, "\n{}", progress(a.done, a.total, a.late.len(), lang));
        let _ = writeln!(s, "{}", done_since(a.done_since.len(), lang));
    }
    s
}

/// « Harcèlement lors des distributions : 12 → 4 (↑ en progrès) — mesures mises en place : 2 »:
/// a risk's residual score before → after.
pub fn risk_change(q: &Questionnaire, r: &RiskChange, lang: Lang) -> String {
    let name = q
        .item(&r.item)
        .map_or_else(|| r.item.clone(), |i| item_name(q, i, lang));
    let score = |x: Option<i64>| x.map_or("—".to_owned(), |x| x.to_string());
    let mut line = labelled(
        lang,
        &name,
        &format!(
            "{} → {} ({})",
            score(r.before_score),
            score(r.after_score),
            direction(r.direction, lang)
        ),
    );
    if !r.put_in_place.is_empty() {
        let _ = write!(
            line,
            " — {}",
            labelled(
                lang,
                t(lang, "mesures mises en place", "measures put in place"),
                &r.put_in_place.len().to_string()
            )
        );
    }
    line
}

/// « Faites depuis l’évaluation de départ : 2 ».
pub fn done_since(n: usize, lang: Lang) -> String {
    labelled(
        lang,
        t(
            lang,
            "Faites depuis l’évaluation de départ",
            "Done since the baseline",
        ),
        &n.to_string(),
    )
}

/// « Suivi »: the comparison's heading.
pub fn title(lang: Lang) -> &'static str {
    t(lang, "Suivi", "Follow-up")
}

/// « Risques »: the heading of the risks whose residual moved.
pub fn risks_title(lang: Lang) -> &'static str {
    t(lang, "Risques", "Risks")
}

/// « Questions qui ont changé : 2 ».
pub fn changed_count(n: usize, lang: Lang) -> String {
    labelled(
        lang,
        t(lang, "Questions qui ont changé", "Questions that changed"),
        &n.to_string(),
    )
}

/// Which items of a comparison changed (or moved), in its order: what the screen and the
/// text list.
pub fn changed(c: &Comparison) -> Vec<&ItemChange> {
    c.items
        .iter()
        .filter(|i| i.direction != Direction::Same || i.moved_from.is_some())
        .collect()
}

/// « Suivi de l’évaluation du 1er mai 2026 »: the line saying an assessment reassesses a
/// baseline (home card, results page, PDF, command line).
pub fn follow_up_of(baseline_date: Option<NaiveDate>, lang: Lang) -> String {
    match baseline_date {
        Some(d) => format!(
            "{} {}",
            t(
                lang,
                "Suivi de l’évaluation du",
                "Follow-up of the assessment of"
            ),
            written(d, lang)
        ),
        None => t(
            lang,
            "Suivi d’une évaluation de départ non datée",
            "Follow-up of an undated baseline",
        )
        .to_owned(),
    }
}

/// « Détermination préliminaire : 20 novembre 2026, UNICEF Mopti (point focal PEAS) », with
/// the reviewer's comment in quotes when there is one.
pub fn determination(d: &crate::engine::review::Determination, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(date) = d.date {
        parts.push(written(date, lang));
    }
    if !d.reviewer.trim().is_empty() {
        parts.push(d.reviewer.trim().to_owned());
    }
    if parts.is_empty() {
        parts.push(t(lang, "non datée", "undated").to_owned());
    }
    let mut line = labelled(lang, stage(d.stage, lang), &parts.join(", "));
    if !d.comment.trim().is_empty() {
        let _ = write!(line, " — {}", super::quoted(lang, d.comment.trim()));
    }
    line
}

//! The coordinator's workspace in words, the same on screen, in the consolidated PDF, in the
//! CSV files and on the command line: headings, who an assessment is, a matrix cell, a count,
//! why a file was refused; and the CSV files themselves.

use chrono::NaiveDate;

use super::answer::{answer_label, item_name, shorten};
use super::follow_up::band_name;
use super::message::answers_error;
use super::{date, labelled, number, t, Lang};
use crate::engine::aggregate::{
    kind, Cell, Filter, Kind, Missed, MissingMeasure, Refusal, RiskLine, Unmet, Workspace,
};
use crate::engine::answers::AnswersFile;
use crate::engine::model::Questionnaire;

pub fn title(lang: Lang) -> &'static str {
    t(lang, "Espace de coordination", "Coordination workspace")
}

/// Why a file was not taken in.
pub fn refusal(r: &Refusal, lang: Lang, title_of: TitleOf) -> String {
    match r {
        Refusal::Unreadable(e) => answers_error(e, lang),
        // In brackets, not after a second colon: the file's name comes first with its own.
        Refusal::Foreign(id) => format!(
            "{} ({})",
            t(
                lang,
                "fichier d’un autre questionnaire",
                "a file for another questionnaire",
            ),
            super::quoted(lang, &title_of(id).unwrap_or_else(|| id.clone())),
        ),
    }
}

/// A questionnaire's title in the output's language from its id, where the output knows it
/// (the app's library); else the id is shown.
pub type TitleOf<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A file folded into one already in: « même évaluation que x, comptée une fois ».
pub fn duplicate_of(first: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("même évaluation, même contenu que {first}\u{a0}: comptée une fois"),
        Lang::En => format!("same assessment and content as {first}: counted once"),
    }
}

/// Several versions of one assessment, the newer used: said on the command line, which
/// cannot ask.
pub fn newer_used(files: &[&str], used: &str, lang: Lang) -> String {
    let files = files.join(", ");
    match lang {
        Lang::Fr => format!("{files}\u{a0}: plusieurs versions d’une même évaluation\u{202f}; la plus récente est retenue ({used})"),
        Lang::En => format!("{files}: several versions of one assessment; the newer is used ({used})"),
    }
}

/// « n sur total »
pub fn count(n: usize, total: usize, lang: Lang) -> String {
    // No-break spaces: « 5 sur 5 » is never split over two lines.
    format!("{n}\u{a0}{}\u{a0}{total}", t(lang, "sur", "out of"))
}

/// « 1 évaluation », « 12 évaluations » (a quiz: attempts).
pub fn assessments(q: &Questionnaire, n: usize, lang: Lang) -> String {
    let quiz = kind(q) == Kind::Class;
    // French counts 0 and 1 in the singular, English only 1.
    let plural = match lang {
        Lang::Fr => n > 1,
        Lang::En => n != 1,
    };
    let word = match (quiz, plural) {
        (false, false) => t(lang, "évaluation", "assessment"),
        (false, true) => t(lang, "évaluations", "assessments"),
        (true, false) => t(lang, "participation", "attempt"),
        (true, true) => t(lang, "participations", "attempts"),
    };
    format!("{n}\u{a0}{word}")
}

/// An assessment due for review, after who it is: « à revoir avant le 1er décembre 2026 »
/// (with the questionnaire's caveat when its period is provisional).
pub fn review_due(q: &Questionnaire, d: NaiveDate, lang: Lang) -> String {
    let when = super::outcome::review_before_text(q, d, lang);
    format!(
        "{} {when}",
        t(lang, "à revoir avant le", "to be reviewed before")
    )
}

/// Who an assessment is: « ONG Keneya — Mopti — 12 mars 2026 »; a quiz names the participant
/// first. Parts left empty are left out; none at all gives « (sans nom) ».
pub fn who(q: &Questionnaire, file: &AnswersFile, lang: Lang) -> String {
    let a = &file.assessment;
    let mut parts: Vec<String> = Vec::new();
    if kind(q) == Kind::Class {
        parts.push(a.assessor.trim().to_owned());
    }
    parts.push(a.organisation.trim().to_owned());
    parts.push(a.place.trim().to_owned());
    parts.push(a.date.map(|d| date::written(d, lang)).unwrap_or_default());
    parts.retain(|p| !p.is_empty());
    // A follow-up says so: next to its baseline, it would read as another partner's.
    if file.baseline.is_some() {
        parts.push(t(lang, "suivi", "follow-up").to_owned());
    }
    if parts.is_empty() {
        return t(lang, "(sans nom)", "(no name)").to_owned();
    }
    parts.join(" — ")
}

/// A column of the matrix: the standard's short name.
pub fn column(q: &Questionnaire, item: &str, lang: Lang) -> String {
    q.item(item)
        .map_or_else(|| item.to_owned(), |i| shorten(&item_name(q, i, lang), 60))
}

/// A matrix cell: the partner's answer, and the reviewer's where it differs
/// (« En progression → Absente (confirmé) »); « — » when unanswered.
pub fn cell(q: &Questionnaire, item: &str, c: &Cell, lang: Lang) -> String {
    let label = |a: &str| {
        q.item(item)
            .map_or_else(|| a.to_owned(), |i| answer_label(i, a, lang))
    };
    let own = c.answer.as_deref().map_or_else(|| "—".to_owned(), label);
    match &c.reviewed {
        Some(r) => format!(
            "{own} → {} ({})",
            label(r),
            t(lang, "confirmé", "confirmed")
        ),
        None => own,
    }
}

/// A row's band: the self-assessed one, then the reviewer's where a review gives one
/// (« Capacité moyenne → Faible capacité (confirmé) », or « Capacité moyenne (confirmé) » when
/// the review gives the same band).
pub fn row_band(
    q: &Questionnaire,
    own: Option<&str>,
    official: Option<&str>,
    lang: Lang,
) -> String {
    let confirmed = t(lang, "confirmé", "confirmed");
    if official.is_some() && official == own {
        return format!("{} ({confirmed})", band_name(q, own, lang));
    }
    let own = band_name(q, own, lang);
    match official {
        Some(o) => format!("{own} → {} ({})", band_name(q, Some(o), lang), confirmed),
        None => own,
    }
}

/// Said next to every capacity figure: a partner's self-assessment is indicative.
pub fn indicative(lang: Lang) -> &'static str {
    t(
        lang,
        "Notes auto-évaluées, indicatives\u{a0}: la note officielle est celle de l’agence\u{202f}; une note confirmée par un examen est indiquée comme telle.",
        "Self-assessed ratings are indicative: the official rating is the agency’s; a rating confirmed by a review is marked as such.",
    )
}

/// The matrix's heading: ratings by standard, or (a flag questionnaire) flags raised.
pub fn matrix_title(q: &Questionnaire, lang: Lang) -> &'static str {
    if flags(q) {
        t(
            lang,
            "Signaux relevés par évaluation",
            "Flags raised by assessment",
        )
    } else {
        t(
            lang,
            "Notes par organisation et par norme",
            "Ratings by organisation and standard",
        )
    }
}

/// A flag questionnaire: its "unmet" items are flags raised, not standards.
fn flags(q: &Questionnaire) -> bool {
    matches!(q.scoring.rule, crate::engine::model::Rule::FlagCount(_))
}

pub fn bands_title(lang: Lang) -> &'static str {
    t(lang, "Répartition des notes", "Ratings distribution")
}

pub fn unmet_title(q: &Questionnaire, lang: Lang) -> &'static str {
    if flags(q) {
        t(
            lang,
            "Signaux le plus souvent relevés",
            "Flags most often raised",
        )
    } else {
        t(
            lang,
            "Normes le plus souvent non atteintes (priorités de formation)",
            "Standards most often not met (training priorities)",
        )
    }
}

pub fn review_due_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Évaluations à revoir bientôt",
        "Assessments due for review soon",
    )
}

pub fn register_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Registre consolidé des risques",
        "Consolidated risk register",
    )
}

pub fn heat_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Matrice de tous les risques (risque résiduel)",
        "Matrix of all risks (residual risk)",
    )
}

pub fn missing_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Mesures le plus souvent absentes",
        "Measures most often not in place",
    )
}

pub fn class_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Résultats par participant·e",
        "Results by participant",
    )
}

pub fn pairs_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Avant et après (même participant·e, deux passages)",
        "Before and after (same participant, two attempts)",
    )
}

pub fn missed_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Questions le plus souvent manquées",
        "Questions most often missed",
    )
}

pub fn refused_title(lang: Lang) -> &'static str {
    t(lang, "Fichiers non retenus", "Files not taken in")
}

pub fn versions_title(lang: Lang) -> &'static str {
    t(
        lang,
        "Plusieurs versions d’une même évaluation",
        "Several versions of one assessment",
    )
}

/// « 2 fichiers en double comptés une fois »
pub fn duplicates(n: usize, lang: Lang) -> String {
    match (lang, n > 1) {
        (Lang::Fr, false) => "1 fichier en double, compté une fois".to_owned(),
        (Lang::Fr, true) => format!("{n} fichiers en double, comptés une fois"),
        (Lang::En, false) => "1 duplicate file, counted once".to_owned(),
        (Lang::En, true) => format!("{n} duplicate files, counted once"),
    }
}

/// The filter in words, for a report's head: « Lieu : Mopti ; du 1er mars 2026 au … ».
pub fn filter(f: &Filter, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if !f.organisation.trim().is_empty() {
        parts.push(labelled(
            lang,
            t(lang, "Organisation", "Organisation"),
            f.organisation.trim(),
        ));
    }
    if !f.place.trim().is_empty() {
        parts.push(labelled(lang, t(lang, "Lieu", "Place"), f.place.trim()));
    }
    match (f.from, f.to) {
        (Some(a), Some(b)) => parts.push(format!(
            "{} {} {} {}",
            t(lang, "du", "from"),
            date::written(a, lang),
            t(lang, "au", "to"),
            date::written(b, lang)
        )),
        (Some(a), None) => parts.push(format!(
            "{} {}",
            t(lang, "depuis le", "since"),
            date::written(a, lang)
        )),
        (None, Some(b)) => parts.push(format!(
            "{} {}",
            t(lang, "jusqu’au", "until"),
            date::written(b, lang)
        )),
        (None, None) => {}
    }
    (!parts.is_empty()).then(|| parts.join(super::list_sep(lang)))
}

/// How many assessments the views count, and why not all: « 3 évaluations (3 sur 5) —
/// Lieu : Mopti — 1 évaluation reprise par un suivi plus récent n’est pas comptée ». The
/// page and the PDF say it so.
pub fn kept_line(q: &Questionnaire, ws: &Workspace, f: &Filter, lang: Lang) -> String {
    let (kept, total) = (ws.kept(f).len(), ws.groups.len());
    let mut s = assessments(q, kept, lang);
    if kept != total {
        s = format!("{s} ({})", count(kept, total, lang));
    }
    let followed = if f.with_followed {
        0
    } else {
        ws.followed(f).len()
    };
    let why = [
        filter(f, lang),
        (followed > 0).then(|| followed_out(followed, lang)),
    ];
    for part in why.into_iter().flatten() {
        s = format!("{s} — {part}");
    }
    s
}

/// « 1 évaluation reprise par un suivi plus récent n’est pas comptée ».
pub fn followed_out(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 évaluation reprise par un suivi plus récent n’est pas comptée".into(),
        (Lang::Fr, n) => {
            format!("{n} évaluations reprises par un suivi plus récent ne sont pas comptées")
        }
        (Lang::En, 1) => "1 assessment taken over by a later follow-up is not counted".into(),
        (Lang::En, n) => format!("{n} assessments taken over by later follow-ups are not counted"),
    }
}

/// The workspace's choice to count them anyway.
pub fn with_followed_label(lang: Lang) -> &'static str {
    t(
        lang,
        "Compter aussi les évaluations reprises par un suivi",
        "Also count assessments taken over by a follow-up",
    )
}

/// « Norme 4 – Formation : 9 sur 30 — action : Organiser… », out of the assessments that
/// answered it.
pub fn unmet_line(q: &Questionnaire, u: &Unmet, lang: Lang) -> String {
    let mut s = labelled(
        lang,
        &column(q, &u.item, lang),
        &count(u.groups.len(), u.answered, lang),
    );
    if let Some(a) = &u.action {
        s.push_str(&format!(
            " — {}",
            labelled(lang, t(lang, "action", "action"), a.get(lang.code()))
        ));
    }
    s
}

/// « Le personnel… : 7 évaluations ; résiduel : Élevé (3), Moyen (4) ; note la plus haute : 16 »
pub fn risk_line(q: &Questionnaire, r: &RiskLine, lang: Lang) -> String {
    let (name, rest) = risk_line_parts(q, r, lang);
    format!("{name}{}{rest}", assessments(q, r.groups.len(), lang))
}

/// [`risk_line`] in two parts, for the screen, where the count between them is the button
/// that lists the assessments: « Le personnel… : » and « ; résiduel : … ; note la plus
/// haute : 16 ».
pub fn risk_line_parts(q: &Questionnaire, r: &RiskLine, lang: Lang) -> (String, String) {
    (
        labelled(lang, &column(q, &r.item, lang), ""),
        risk_line_rest(q, r, lang),
    )
}

/// What [`risk_line`] says after the count.
fn risk_line_rest(q: &Questionnaire, r: &RiskLine, lang: Lang) -> String {
    let mut s = String::new();
    s.push_str(super::list_sep(lang));
    s.push_str(&labelled(
        lang,
        t(lang, "résiduel", "residual"),
        &residual_bands(q, r, lang),
    ));
    if let Some((score, _)) = &r.highest {
        s.push_str(super::list_sep(lang));
        s.push_str(&labelled(
            lang,
            t(lang, "note la plus haute", "highest score"),
            &score.to_string(),
        ));
    }
    s
}

/// The name of a risk's measure (its id when the version has no such measure).
pub fn measure_name(q: &Questionnaire, item: &str, measure: &str, lang: Lang) -> String {
    use crate::engine::model::ItemKind;
    q.item(item)
        .and_then(|i| match &i.kind {
            ItemKind::Risk { mitigations, .. } => mitigations.iter().find(|m| m.id == measure),
            _ => None,
        })
        .map_or_else(
            || measure.to_owned(),
            |m| m.label.get(lang.code()).to_owned(),
        )
}

/// « Vérifier l’identité… (risque : Le personnel…) : 5 sur 12 »
pub fn missing_line(q: &Questionnaire, m: &MissingMeasure, total: usize, lang: Lang) -> String {
    let what = format!(
        "{} ({})",
        measure_name(q, &m.item, &m.measure, lang),
        labelled(lang, t(lang, "risque", "risk"), &column(q, &m.item, lang))
    );
    labelled(lang, &what, &count(m.groups.len(), total, lang))
}

/// « Question… (manquée 6 sur 20) — Explication… »: in brackets, since a question ends on
/// « ? », which a colon after it would not suit. The question's short name (90 characters,
/// not a column's 60): two questions that open alike stay apart.
pub fn missed_line(q: &Questionnaire, m: &Missed, lang: Lang) -> String {
    let name = q
        .item(&m.item)
        .map_or_else(|| m.item.clone(), |i| item_name(q, i, lang));
    let mut s = format!(
        "{name} ({} {})",
        t(lang, "manquée", "missed"),
        count(m.groups.len(), m.answered, lang)
    );
    if let Some(e) = &m.explanation {
        s.push_str(&format!(" — {}", e.get(lang.code())));
    }
    s
}

/// A percentage as the CSV gives it: a number with the language's decimal mark, no sign.
fn csv_number(p: f64, lang: Lang) -> String {
    number::number((p * 10.0).round() / 10.0, lang)
}

/// The CSV field separator: a semicolon in French (what a French-language spreadsheet
/// expects, the comma being its decimal mark), a comma in English.
pub fn csv_separator(lang: Lang) -> u8 {
    match lang {
        Lang::Fr => b';',
        Lang::En => b',',
    }
}

/// A text cell made safe for a spreadsheet: one starting with = + - @ (or a tab or carriage
/// return) would be read as a formula, so it gets a leading apostrophe.
fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        t(lang, "oui", "yes")
    } else {
        t(lang, "non", "no")
    }
}

/// Writes `rows` (header first) as CSV: UTF-8 with a byte-order mark (so that a spreadsheet
/// reads the accents right), the language's separator, CRLF line ends, and a field quoted
/// (quotes doubled) when it holds the separator, a quote or a line break (RFC 4180).
/// Written here rather than with the `csv` crate, whose writer links the standard library's
/// decimal parser for a quoting style the exports never use (issue #16: 14 KB of the offline
/// install); the tests read every export back with the `csv` crate.
fn write_csv(rows: Vec<Vec<String>>, lang: Lang) -> String {
    let sep = char::from(csv_separator(lang));
    let mut out = String::from("\u{feff}");
    for row in rows {
        for (n, f) in row.iter().enumerate() {
            if n > 0 {
                out.push(sep);
            }
            let f = safe(f);
            if f.contains([sep, '"', '\r', '\n']) || (row.len() == 1 && f.is_empty()) {
                out.push('"');
                out.push_str(&f.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&f);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// The columns every CSV row starts with: which assessment it is.
fn head_columns(q: &Questionnaire, lang: Lang) -> Vec<String> {
    vec![
        t(lang, "fichiers", "files").to_owned(),
        t(lang, "id de l’évaluation", "assessment id").to_owned(),
        t(lang, "organisation", "organisation").to_owned(),
        t(lang, "lieu", "place").to_owned(),
        super::answer::person_label(q, lang).to_lowercase(),
        t(lang, "date", "date").to_owned(),
        t(lang, "version du questionnaire", "questionnaire version").to_owned(),
    ]
}

fn head_values(ws: &Workspace, g: usize) -> Vec<String> {
    let m = ws.groups[g].member();
    let a = &m.file.assessment;
    vec![
        m.sources.join(" | "),
        a.id.clone(),
        a.organisation.clone(),
        a.place.clone(),
        a.assessor.clone(),
        a.date.map(date::iso).unwrap_or_default(),
        m.file.questionnaire.version.clone(),
    ]
}

/// One row per assessment: who, the result (score, band, official band when reviewed,
/// review date) and one column per scored item (the answer; a risk's residual score; a quiz
/// question's 1 right or 0 wrong).
pub fn csv_assessments(q: &Questionnaire, ws: &Workspace, groups: &[usize], lang: Lang) -> String {
    let items = crate::engine::scoring::scored_items(q);
    let mut header = head_columns(q, lang);
    header.extend(
        [
            t(lang, "complète", "complete"),
            t(lang, "note", "score"),
            t(lang, "maximum", "maximum"),
            t(lang, "pourcentage", "percent"),
            t(lang, "niveau auto-évalué", "self-assessed band"),
            t(lang, "niveau confirmé (examen)", "confirmed band (review)"),
            t(lang, "à revoir avant le", "to be reviewed before"),
        ]
        .map(str::to_owned),
    );
    header.extend(items.iter().map(|i| i.id.clone()));
    let mut rows = vec![header];
    for &g in groups {
        let m = ws.groups[g].member();
        let o = &m.outcome;
        let mut row = head_values(ws, g);
        row.push(yes_no(o.complete, lang).to_owned());
        row.push(o.score.map(|s| s.to_string()).unwrap_or_default());
        row.push(o.max.map(|s| s.to_string()).unwrap_or_default());
        row.push(o.percent.map(|p| csv_number(p, lang)).unwrap_or_default());
        let band = |o: &crate::engine::scoring::Outcome| {
            o.band.as_ref().map(|b| b.label.get(lang.code()).to_owned())
        };
        row.push(band(o).unwrap_or_default());
        row.push(m.official.as_ref().and_then(band).unwrap_or_default());
        row.push(
            m.file
                .assessment
                .date
                .and_then(|d| q.review_before(d))
                .map(date::iso)
                .unwrap_or_default(),
        );
        for item in &items {
            let r = o.items.iter().find(|r| r.item == item.id);
            let risk = o.risks.iter().find(|r| r.item == item.id);
            row.push(
                match (
                    risk,
                    r.and_then(|r| r.correct),
                    r.and_then(|r| r.answer.as_deref()),
                ) {
                    (Some(k), _, _) => k.residual_score.to_string(),
                    (None, Some(c), _) => if c { "1" } else { "0" }.to_owned(),
                    (None, None, Some(a)) => answer_label(item, a, lang),
                    _ => String::new(),
                },
            );
        }
        rows.push(row);
    }
    write_csv(rows, lang)
}

/// One row per assessment × item shown: the answer (id and label), its points, the
/// reviewer's confirmed answer, a quiz answer right or wrong, a risk's residual and band.
pub fn csv_items(q: &Questionnaire, ws: &Workspace, groups: &[usize], lang: Lang) -> String {
    use crate::engine::scoring::Effect;
    let mut header = head_columns(q, lang);
    header.extend(
        [
            t(lang, "section", "section"),
            t(lang, "question", "item"),
            t(lang, "intitulé", "wording"),
            t(lang, "réponse (code)", "answer (code)"),
            t(lang, "réponse", "answer"),
            t(lang, "points", "points"),
            t(lang, "maximum", "maximum"),
            t(
                lang,
                "réponse confirmée (examen)",
                "confirmed answer (review)",
            ),
            t(lang, "juste", "right"),
            t(lang, "risque résiduel", "residual risk"),
            t(lang, "niveau résiduel", "residual band"),
        ]
        .map(str::to_owned),
    );
    let mut rows = vec![header];
    for &g in groups {
        let m = ws.groups[g].member();
        let bands = q.scoring.bands();
        for r in m
            .outcome
            .items
            .iter()
            .filter(|r| r.effect != Effect::Hidden)
        {
            let Some(item) = q.item(&r.item) else {
                continue;
            };
            let confirmed = m
                .official
                .as_ref()
                .and_then(|o| o.items.iter().find(|x| x.item == r.item))
                .and_then(|x| x.answer.clone())
                .filter(|a| Some(a) != r.answer.as_ref());
            let risk = m.outcome.risks.iter().find(|k| k.item == r.item);
            let mut row = head_values(ws, g);
            row.extend([
                r.section.clone(),
                r.item.clone(),
                shorten(&item_name(q, item, lang), 90),
                r.answer.clone().unwrap_or_default(),
                r.answer
                    .as_deref()
                    .map(|a| answer_label(item, a, lang))
                    .unwrap_or_default(),
                r.points.map(|p| p.to_string()).unwrap_or_default(),
                r.max.map(|p| p.to_string()).unwrap_or_default(),
                confirmed
                    .map(|a| answer_label(item, &a, lang))
                    .unwrap_or_default(),
                r.correct
                    .map(|c| yes_no(c, lang).to_owned())
                    .unwrap_or_default(),
                risk.map(|k| k.residual_score.to_string())
                    .unwrap_or_default(),
                risk.map(|k| super::risk::band_label(bands, &k.residual_band, lang))
                    .unwrap_or_default(),
            ]);
            rows.push(row);
        }
    }
    write_csv(rows, lang)
}

/// The picture as plain text (the command line): the files taken in and refused, then the
/// questionnaire's view.
pub fn text(q: &Questionnaire, ws: &Workspace, f: &Filter, today: NaiveDate, lang: Lang) -> String {
    let l = lang.code();
    let groups = ws.kept(f);
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!(
        "{} — {} ({})",
        title(lang),
        q.title.get(l),
        q.version
    ));
    // As the page and the PDF say it: how many count, and why not all.
    line(&kept_line(q, ws, f, lang));
    if !ws.duplicates.is_empty() {
        line(&duplicates(ws.duplicates.len(), lang));
    }
    let total = groups.len();
    match kind(q) {
        Kind::Matrix => {
            let m =
                crate::engine::aggregate::matrix(q, ws, &groups, today + chrono::Days::new(180));
            if q.self_assessment {
                line("");
                line(indicative(lang));
            }
            line("");
            line(bands_title(lang));
            for b in &m.bands {
                line(&format!(
                    "  {}",
                    labelled(
                        lang,
                        &band_name(q, b.band.as_deref(), lang),
                        &b.groups.len().to_string()
                    )
                ));
            }
            line("");
            line(unmet_title(q, lang));
            for u in &m.unmet {
                line(&format!("  {}", unmet_line(q, u, lang)));
            }
            line("");
            line(matrix_title(q, lang));
            for r in &m.rows {
                let file = &ws.groups[r.group].member().file;
                let band = row_band(q, r.band.as_deref(), r.official_band.as_deref(), lang);
                line(&format!("  {}", labelled(lang, &who(q, file, lang), &band)));
                let cells: Vec<String> = m
                    .columns
                    .iter()
                    .zip(&r.cells)
                    .map(|(c, cell)| {
                        labelled(
                            lang,
                            &column(q, &c.item, lang),
                            &self::cell(q, &c.item, cell, lang),
                        )
                    })
                    .collect();
                for c in cells {
                    line(&format!("    {c}"));
                }
            }
            if !m.review_due.is_empty() {
                line("");
                line(review_due_title(lang));
                for (g, d) in &m.review_due {
                    let file = &ws.groups[*g].member().file;
                    line(&format!(
                        "  {}",
                        labelled(lang, &who(q, file, lang), &review_due(q, *d, lang))
                    ));
                }
            }
        }
        Kind::Register => {
            let r = crate::engine::aggregate::register(q, ws, &groups);
            line("");
            line(register_title(lang));
            for k in &r.risks {
                line(&format!("  {}", risk_line(q, k, lang)));
            }
            line("");
            line(missing_title(lang));
            for m in &r.missing {
                line(&format!("  {}", missing_line(q, m, total, lang)));
            }
        }
        Kind::Class => {
            let c = crate::engine::aggregate::class(q, ws, &groups);
            line("");
            line(class_title(lang));
            for a in &c.attempts {
                let file = &ws.groups[a.group].member().file;
                let o = &ws.groups[a.group].member().outcome;
                line(&format!(
                    "  {}",
                    labelled(
                        lang,
                        &who(q, file, lang),
                        &super::outcome::score_line(o, lang)
                    )
                ));
            }
            if !c.pairs.is_empty() {
                line("");
                line(pairs_title(lang));
                for p in &c.pairs {
                    line(&format!("  {}", pair_line(q, ws, p, lang)));
                }
            }
            line("");
            line(missed_title(lang));
            for m in &c.missed {
                line(&format!("  {}", missed_line(q, m, lang)));
            }
        }
    }
    out
}

// --- added by P (the consolidated PDF report)

/// Which version of an assessment is used: « 2 versions ; retenue : b.json (la plus
/// récente, à confirmer) » or « … (choix confirmé) ».
pub fn version_kept(g: &crate::engine::aggregate::Group, lang: Lang) -> String {
    let used = g.member().sources.join(", ");
    let why = match (g.chosen == 0, g.agreed) {
        (_, false) => t(
            lang,
            "la plus récente, à confirmer",
            "the newer, to be confirmed",
        ),
        (true, true) => t(
            lang,
            "la plus récente, choix confirmé",
            "the newer, choice confirmed",
        ),
        (false, true) => t(lang, "choix confirmé", "choice confirmed"),
    };
    format!(
        "{} versions{}{} ({why})",
        g.versions.len(),
        super::list_sep(lang),
        labelled(lang, t(lang, "retenue", "used"), &used)
    )
}

/// The mark of a standard not met in the matrix, so that colour is never the only signal
/// (a character the PDF's embedded fonts have).
pub fn unmet_mark() -> &'static str {
    "×"
}

/// The legend of [`unmet_mark`].
pub fn unmet_legend(lang: Lang) -> String {
    labelled(
        lang,
        unmet_mark(),
        t(
            lang,
            "non atteinte dans le résultat retenu (confirmé par l’examen s’il y en a un)",
            "not met in the result that counts (the review’s when there is one)",
        ),
    )
}

/// The heading of the column naming each assessment (a quiz: each participant).
pub fn who_heading(q: &Questionnaire, lang: Lang) -> &'static str {
    if kind(q) == Kind::Class {
        t(lang, "Participant·e", "Participant")
    } else {
        t(lang, "Évaluation", "Assessment")
    }
}

/// The heading of a quiz attempt's score and verdict.
pub fn result_heading(lang: Lang) -> &'static str {
    t(lang, "Résultat", "Result")
}

/// Where a risk's residual is highest: « le plus haut chez : ONG A — Mopti ; ONG B ».
pub fn highest_in(whos: &str, lang: Lang) -> String {
    labelled(lang, t(lang, "le plus haut chez", "highest at"), whos)
}

/// « Incomplet »: a quiz attempt with questions unanswered or not validated, no verdict yet.
pub fn incomplete_word(lang: Lang) -> &'static str {
    t(lang, "Incomplet", "Incomplete")
}

/// The same within a line: « incomplet ».
fn incomplete_in_line(lang: Lang) -> &'static str {
    t(lang, "incomplet", "incomplete")
}

/// « Réussi : 12 ; non réussi : 3 », then « ; incomplet : 2 » when some attempts have no
/// verdict yet, so that the counts add up to the attempts.
pub fn passed_count(passed: usize, not_passed: usize, incomplete: usize, lang: Lang) -> String {
    let mut line = format!(
        "{}{}{}",
        labelled(lang, t(lang, "Réussi", "Passed"), &passed.to_string()),
        super::list_sep(lang),
        labelled(
            lang,
            t(lang, "non réussi", "not passed"),
            &not_passed.to_string()
        )
    );
    if incomplete > 0 {
        line.push_str(super::list_sep(lang));
        line.push_str(&labelled(
            lang,
            incomplete_in_line(lang),
            &incomplete.to_string(),
        ));
    }
    line
}

/// A participant's two attempts: « Awa Traoré — ONG A : 45 % → 80 % ».
pub fn pair_line(
    q: &Questionnaire,
    ws: &Workspace,
    p: &crate::engine::aggregate::Pair,
    lang: Lang,
) -> String {
    // As the score line says it: whole percent, never rounded up to the pass mark.
    let pct = |g: usize| {
        super::outcome::percent(&ws.groups[g].member().outcome, lang)
            .unwrap_or_else(|| "—".to_owned())
    };
    let file = &ws.groups[p.post].member().file;
    labelled(
        lang,
        &who(q, file, lang),
        &format!("{} → {}", pct(p.pre), pct(p.post)),
    )
}

/// A risk's residual bands across the assessments: « Faible 2, Moyen 1 ».
pub fn residual_bands(q: &Questionnaire, r: &RiskLine, lang: Lang) -> String {
    r.residual
        .iter()
        .filter(|b| !b.groups.is_empty())
        .map(|b| {
            // The count in brackets: « Moyen 4 ; … : 8 » read as scores.
            format!(
                "{} ({})",
                band_name(q, b.band.as_deref(), lang),
                b.groups.len()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The headings of the consolidated register's table: the risk, how many assessments rated
/// it, its residual bands, and its highest residual score with where it is.
pub fn register_columns(lang: Lang) -> [&'static str; 4] {
    [
        t(lang, "Risque", "Risk"),
        t(lang, "Évaluations", "Assessments"),
        t(lang, "Niveaux résiduels", "Residual bands"),
        t(
            lang,
            "Le plus haut (score\u{a0}: où)",
            "Highest (score: where)",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::{write_csv, Lang};
    use proptest::prelude::*;

    proptest! {
        /// Whatever the fields hold (separators, quotes, line breaks, accents), a spreadsheet
        /// reader (the `csv` crate here) reads back what was written, formula guard included.
        #[test]
        fn every_export_reads_back_field_for_field(
            rows in prop::collection::vec(
                prop::collection::vec("[a-zé ;,\"\r\n=+@-]{0,8}", 1..5),
                1..6,
            ),
            fr in any::<bool>(),
        ) {
            let lang = if fr { Lang::Fr } else { Lang::En };
            let text = write_csv(rows.clone(), lang);
            prop_assert!(text.starts_with('\u{feff}'), "BOM");
            let mut r = csv::ReaderBuilder::new()
                .delimiter(super::csv_separator(lang))
                .has_headers(false)
                .flexible(true)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let back: Vec<Vec<String>> = r
                .records()
                .map(|x| x.unwrap().iter().map(str::to_owned).collect())
                .collect();
            let want: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(|f| super::safe(f)).collect())
                .collect();
            prop_assert_eq!(back, want);
        }
    }
}

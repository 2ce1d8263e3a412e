//! How a rated risk is worded, wherever it is shown: the live result beside the risk on the
//! filling page, the register on the results page, the PDF register and the command line.
//! The numbers come from [`RiskResult`]; this module only words them.

use super::{labelled, quoted, t, Lang};
use crate::engine::answers::MeasureStatus;
use crate::engine::model::{Band, ItemKind, Questionnaire, RiskCategory, RiskMatrix, Text};
use crate::engine::scoring::RiskResult;

/// The heat matrix's axes, read the same on the results page, the workspace and the PDF:
/// likelihood grows upward (its 5 is the top row), impact rightward.
pub fn heat_axes(lang: Lang) -> &'static str {
    t(lang, "Probabilité ↑ / Impact →", "Likelihood ↑ / Impact →")
}

/// The band's label (« Élevé »), or "" when the id is unknown.
pub fn band_label(bands: &[Band], id: &Option<String>, lang: Lang) -> String {
    id.as_ref()
        .and_then(|id| bands.iter().find(|b| &b.id == id))
        .map_or_else(String::new, |b| b.label.get(lang.code()).to_owned())
}

/// « 3 × 4 = 12 (Élevé) », held together by no-break spaces (a narrow column broke it after
/// « × »).
pub fn product(bands: &[Band], l: u8, i: u8, band: &Option<String>, lang: Lang) -> String {
    let score = i64::from(l) * i64::from(i);
    format!(
        "{l}\u{a0}×\u{a0}{i}\u{a0}=\u{a0}{score} ({})",
        band_label(bands, band, lang)
    )
}

/// What an impact under the floor counts as: « compté 4 : plancher EAS ».
pub fn counted_as(floor: u8, floor_label: Option<&Text>, lang: Lang) -> String {
    let why = floor_label.map_or_else(
        || t(lang, "plancher d’impact", "impact floor").to_owned(),
        |f| f.get(lang.code()).to_owned(),
    );
    let counted = match lang {
        Lang::Fr => format!("compté\u{a0}{floor}"),
        Lang::En => format!("counted\u{a0}{floor}"),
    };
    labelled(lang, &counted, &why)
}

/// Where the impact floor changed the rating: « impact noté 2, compté 4 : plancher EAS ».
pub fn floor_note(r: &RiskMatrix, k: &RiskResult, lang: Lang) -> Option<String> {
    if k.impact_rated >= k.impact {
        return None;
    }
    let label = r
        .category(k.category.as_deref())
        .and_then(|c| c.floor_label.as_ref());
    let rated = match lang {
        Lang::Fr => format!("impact noté {}", k.impact_rated),
        Lang::En => format!("impact rated {}", k.impact_rated),
    };
    Some(format!("{rated}, {}", counted_as(k.impact, label, lang)))
}

/// The inherent risk with the floor shown when it applied.
pub fn inherent(r: &RiskMatrix, k: &RiskResult, lang: Lang) -> String {
    let base = product(&r.bands, k.likelihood, k.impact, &k.inherent_band, lang);
    match floor_note(r, k, lang) {
        Some(note) => format!("{base} — {note}"),
        None => base,
    }
}

/// The residual the measures give, and whether the bound held them back.
pub fn computed(r: &RiskMatrix, k: &RiskResult, lang: Lang) -> String {
    let base = product(
        &r.bands,
        k.computed_likelihood,
        k.computed_impact,
        &k.computed_band,
        lang,
    );
    if k.bounded {
        format!(
            "{base} — {}",
            t(
                lang,
                "réduction plafonnée par la règle",
                "reduction capped by the rule"
            )
        )
    } else {
        base
    }
}

/// The residual retained: the computed one, or the assessor's justified choice beside it.
pub fn retained(r: &RiskMatrix, k: &RiskResult, lang: Lang) -> String {
    let base = product(
        &r.bands,
        k.residual_likelihood,
        k.residual_impact,
        &k.residual_band,
        lang,
    );
    if !k.override_used {
        return base;
    }
    let mut s = format!(
        "{base} — {}",
        labelled(
            lang,
            t(
                lang,
                "jugement de l’évaluateur·rice",
                "assessor’s judgement"
            ),
            &quoted(lang, k.justification.as_deref().unwrap_or_default()),
        )
    );
    if k.below_bound {
        s.push_str(&format!(" {}", below_bound(k, lang)));
    }
    s
}

/// « ⚠ sous le minimum que les mesures permettent (12) »
pub fn below_bound(k: &RiskResult, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "⚠ sous le minimum que les mesures permettent ({})",
            k.lowest_by_measures
        ),
        Lang::En => format!(
            "⚠ below the lowest the measures allow ({})",
            k.lowest_by_measures
        ),
    }
}

/// A residual set by hand with no justification.
pub fn unjustified(lang: Lang) -> &'static str {
    t(
        lang,
        "Valeur choisie sans justification\u{a0}: non prise en compte, le résiduel calculé s’applique.",
        "Value chosen without a justification: not counted, the computed residual applies.",
    )
}

pub fn status_label(status: MeasureStatus, lang: Lang) -> &'static str {
    match status {
        MeasureStatus::NotInPlace => t(lang, "Pas en place", "Not in place"),
        MeasureStatus::InPlace => t(lang, "En place", "In place"),
        MeasureStatus::Partly => t(lang, "En partie en place", "Partly in place"),
        MeasureStatus::Planned => t(lang, "Prévue", "Planned"),
        MeasureStatus::NotApplicable => t(lang, "Sans objet", "Not applicable"),
    }
}

/// Each measure of the risk, « label — statut », with owner and due date when planned.
pub fn measures(q: &Questionnaire, k: &RiskResult, lang: Lang) -> Vec<String> {
    let Some(ItemKind::Risk { mitigations, .. }) = q.item(&k.item).map(|i| &i.kind) else {
        return vec![];
    };
    k.measures
        .iter()
        .filter_map(|m| {
            let def = mitigations.iter().find(|d| d.id == m.id)?;
            let mut s = format!(
                "{} — {}",
                def.label.get(lang.code()),
                status_label(m.status, lang)
            );
            if m.status == MeasureStatus::Planned {
                let mut who = Vec::new();
                if !m.owner.trim().is_empty() {
                    who.push(m.owner.trim().to_owned());
                }
                if let Some(d) = m.due {
                    who.push(super::date::written(d, lang));
                }
                if !who.is_empty() {
                    s.push_str(&format!(" ({})", who.join(", ")));
                }
            }
            Some(s)
        })
        .collect()
}

pub fn category<'r>(r: &'r RiskMatrix, k: &RiskResult) -> Option<&'r RiskCategory> {
    r.category(k.category.as_deref())
}

/// « Catégorie : EAS — à signaler : point focal PEAS… »
pub fn category_line(r: &RiskMatrix, k: &RiskResult, lang: Lang) -> Option<String> {
    let c = category(r, k)?;
    let mut s = labelled(
        lang,
        t(lang, "Catégorie", "Category"),
        c.label.get(lang.code()),
    );
    if let Some(e) = &c.escalation {
        s.push_str(&format!(
            " — {}",
            labelled(lang, t(lang, "Escalade", "Escalation"), e.get(lang.code()))
        ));
    }
    Some(s)
}

/// The rule's bound in words, for notes under the register.
pub fn bound_note(r: &RiskMatrix, lang: Lang) -> Option<String> {
    let m = r.max_reduction;
    if m == crate::engine::model::MaxReduction::NONE {
        return None;
    }
    let part = |n: u8, fr: &str, en: &str| -> Option<String> {
        (n != u8::MAX).then(|| match lang {
            Lang::Fr => format!("{fr} {n}"),
            Lang::En => format!("{en} {n}"),
        })
    };
    let parts: Vec<String> = [
        part(m.likelihood, "probabilité", "likelihood"),
        part(m.impact, "impact", "impact"),
        part(m.total, "en tout", "in total"),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(labelled(
        lang,
        t(
            lang,
            "Les mesures en place baissent le risque de quelques crans au plus",
            "Measures in place lower the risk by a few steps at most",
        ),
        &parts.join(", "),
    ))
}

/// One line for a risk: « Inhérent : 5 × 4 = 20 (Très élevé) → Résiduel : 3 × 4 = 12
/// (Élevé) », with the floor and the assessor's choice when they apply. The filling page's
/// live result, its "why this rating" list and the command line all use it.
pub fn summary_line(r: &RiskMatrix, k: &RiskResult, lang: Lang) -> String {
    format!(
        "{} → {}",
        labelled(lang, t(lang, "Inhérent", "Inherent"), &inherent(r, k, lang)),
        labelled(lang, t(lang, "Résiduel", "Residual"), &retained(r, k, lang)),
    )
}

/// « −1 probabilité » : what a measure in place takes off.
pub fn effect(axis: crate::engine::model::Axis, by: u8, lang: Lang) -> String {
    use crate::engine::model::Axis;
    let what = match axis {
        Axis::Likelihood => t(lang, "probabilité", "likelihood"),
        Axis::Impact => t(lang, "impact", "impact"),
    };
    format!("−{by} {what}")
}

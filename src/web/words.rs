//! The words of the follow-up, review and action-history controls of the filling and
//! results pages. They live here, not in `present::ui`'s table, because only the lazily
//! loaded pages use them: the first load (the home page) does not carry them. What a
//! comparison or a review says (lines, bands, directions) is worded by
//! `present::follow_up`, once for the screen, the PDF and the command line.

use crate::present::{t, Lang};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum W {
    CompareWith,
    CompareNone,
    BaselineMissing,
    Before,
    After,
    NothingChanged,
    Review,
    ReviewIntro,
    ConfirmedRating,
    NotReviewed,
    ReviewComment,
    Determination,
    Stage,
    NoDetermination,
    DeterminationDate,
    Reviewer,
    DeterminationComment,
    Disagreements,
    History,
    Confirm,
    ConfirmAll,
    CarriedCount,
}

/// A word of these controls in `lang`.
pub fn w(lang: Lang, k: W) -> &'static str {
    use W::*;
    let (fr, en) = match k {
        CompareWith => ("Comparer avec…", "Compare with…"),
        CompareNone => ("Aucune (pas de comparaison)", "None (no comparison)"),
        BaselineMissing => (
            "L’évaluation de départ n’est pas sur cet appareil\u{a0}: importez son fichier de réponses pour voir ce qui a changé, ou choisissez une autre évaluation ci-dessous.",
            "The baseline assessment is not on this device: import its answers file to see what changed, or pick another assessment below.",
        ),
        Before => ("Avant", "Before"),
        After => ("Après", "After"),
        NothingChanged => ("Aucune réponse n’a changé.", "No answer changed."),
        Review => ("Examen (agence ou réseau)", "Review (agency or network)"),
        ReviewIntro => (
            "Pour l’examinateur·rice (point focal PEAS d’une agence, membre du réseau)\u{a0}: la note confirmée de chaque norme donne la note officielle, par la même règle. L’examen est enregistré dans le fichier de réponses.",
            "For the reviewer (an agency’s PSEA focal point, a network member): the rating confirmed for each standard gives the official rating, by the same rule. The review is saved in the answers file.",
        ),
        ConfirmedRating => ("Note confirmée", "Confirmed rating"),
        NotReviewed => ("— pas encore examinée —", "— not reviewed yet —"),
        ReviewComment => ("Commentaire de l’examen", "Review comment"),
        Determination => ("Détermination", "Determination"),
        Stage => ("Étape", "Stage"),
        NoDetermination => ("— aucune détermination —", "— no determination —"),
        DeterminationDate => ("Date de la détermination", "Date of the determination"),
        Reviewer => (
            "Examinateur·rice (organisation ou fonction)",
            "Reviewer (organisation or function)",
        ),
        DeterminationComment => ("Commentaire de la détermination", "Comment on the determination"),
        Disagreements => ("Désaccords avec l’auto-évaluation", "Disagreements with the self-assessment"),
        History => ("Historique du statut", "Status history"),
        Confirm => ("Confirmer", "Confirm"),
        ConfirmAll => ("Tout confirmer", "Confirm all"),
        CarriedCount => ("Réponses reprises à confirmer", "Carried answers to confirm"),
    };
    t(lang, fr, en)
}

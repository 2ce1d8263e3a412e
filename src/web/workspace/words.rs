//! The words of the workspace page's own controls (intake, filters, sorting, exports). They
//! live here, in the workspace's module, not in `present::ui`'s table, so the first load (the
//! home page) does not carry them. What the workspace's figures say (headings, who, cells,
//! counts, refusals) is worded by `present::aggregate`, once for the screen, the PDF, the CSV
//! and the command line.

use crate::present::{t, Lang};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum W {
    Intro,
    Questionnaire,
    AddFiles,
    AnswersFiles,
    AddHint,
    DropHere,
    FilesRead,
    Received,
    Empty,
    KeepNewest,
    KeepThis,
    Chosen,
    Clear,
    ConfirmClear,
    NotStored,
    Filters,
    From,
    To,
    SortBy,
    SortOrganisation,
    SortBand,
    SortScore,
    SortDate,
    Band,
    NotMet,
    Files,
    Out,
    CsvAssessments,
    CsvAttempts,
    CsvItems,
    CsvAssessmentsFile,
    CsvItemsFile,
    Risks,
    /// « impact » inside a phrase (P::Impact is a heading).
    ImpactWord,
    HeatHint,
    Close,
}

/// A word of the workspace page in `lang`.
pub fn w(lang: Lang, k: W) -> &'static str {
    use W::*;
    let (fr, en) = match k {
        Intro => (
            "Rassemblez les fichiers de réponses (.json) reçus de partenaires ou de sites pour un même questionnaire\u{a0}: ils sont lus sur cet appareil, rien n’est envoyé. Cet espace reste séparé de «\u{a0}Mes évaluations\u{a0}».",
            "Bring together the answers files (.json) received from partners or sites for one questionnaire: they are read on this device, nothing is sent. This workspace stays apart from “My assessments”.",
        ),
        Questionnaire => ("Questionnaire", "Questionnaire"),
        AddFiles => ("Ajouter des fichiers", "Add files"),
        AnswersFiles => ("Fichiers de réponses", "Answers files"),
        AddHint => (
            "Fichiers de réponses .json, plusieurs à la fois",
            "Answers files (.json), several at once",
        ),
        DropHere => (
            "ou déposez les fichiers dans ce cadre",
            "or drop the files in this box",
        ),
        FilesRead => ("fichiers lus", "files read"),
        Received => ("Fichiers reçus", "Files received"),
        Empty => (
            "Aucun fichier pour ce questionnaire pour l’instant.",
            "No file for this questionnaire yet.",
        ),
        KeepNewest => ("Garder la plus récente", "Keep the newest"),
        KeepThis => ("Garder celle-ci", "Keep this one"),
        Chosen => ("version retenue", "version kept"),
        Clear => ("Vider l’espace", "Empty the workspace"),
        ConfirmClear => (
            "Vider l’espace de coordination de ce questionnaire\u{202f}? Les fichiers reçus restent là où vous les avez enregistrés.",
            "Empty this questionnaire’s coordination workspace? The files received stay where you saved them.",
        ),
        NotStored => (
            "L’espace n’a pas pu être gardé sur cet appareil (stockage plein ou refusé)\u{a0}: il reste disponible tant que cette page est ouverte.",
            "The workspace could not be kept on this device (storage full or refused): it stays available while this page is open.",
        ),
        Filters => ("Filtrer et trier", "Filter and sort"),
        From => ("Du", "From"),
        To => ("Au", "To"),
        SortBy => ("Trier par", "Sort by"),
        SortOrganisation => ("organisation", "organisation"),
        SortBand => ("niveau", "band"),
        SortScore => ("note", "score"),
        SortDate => ("date", "date"),
        Band => ("Niveau", "Band"),
        NotMet => ("non atteinte", "not met"),
        Files => ("Fichiers", "Files"),
        Out => ("Exporter", "Export"),
        CsvAssessments => (
            "Télécharger le CSV (une ligne par évaluation)",
            "Download the CSV (one row per assessment)",
        ),
        CsvAttempts => (
            "Télécharger le CSV (une ligne par participation)",
            "Download the CSV (one row per attempt)",
        ),
        CsvItems => (
            "Télécharger le CSV (une ligne par réponse)",
            "Download the CSV (one row per answer)",
        ),
        CsvAssessmentsFile => ("evaluations", "assessments"),
        CsvItemsFile => ("reponses", "answers"),
        Risks => ("risques", "risks"),
        ImpactWord => ("impact", "impact"),
        HeatHint => (
            "Chaque case donne le nombre de risques notés à ce niveau\u{a0}; le bouton les liste.",
            "Each cell gives the number of risks rated at that level; its button lists them.",
        ),
        Close => ("Fermer", "Close"),
    };
    t(lang, fr, en)
}

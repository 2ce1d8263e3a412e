//! File names: the answers file and the PDF report share one slug of the organisation, so a
//! user finds both side by side: `<questionnaire>-<organisation>-<date>.<ext>`, the
//! organisation reduced to plain letters, digits and hyphens that any file system and
//! messaging app accepts (« Ségou – Ɲɛtaa » → `segou-netaa`), left out when empty.

use chrono::NaiveDate;

use crate::engine::answers::AnswersFile;

/// The organisation as plain lower-case ASCII words joined by hyphens, at most 40 characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let cut: String = out.chars().take(40).collect();
    cut.trim_end_matches('-').to_owned()
}

/// `<questionnaire>[-<organisation>]-<date>.<ext>`
fn name(file: &AnswersFile, date: NaiveDate, ext: &str) -> String {
    let org = slug(&file.assessment.organisation);
    let org = if org.is_empty() {
        String::new()
    } else {
        format!("-{org}")
    };
    format!(
        "{}{org}-{}.{ext}",
        file.questionnaire.id,
        super::date::iso(date)
    )
}

/// The answers file exported on `date`.
pub fn answers(file: &AnswersFile, date: NaiveDate) -> String {
    name(file, date, "json")
}

/// The PDF report generated on `date`.
pub fn report(file: &AnswersFile, date: NaiveDate) -> String {
    name(file, date, "pdf")
}

/// A letter with its accent (or a Bambara letter) as the plain Latin letters it reads as.
fn fold_accent(c: char) -> Vec<char> {
    let plain = match c {
        'à' | 'â' | 'ä' | 'á' => "a",
        'À' | 'Â' | 'Ä' | 'Á' => "A",
        'é' | 'è' | 'ê' | 'ë' | 'ɛ' => "e",
        'É' | 'È' | 'Ê' | 'Ë' | 'Ɛ' => "E",
        'î' | 'ï' | 'í' => "i",
        'Î' | 'Ï' => "I",
        'ô' | 'ö' | 'ó' | 'ɔ' => "o",
        'Ô' | 'Ö' | 'Ɔ' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' => "U",
        'ç' => "c",
        'Ç' => "C",
        'ñ' | 'ɲ' => "n",
        'Ñ' | 'Ɲ' => "N",
        'ŋ' => "ng",
        'Ŋ' => "NG",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'ÿ' => "y",
        other => return vec![other],
    };
    plain.chars().collect()
}

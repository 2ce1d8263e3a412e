//! UI words of the report in French and English.

use crate::present::Lang;

pub fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

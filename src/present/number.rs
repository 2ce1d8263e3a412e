//! Numbers and percentages: a decimal comma and a no-break space before « % » in French.

use super::Lang;

/// A number as typed: whole numbers without decimals, « 12,5 » in French, "12.5" in English.
pub fn number(n: f64, lang: Lang) -> String {
    let s = if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    };
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A percentage to one decimal: « 83,3 % », "83.3%".
pub fn percent(p: f64, lang: Lang) -> String {
    let r = (p * 10.0).round() / 10.0;
    let n = match lang {
        Lang::Fr => r.to_string().replace('.', ","),
        Lang::En => r.to_string(),
    };
    format!("{n}{}", percent_sign(lang))
}

/// The percent sign after a number: a narrow no-break space before it in French, as before
/// « ; ! ? ».
pub fn percent_sign(lang: Lang) -> &'static str {
    super::t(lang, "\u{202f}%", "%")
}

/// A percentage rounded to a whole number, but never rounded up to the pass mark it misses.
pub fn shown_percent(p: f64, mark: u8) -> i64 {
    let rounded = p.round() as i64;
    if p < f64::from(mark) && rounded >= i64::from(mark) {
        p.floor() as i64
    } else {
        rounded
    }
}

/// A file's length and size: « 1 page, 41 Ko », « 3 pages, 120 Ko ».
pub fn pages_and_size(pages: u32, kb: f64, lang: Lang) -> String {
    let page = if pages == 1 { "page" } else { "pages" };
    let unit = super::t(lang, "Ko", "KB");
    format!("{pages} {page}, {kb:.0} {unit}")
}

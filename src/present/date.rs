//! Dates as people write them, in both languages.

use chrono::{Datelike, NaiveDate, Timelike};

use super::Lang;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// « 1er mars 2026 », "1 March 2026"; in French the day is held to its month by a no-break
/// space, as French typography asks (a narrow column breaks a date before the year). Written out by hand rather than with chrono's
/// `format`, whose pattern interpreter would otherwise be part of the browser app's first
/// load.
pub fn written(d: NaiveDate, lang: Lang) -> String {
    dated(d, lang, &MOIS, &MONTHS)
}

/// « 1er déc. 2026 », "1 Dec 2026": a date in a table's narrow column (the PDF's action
/// plan). Not `01/12/2026`, which an English reader may take for 12 January.
pub fn short(d: NaiveDate, lang: Lang) -> String {
    const MOIS_COURT: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const MONTHS_SHORT: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    dated(d, lang, &MOIS_COURT, &MONTHS_SHORT)
}

/// Day, month (from the language's twelve names) and year; in French « 1er » for the first,
/// held to its month by a no-break space.
fn dated(d: NaiveDate, lang: Lang, mois: &[&str; 12], months: &[&str; 12]) -> String {
    let month = d.month0() as usize;
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_owned()
            } else {
                d.day().to_string()
            };
            format!("{day}\u{a0}{} {}", mois[month], d.year())
        }
        Lang::En => format!("{} {} {}", d.day(), months[month], d.year()),
    }
}

/// `09:05`: the time of a day, on the 24-hour clock both languages use here.
pub fn time(t: &impl Timelike) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A date as a date field gives it (`2026-03-01`, ISO 8601); `None` for anything else (an
/// empty or half-typed field). Read by hand, as [`iso`] writes it: chrono's format-string
/// parser would otherwise be part of the browser app (its `FromStr` for dates still reads
/// stored answers files).
pub fn from_iso(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `2026-03-01`: the form file names and stored dates use, the same in every language.
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

//! Dates as people write them, in both languages.

use chrono::{Datelike, NaiveDate};

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
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_owned()
            } else {
                d.day().to_string()
            };
            format!("{day}\u{a0}{} {}", MOIS[d.month0() as usize], d.year())
        }
        Lang::En => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
    }
}

/// `2026-03-01`: the form file names and stored dates use, the same in every language.
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

//! Browser storage (localStorage), with versioned keys:
//! - `psea:v1:a:<id>`: one assessment (JSON), so a damaged entry never hides the others;
//! - `psea:v1:q:<id>`: a questionnaire the user opened from a file (TOML text);
//! - `psea:v1:lang`: the chosen language;
//! - `psea:v1:last-export`: when an answers file was last exported (backup reminder);
//! - `psea:v1:aside:<key>`: an entry that could not be read, kept exactly as it was.
//!
//! Nothing here deletes data except [`delete`], [`drop_set_aside`] and [`erase_all`], which
//! the UI only calls after the user confirms.
//!
//! When the browser blocks site data (reading `localStorage` throws), everything is kept in
//! memory for the life of the page instead and [`blocked`] says so, so the app still runs and
//! the user is told to export.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::answers::{AnswersFile, Assessment};
use crate::engine::order;
use crate::present::Lang;

const ASSESSMENT: &str = "psea:v1:a:";
const QUESTIONNAIRE: &str = "psea:v1:q:";
const ASIDE: &str = "psea:v1:aside:";
pub const LANG: &str = "psea:v1:lang";
pub const LAST_EXPORT: &str = "psea:v1:last-export";
/// Whether the browser last said this site's storage is persistent ("1") or not ("0").
const PERSISTED: &str = "psea:v1:persisted";

/// An assessment as kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub id: String,
    pub name: String,
    pub file: AnswersFile,
    /// Raised by one at each save, so a tab can tell that another saved since it read.
    #[serde(default)]
    pub rev: u64,
}

/// What the home page reads of a stored assessment at start: its card's name, questionnaire
/// and last change. Read with a small parser of its own (every other field of the entry is
/// skipped), so the first load carries none of the full answers file's reading; the full
/// entries are read by the library module, after the first paint ([`load_assessments`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    pub id: String,
    pub name: String,
    pub rev: u64,
    /// The questionnaire's id.
    pub questionnaire: String,
    pub organisation: String,
    pub updated: Option<chrono::DateTime<chrono::Utc>>,
}

impl Head {
    /// The head of a fully read entry.
    pub fn of(s: &Stored) -> Head {
        Head {
            id: s.id.clone(),
            name: s.name.clone(),
            rev: s.rev,
            questionnaire: s.file.questionnaire.id.clone(),
            organisation: s.file.assessment.organisation.clone(),
            updated: s.file.assessment.updated,
        }
    }

    /// The head of a stored entry's text (`None`: not an assessment entry one can read).
    /// The browser's own JSON parser reads it (`JSON.parse`), so the first load carries no
    /// JSON reading of its own; fields of the wrong type count as absent, and the full read
    /// (serde, in the library module) decides whether the entry is sound.
    pub fn read(text: &str) -> Option<Head> {
        use wasm_bindgen::JsValue;
        let get = |v: &JsValue, k: &str| {
            js_sys::Reflect::get(v, &JsValue::from_str(k))
                .ok()
                .filter(|x| !x.is_undefined() && !x.is_null())
        };
        let text_of = |v: &JsValue, k: &str| get(v, k).and_then(|x| x.as_string());
        let entry = js_sys::JSON::parse(text).ok()?;
        let file = get(&entry, "file")?;
        let details = get(&file, "assessment");
        let detail = |k: &str| details.as_ref().and_then(|d| text_of(d, k));
        Some(Head {
            id: text_of(&entry, "id")?,
            name: text_of(&entry, "name").unwrap_or_default(),
            rev: get(&entry, "rev").and_then(|x| x.as_f64()).unwrap_or(0.0) as u64,
            questionnaire: get(&file, "questionnaire").and_then(|q| text_of(&q, "id"))?,
            organisation: detail("organisation").unwrap_or_default(),
            updated: detail("updated").as_deref().and_then(utc),
        })
    }
}

thread_local! {
    /// Where entries live when the browser's storage is blocked.
    /// (A list, not a map: a handful of entries, and the first load then carries no map code.)
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The browser's storage, or `None` when site data is blocked.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the browser's storage is blocked (entries live in memory only).
pub fn blocked() -> bool {
    local().is_none()
}

fn keys() -> Vec<String> {
    match local() {
        Some(storage) => {
            let n = storage.length().unwrap_or(0);
            (0..n)
                .filter_map(|i| storage.key(i).ok().flatten())
                .collect()
        }
        None => MEMORY.with(|m| m.borrow().iter().map(|(k, _)| k.clone()).collect()),
    }
}

fn raw(key: &str) -> Option<String> {
    match local() {
        Some(storage) => storage.get_item(key).ok().flatten(),
        None => MEMORY.with(|m| {
            m.borrow()
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        }),
    }
}

fn set_raw(key: &str, value: &str) -> Result<(), String> {
    match local() {
        Some(storage) => storage.set_item(key, value).map_err(|e| format!("{e:?}")),
        None => {
            MEMORY.with(|m| {
                let mut m = m.borrow_mut();
                match m.iter_mut().find(|(k, _)| k == key) {
                    Some((_, v)) => *v = value.to_owned(),
                    None => m.push((key.to_owned(), value.to_owned())),
                }
            });
            Ok(())
        }
    }
}

fn remove(key: &str) {
    match local() {
        Some(storage) => {
            let _ = storage.remove_item(key);
        }
        None => {
            MEMORY.with(|m| m.borrow_mut().retain(|(k, _)| k != key));
        }
    }
}

/// The assessment id a storage key names, if it names one.
pub fn assessment_key(key: &str) -> Option<&str> {
    key.strip_prefix(ASSESSMENT)
}

/// Whether a storage key holds a questionnaire the user opened.
pub fn is_questionnaire_key(key: &str) -> bool {
    key.starts_with(QUESTIONNAIRE)
}

/// One stored assessment as it is now in storage (`None`: absent or unreadable).
pub fn load(id: &str) -> Option<Stored> {
    raw(&format!("{ASSESSMENT}{id}")).and_then(|t| serde_json::from_str(&t).ok())
}

/// Every stored assessment, newest change first, and the storage keys of entries that could
/// not be read. Each such entry is moved aside raw (to a key of its own: an earlier copy set
/// aside under the same name is never overwritten); one that cannot be moved (storage full)
/// stays where it is and is listed by its own key. Every entry set aside before (perhaps on a
/// page that was reloaded before anyone saw the message) is listed again until the user
/// removes it.
pub fn load_assessments() -> (Vec<Stored>, Vec<String>) {
    let mut found = Vec::new();
    let mut damaged = Vec::new();
    for key in keys().into_iter().filter(|k| k.starts_with(ASSESSMENT)) {
        let Some(text) = raw(&key) else { continue };
        match serde_json::from_str::<Stored>(&text) {
            Ok(s) => found.push(s),
            Err(_) => {
                // Keep the bytes under an aside key before anything else touches them.
                let aside = free_aside_key(&key, &text);
                if set_raw(&aside, &text).is_ok() {
                    remove(&key);
                    damaged.push(aside);
                } else {
                    damaged.push(key);
                }
            }
        }
    }
    for key in keys().into_iter().filter(|k| k.starts_with(ASIDE)) {
        if !damaged.contains(&key) {
            damaged.push(key);
        }
    }
    order::sort_by(&mut damaged, |a, b| a.cmp(b));
    order::sort_by(&mut found, |a, b| {
        newest_first(
            (a.file.assessment.updated, &a.id),
            (b.file.assessment.updated, &b.id),
        )
    });
    (found, damaged)
}

/// The order of the stored assessments, as (last change, id): newest change first, then by
/// id. A total order, so the heads (first load) and the full files (library) come in the
/// same order.
fn newest_first(
    a: (Option<chrono::DateTime<chrono::Utc>>, &str),
    b: (Option<chrono::DateTime<chrono::Utc>>, &str),
) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1))
}

/// The aside key for the unreadable entry `key` holding `text`: `aside:<key>`, or, when that
/// holds something else already, the first of `aside:<key>~2`, `~3`… that is free or holds
/// the same text.
fn free_aside_key(key: &str, text: &str) -> String {
    let base = format!("{ASIDE}{key}");
    let mut candidate = base.clone();
    for n in 2.. {
        match raw(&candidate) {
            Some(held) if held != text => candidate = format!("{base}~{n}"),
            _ => break,
        }
    }
    candidate
}

/// How a damaged entry's key is shown: the key it was read from.
pub fn shown_key(key: &str) -> &str {
    key.strip_prefix(ASIDE).unwrap_or(key)
}

/// The head of every stored assessment, in the order of [`load_assessments`]. An entry it
/// cannot read is left as it is: the full read sets it aside.
pub fn load_heads() -> Vec<Head> {
    let mut found: Vec<Head> = keys()
        .into_iter()
        .filter(|k| k.starts_with(ASSESSMENT))
        .filter_map(|k| raw(&k))
        .filter_map(|t| Head::read(&t))
        .collect();
    order::sort_by(&mut found, |a, b| {
        newest_first((a.updated, &a.id), (b.updated, &b.id))
    });
    found
}

pub fn save(s: &Stored) -> Result<(), String> {
    let json = serde_json::to_string(s).map_err(|e| e.to_string())?;
    set_raw(&format!("{ASSESSMENT}{}", s.id), &json)
}

pub fn delete(id: &str) {
    remove(&format!("{ASSESSMENT}{id}"));
}

/// The raw text of the damaged entries `keys` (as [`load_assessments`] lists them), to offer
/// them for download: `key`, its text, and a blank line, for each.
pub fn damaged_entries(keys: &[String]) -> String {
    keys.iter()
        .filter_map(|k| raw(k).map(|v| format!("{k}\n{v}\n")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes the damaged entries `keys` the user was shown and asked to delete, after a
/// confirmation: their copies set aside, and an entry that could not be moved aside if even
/// the head reader still cannot read it (another tab may have saved a good one under that key
/// since; the head reader, not serde, so that the home page's module carries no JSON reader).
pub fn drop_set_aside(keys: &[String]) {
    let still_unreadable = |k: &str| raw(k).is_some_and(|t| Head::read(&t).is_none());
    for k in keys {
        if k.starts_with(ASIDE) || still_unreadable(k) {
            remove(k);
        }
    }
}

pub fn save_questionnaire(id: &str, toml: &str) -> Result<(), String> {
    set_raw(&format!("{QUESTIONNAIRE}{id}"), toml)
}

pub fn load_questionnaires() -> Vec<String> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(QUESTIONNAIRE))
        .filter_map(|k| raw(&k))
        .collect()
}

pub fn load_lang() -> Lang {
    lang_of(raw(LANG).as_deref())
}

/// The language a stored value names (French unless English).
pub fn lang_of(value: Option<&str>) -> Lang {
    match value {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    }
}

pub fn save_lang(lang: Lang) {
    let _ = set_raw(LANG, lang.code());
}

/// What the browser said last time about persistent storage, shown until it answers again
/// (so the home page does not move when it does).
pub fn last_persisted() -> Option<bool> {
    match raw(PERSISTED).as_deref() {
        Some("1") => Some(true),
        Some("0") => Some(false),
        _ => None,
    }
}

pub fn save_persisted(persisted: bool) {
    let _ = set_raw(PERSISTED, if persisted { "1" } else { "0" });
}

/// When the user last exported an answers file from this device.
pub fn last_export() -> Option<chrono::DateTime<chrono::Utc>> {
    raw(LAST_EXPORT).as_deref().and_then(utc)
}

/// An RFC 3339 date and time as this app writes them (`2026-11-24T03:39:09.291Z` in answers
/// files, `2026-11-24T03:39:09.291+00:00` for the last export): read here rather than by
/// chrono's general parser, which would add about 12 KB to the first load. `None` for
/// anything else (the full read, with chrono, then decides).
pub fn utc(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    let b = s.as_bytes();
    let num = |from: usize, to: usize| -> Option<u32> {
        let part = b.get(from..to)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
    let mut i = 19;
    let mut nanos = 0u32;
    if at(i, b".") {
        let start = i + 1;
        i = start;
        while at(i, b"0123456789") {
            i += 1;
        }
        if i == start {
            return None;
        }
        // Nanoseconds: the first nine digits, padded on the right.
        nanos = (start..start + 9).fold(0, |n, k| {
            n * 10 + if k < i { u32::from(b[k] - b'0') } else { 0 }
        });
    }
    let offset = if at(i, b"Zz") && b.len() == i + 1 {
        0
    } else if at(i, b"+-") && at(i + 3, b":") && b.len() == i + 6 {
        let minutes = i64::from(num(i + 1, i + 3)? * 60 + num(i + 4, i + 6)?);
        if at(i, b"-") {
            -minutes
        } else {
            minutes
        }
    } else {
        return None;
    };
    let local = date.and_hms_nano_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?, nanos)?;
    let t = local.checked_sub_signed(chrono::TimeDelta::try_minutes(offset)?)?;
    Some(chrono::Utc.from_utc_datetime(&t))
}

pub fn set_last_export(at: chrono::DateTime<chrono::Utc>) {
    let _ = set_raw(LAST_EXPORT, &at.to_rfc3339());
}

/// How many times this tab erased all the app's data: what a page's module holds in memory
/// for want of storage (the workspace's files) is forgotten with the rest.
static ERASURES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Removes every key of this app (and only those).
pub fn erase_all() {
    for k in keys().into_iter().filter(|k| k.starts_with("psea:")) {
        remove(&k);
    }
    ERASURES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// See [`ERASURES`].
pub fn erasures() -> u32 {
    ERASURES.load(std::sync::atomic::Ordering::Relaxed)
}

/// Three-way merge of an assessment that two tabs changed from the same `base`: each part
/// (name, detail field, answer, set-aside answer, the rest of the file) changed on one side
/// only takes that side's value. `None` when both changed the same part differently (a true
/// conflict). The revision and the last change date are left to the caller. Typed, part by
/// part, so no generic JSON machinery reaches the first-load module.
pub fn merge(base: &Stored, mine: &Stored, theirs: &Stored) -> Option<Stored> {
    let (b, m, t) = (&base.file, &mine.file, &theirs.file);
    // Everything but the parts merged one by one below.
    let rest = |f: &AnswersFile| AnswersFile {
        assessment: Assessment::default(),
        answers: BTreeMap::new(),
        unplaced: BTreeMap::new(),
        result: None,
        ..f.clone()
    };
    let mut file = pick(&rest(b), &rest(m), &rest(t))?;
    file.assessment = merge_assessment(&b.assessment, &m.assessment, &t.assessment)?;
    file.answers = merge_map(&b.answers, &m.answers, &t.answers)?;
    file.unplaced = merge_map(&b.unplaced, &m.unplaced, &t.unplaced)?;
    // Derived from the answers: never a conflict of its own.
    file.result = pick(&b.result, &m.result, &t.result).unwrap_or_else(|| m.result.clone());
    Some(Stored {
        id: mine.id.clone(),
        name: pick(&base.name, &mine.name, &theirs.name)?,
        file,
        rev: 0,
    })
}

/// One part of a three-way merge: the side that changed it, or either when both agree.
fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> Option<T> {
    if mine == base {
        Some(theirs.clone())
    } else if theirs == base || theirs == mine {
        Some(mine.clone())
    } else {
        None
    }
}

fn merge_assessment(b: &Assessment, m: &Assessment, t: &Assessment) -> Option<Assessment> {
    let rest = |a: &Assessment| Assessment {
        organisation: String::new(),
        assessor: String::new(),
        place: String::new(),
        date: None,
        updated: None,
        ..a.clone()
    };
    Some(Assessment {
        organisation: pick(&b.organisation, &m.organisation, &t.organisation)?,
        assessor: pick(&b.assessor, &m.assessor, &t.assessor)?,
        place: pick(&b.place, &m.place, &t.place)?,
        date: pick(&b.date, &m.date, &t.date)?,
        updated: None,
        ..pick(&rest(b), &rest(m), &rest(t))?
    })
}

/// Entry by entry (an answer per item): added, changed or removed on one side.
fn merge_map<V: PartialEq + Clone>(
    b: &BTreeMap<String, V>,
    m: &BTreeMap<String, V>,
    t: &BTreeMap<String, V>,
) -> Option<BTreeMap<String, V>> {
    let keys = order::set(b.keys().chain(m.keys()).chain(t.keys()));
    let mut out = BTreeMap::new();
    for k in keys {
        if let Some(v) = pick(&b.get(k), &m.get(k), &t.get(k))? {
            out.insert(k.clone(), v.clone());
        }
    }
    Some(out)
}

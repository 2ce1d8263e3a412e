//! Browser storage (localStorage through gloo-storage), with versioned keys:
//! - `psea:v1:a:<id>`: one assessment (JSON), so a damaged entry never hides the others;
//! - `psea:v1:q:<id>`: a questionnaire the user opened from a file (TOML text);
//! - `psea:v1:lang`: the chosen language;
//! - `psea:v1:last-export`: when an answers file was last exported (backup reminder);
//! - `psea:v1:aside:<key>`: an entry that could not be read, kept exactly as it was.
//!
//! Nothing here deletes data except [`delete`] and [`erase_all`], which the UI only calls
//! after the user confirms.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::engine::answers::AnswersFile;
use crate::present::Lang;

const ASSESSMENT: &str = "psea:v1:a:";
const QUESTIONNAIRE: &str = "psea:v1:q:";
const ASIDE: &str = "psea:v1:aside:";
const LANG: &str = "psea:v1:lang";
const LAST_EXPORT: &str = "psea:v1:last-export";

/// An assessment as kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub id: String,
    pub name: String,
    pub file: AnswersFile,
}

fn keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

fn raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn set_raw(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| format!("{e:?}"))
}

/// Every stored assessment, newest change first, and the keys of entries that could not be
/// read (each moved aside raw).
pub fn load_assessments() -> (Vec<Stored>, Vec<String>) {
    let mut found = Vec::new();
    let mut damaged = Vec::new();
    for key in keys().into_iter().filter(|k| k.starts_with(ASSESSMENT)) {
        let Some(text) = raw(&key) else { continue };
        match serde_json::from_str::<Stored>(&text) {
            Ok(s) => found.push(s),
            Err(_) => {
                // Keep the bytes under an aside key before anything else touches them.
                let aside = format!("{ASIDE}{key}");
                if set_raw(&aside, &text).is_ok() {
                    LocalStorage::delete(&key);
                }
                damaged.push(key);
            }
        }
    }
    found.sort_by_key(|s| std::cmp::Reverse(s.file.assessment.updated));
    (found, damaged)
}

pub fn save(s: &Stored) -> Result<(), String> {
    let json = serde_json::to_string(s).map_err(|e| e.to_string())?;
    set_raw(&format!("{ASSESSMENT}{}", s.id), &json)
}

pub fn delete(id: &str) {
    LocalStorage::delete(format!("{ASSESSMENT}{id}"));
}

/// Raw text of every entry set aside, to offer them for download.
pub fn set_aside_entries() -> Vec<(String, String)> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(ASIDE))
        .filter_map(|k| raw(&k).map(|v| (k, v)))
        .collect()
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
    match raw(LANG).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    }
}

pub fn save_lang(lang: Lang) {
    let _ = set_raw(LANG, lang.code());
}

/// When the user last exported an answers file from this device.
pub fn last_export() -> Option<chrono::DateTime<chrono::Utc>> {
    raw(LAST_EXPORT).and_then(|s| s.parse().ok())
}

pub fn set_last_export(at: chrono::DateTime<chrono::Utc>) {
    let _ = set_raw(LAST_EXPORT, &at.to_rfc3339());
}

/// Removes every key of this app (and only those).
pub fn erase_all() {
    for k in keys().into_iter().filter(|k| k.starts_with("psea:")) {
        LocalStorage::delete(&k);
    }
}

//! The PDF web worker. The page sends `{ questionnaire, answers, baseline?, lang, date }`
//! (texts; `baseline`, an earlier assessment's answers JSON, adds the « Suivi » section), or
//! `{ kind: "workspace", … }` for a coordinator's consolidated report (see [`workspace`]); the
//! worker answers `{ ok: true, bytes, pages, missing, ms }` or `{ ok: false, error }`.
//! Kept out of the main bundle: printpdf alone weighs about a megabyte.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn field(data: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The items of the array `key` of `data` (none when it is missing or not an array).
fn list(data: &JsValue, key: &str) -> Vec<JsValue> {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// The consolidated report of a workspace: `{ kind: "workspace", questionnaire, files,
/// names, choices: [[group, version]…], filter: { place, organisation, from, to }, lang,
/// date }`.
fn workspace(data: &JsValue) -> Result<psea_assess::report::Report, String> {
    let names = list(data, "names");
    let files: Vec<(String, String)> = list(data, "files")
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let name = names
                .get(i)
                .and_then(JsValue::as_string)
                .unwrap_or_default();
            (name, text.as_string().unwrap_or_default())
        })
        .collect();
    let choices: Vec<(usize, usize)> = list(data, "choices")
        .iter()
        .filter_map(|pair| {
            let n = |i: u32| {
                js_sys::Reflect::get_u32(pair, i)
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            Some((n(0)? as usize, n(1)? as usize))
        })
        .collect();
    let filter = js_sys::Reflect::get(data, &"filter".into()).unwrap_or(JsValue::UNDEFINED);
    let day = |key: &str| chrono::NaiveDate::parse_from_str(&field(&filter, key), "%Y-%m-%d").ok();
    let filter = psea_assess::engine::aggregate::Filter {
        place: field(&filter, "place"),
        organisation: field(&filter, "organisation"),
        from: day("from"),
        to: day("to"),
    };
    psea_assess::report::workspace::from_texts(
        &field(data, "questionnaire"),
        &files,
        &choices,
        &filter,
        &field(data, "lang"),
        &field(data, "date"),
    )
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &key.into(), value);
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let started = js_sys::Date::now();
        let result = if field(&data, "kind") == "workspace" {
            workspace(&data)
        } else {
            let baseline = field(&data, "baseline");
            psea_assess::report::from_texts_with(
                &field(&data, "questionnaire"),
                &field(&data, "answers"),
                Some(baseline.as_str()).filter(|b| !b.is_empty()),
                &field(&data, "lang"),
                &field(&data, "date"),
            )
        };
        let out = js_sys::Object::new();
        match result {
            Ok(report) => {
                set(&out, "ok", &JsValue::TRUE);
                set(
                    &out,
                    "bytes",
                    &js_sys::Uint8Array::from(report.bytes.as_slice()).into(),
                );
                set(&out, "pages", &JsValue::from(report.pages as u32));
                set(
                    &out,
                    "missing",
                    &JsValue::from_str(&report.missing_chars.iter().collect::<String>()),
                );
                set(&out, "ms", &JsValue::from(js_sys::Date::now() - started));
            }
            Err(e) => {
                set(&out, "ok", &JsValue::FALSE);
                set(&out, "error", &JsValue::from_str(&e));
            }
        }
        let _ = reply_to.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

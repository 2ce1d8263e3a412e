//! The PDF web worker. The page lays the report out ([`psea_assess::report::sheet`]) and sends
//! `{ sheet }`, the sheet's bytes; the worker writes the PDF and answers
//! `{ ok: true, bytes, pages, missing }` or `{ ok: false, error }`. It carries printpdf,
//! the fonts and the sheet's decoder, nothing of the questionnaires: printpdf alone is most
//! of its weight, so it is started on the first export, never with the page.

use psea_assess::report::{pdf, sheet::Sheet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &key.into(), value);
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let bytes = js_sys::Reflect::get(&ev.data(), &"sheet".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let out = js_sys::Object::new();
        match Sheet::decode(&bytes) {
            Ok(sheet) => {
                let report = pdf::write(&sheet);
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

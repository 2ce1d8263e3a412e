//! The PDF web worker, seen from the page. The page lays the report out (plain Rust,
//! [`crate::report`]) and the worker (`src/bin/pdf_worker.rs`), which carries printpdf and
//! the fonts, writes the PDF; it is started on the first "Export PDF", so none of its code is
//! part of the first load. One worker is kept for later exports.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::report::sheet::Sheet;

/// Written next to `index.html` by trunk (`data-loader-shim`): it imports the worker's
/// wasm-bindgen glue and starts its module.
const LOADER: &str = "./pdf_worker_loader.js";

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// A PDF made by the worker.
pub struct Made {
    pub bytes: Vec<u8>,
    pub pages: u32,
    /// Characters that no embedded font can show (drawn as "?").
    pub missing: String,
    /// Time taken to lay the report out (on the page) and write the PDF (in the worker).
    pub ms: f64,
}

/// Whether the worker is already running (so the caller can say "loading" or not).
pub fn started() -> bool {
    WORKER.with(|w| w.borrow().is_some())
}

/// Starts the worker if it is not running, and waits until it can take work.
pub async fn start() -> Result<(), String> {
    worker().await.map(|_| ())
}

/// Writes a sheet the page laid out (a report on the results page, the consolidated report of
/// the coordination workspace) in the worker; `started`: when the layout began, for
/// [`Made::ms`].
pub async fn write(sheet: &Sheet, started: f64) -> Result<Made, String> {
    let worker = worker().await?;
    let bytes = js_sys::Uint8Array::from(sheet.encode().as_slice());
    let msg = js_sys::Object::new();
    js_sys::Reflect::set(&msg, &"sheet".into(), &bytes).map_err(js_err)?;
    let reply = match next_message(&worker, Some(&msg)).await {
        Ok(reply) => reply,
        Err(e) => {
            // A crashed worker is dropped so that the next export starts a fresh one.
            forget_worker();
            return Err(e);
        }
    };
    let get = |k: &str| js_sys::Reflect::get(&reply, &k.into()).unwrap_or(JsValue::UNDEFINED);
    if get("ok").as_bool() != Some(true) {
        return Err(get("error").as_string().unwrap_or_else(|| "?".into()));
    }
    let bytes = get("bytes")
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| "no bytes in the worker's answer".to_string())?
        .to_vec();
    Ok(Made {
        bytes,
        pages: get("pages").as_f64().unwrap_or(0.0) as u32,
        missing: get("missing").as_string().unwrap_or_default(),
        ms: js_sys::Date::now() - started,
    })
}

/// The running worker, or a new one once it has said "ready" (messages sent before its
/// module has started would be lost).
async fn worker() -> Result<Worker, String> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let w = Worker::new(LOADER).map_err(js_err)?;
    let first = next_message(&w, None).await;
    match first {
        Ok(v) if v.as_string().as_deref() == Some("ready") => {
            WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
            Ok(w)
        }
        Ok(_) => {
            w.terminate();
            Err("the PDF module did not start".into())
        }
        Err(e) => {
            w.terminate();
            Err(e)
        }
    }
}

fn forget_worker() {
    if let Some(w) = WORKER.with(|w| w.borrow_mut().take()) {
        w.terminate();
    }
}

/// Posts `msg` (if any) and resolves with the worker's next message, or fails with its
/// error event (a script that could not load, a panic).
async fn next_message(w: &Worker, msg: Option<&js_sys::Object>) -> Result<JsValue, String> {
    let mut post_error = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |ev: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &ev.data());
        });
        // An ErrorEvent for a script error; a plain Event when the script could not load.
        let on_error = Closure::once_into_js(move |ev: JsValue| {
            let text = js_sys::Reflect::get(&ev, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the PDF module could not be loaded".into());
            let _ = reject.call1(&JsValue::NULL, &text.into());
        });
        w.set_onmessage(Some(on_message.unchecked_ref()));
        w.set_onerror(Some(on_error.unchecked_ref()));
        if let Some(m) = msg {
            if let Err(e) = w.post_message(m) {
                post_error = Some(js_err(e));
            }
        }
    });
    if let Some(e) = post_error {
        return Err(e);
    }
    let result = JsFuture::from(promise).await;
    w.set_onmessage(None);
    w.set_onerror(None);
    result.map_err(|e| e.as_string().unwrap_or_else(|| js_err(e)))
}

fn js_err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".into())
}

//! Small browser-only helpers: file downloads, reading a picked file, the URL hash, dates,
//! waiting for the next paint.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(err)
}

/// Runs `f` once the page has painted its next frame, or within 100 ms where it does not
/// paint (a tab in the background has no animation frames).
pub fn after_paint(f: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    use std::{cell::Cell, rc::Rc, time::Duration};
    let f: Rc<Cell<Option<Box<dyn FnOnce()>>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let run = |f: Rc<Cell<Option<Box<dyn FnOnce()>>>>| {
        if let Some(f) = f.take() {
            f();
        }
    };
    let painted = f.clone();
    request_animation_frame(move || set_timeout(move || run(painted), Duration::ZERO));
    set_timeout(move || run(f), Duration::from_millis(100));
}

/// Resolves once the page has painted what it shows now (see [`after_paint`]): a status just
/// set (« Mise en page du rapport… ») is seen before work holds the main thread.
pub async fn painted() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    after_paint(move || {
        let _ = tx.send(());
    });
    let _ = rx.await;
}

/// Scrolls the element `id` into view only as far as needed (`block: "nearest"`) once the
/// page is next drawn: a status line that changed below the fold is seen, not only heard.
pub fn reveal(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"block".into(), &"nearest".into());
        if let Ok(scroll) = js_sys::Reflect::get(&el, &"scrollIntoView".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(Into::into))
        {
            let _ = scroll.call1(&el, &opts);
        }
    });
}

/// Moves focus to the element `id` once the page is next drawn (it may be about to appear).
pub fn focus(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// The text of the first file picked in an `<input type=file>`.
pub async fn read_picked(ev: &web_sys::Event) -> Option<(String, String)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()?;
    // Let the same file be picked again after a fix.
    input.set_value("");
    Some((file.name(), text))
}

pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn set_hash(h: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(h);
    }
}

/// Sets the address's hash without a new entry in the history (Back does not return to the
/// address replaced).
pub fn replace_hash(h: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(h);
    }
}

pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

pub fn prompt(message: &str, default: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.prompt_with_message_and_default(message, default).ok())
        .flatten()
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A fresh id for an assessment: time plus a random part, so two made in one millisecond
/// still differ.
pub fn new_id() -> String {
    format!(
        "{:x}{:06x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 16_777_215.0) as u32
    )
}

/// 128 random bits from the browser's cryptographic generator, as 32 hex digits: a stable
/// id for an assessment that stays the same in every copy of its answers file.
pub fn random_hex128() -> String {
    let bytes = js_sys::Uint8Array::new_with_length(16);
    let crypto = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"crypto".into()).ok());
    let filled = crypto.as_ref().and_then(|c| {
        let get = js_sys::Reflect::get(c, &"getRandomValues".into()).ok()?;
        get.dyn_into::<js_sys::Function>()
            .ok()?
            .call1(c, &bytes)
            .ok()
    });
    if filled.is_none() {
        // No crypto object (very old browsers): the page's generator, still 128 bits.
        for i in 0..16 {
            bytes.set_index(i, (js_sys::Math::random() * 256.0) as u8);
        }
    }
    bytes.to_vec().iter().map(|b| format!("{b:02x}")).collect()
}

/// The tab's title while a page is shown: « {page} — Évaluation PEAS », in the language
/// chosen, so two tabs of the app say which is which; the app's name alone once it goes.
pub fn tab_title(page: impl Fn(crate::present::Lang) -> String + 'static) {
    use leptos::prelude::*;
    let state = super::app_state();
    let set = |t: &str| {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(t);
        }
    };
    Effect::new(move |_| {
        let lang = state.lang.get();
        set(&format!(
            "{} — {}",
            page(lang),
            super::i18n::tr(lang, super::i18n::K::AppName)
        ));
    });
    on_cleanup(move || {
        set(super::i18n::tr(
            state.lang.get_untracked(),
            super::i18n::K::AppName,
        ))
    });
}

/// Adds or removes a class of the page's body (a page marks that it is shown).
pub fn body_class(name: &str, on: bool) {
    if let Some(b) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = b.class_list().toggle_with_force(name, on);
    }
}

/// Shows the scroll hint `hint` (class `shown`) while the table box `wrap` holds more than it
/// shows, at any width (a coordinator's table outgrows even a laptop's screen): checked once
/// the page is drawn and at every resize, until the view that asked goes.
pub fn hint_overflow(wrap: &'static str, hint: &'static str) {
    let check = move || {
        let Some(d) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let (Some(w), Some(h)) = (d.get_element_by_id(wrap), d.get_element_by_id(hint)) {
            let over = w.scroll_width() > w.client_width() + 1;
            let _ = h.class_list().toggle_with_force("shown", over);
        }
    };
    leptos::prelude::request_animation_frame(check);
    let resize = leptos::prelude::window_event_listener(leptos::ev::resize, move |_| check());
    leptos::prelude::on_cleanup(move || resize.remove());
}

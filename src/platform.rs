//! The few browser APIs the views need, each in one small function that never panics.
//! (Native builds compile them for unit tests of other modules; they are only called in a
//! browser.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds since the epoch of an ISO-8601 time, if it parses.
pub fn parse_time_ms(iso: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(iso);
    (!ms.is_nan()).then_some(ms)
}

/// A time in the shopper's own locale and time zone, e.g. "25 Nov 2026, 21:30".
pub fn local_time(iso: &str) -> String {
    match parse_time_ms(iso) {
        Some(ms) => {
            let date = js_sys::Date::new(&JsValue::from_f64(ms));
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            date.to_locale_string("default", &options).into()
        }
        None => iso.to_owned(),
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// sessionStorage (this tab only; never localStorage).
pub fn tab_storage_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

pub fn tab_storage_set(key: &str, value: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn tab_storage_remove(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Dispatches `CustomEvent(name, { detail })` on `window`; `detail_json` is parsed into an object.
pub fn dispatch_window_event(name: &str, detail_json: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    if let Some(detail) = detail_json.and_then(|json| js_sys::JSON::parse(json).ok()) {
        init.set_detail(&detail);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Installs `window.commerceOtp = { session(), signOut() }` for the embedding shop.
pub fn expose_handoff(
    session_json: impl Fn() -> Option<String> + 'static,
    sign_out: impl Fn() + 'static,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let session = Closure::<dyn Fn() -> JsValue>::new(move || {
        session_json()
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .unwrap_or(JsValue::NULL)
    });
    let sign_out = Closure::<dyn Fn()>::new(sign_out);
    let _ = js_sys::Reflect::set(&api, &"session".into(), session.as_ref());
    let _ = js_sys::Reflect::set(&api, &"signOut".into(), sign_out.as_ref());
    let _ = js_sys::Reflect::set(&window, &"commerceOtp".into(), &api);
    // They live as long as the page.
    session.forget();
    sign_out.forget();
}

/// The address the page was opened at: `location.pathname`, `.search` and `.hash`, as the
/// browser gives them (still percent-encoded).
pub fn address() -> (String, String, String) {
    let location = web_sys::window().map(|w| w.location());
    let part = |read: fn(&web_sys::Location) -> Result<String, JsValue>| {
        location
            .as_ref()
            .and_then(|l| read(l).ok())
            .unwrap_or_default()
    };
    (
        part(web_sys::Location::pathname),
        part(web_sys::Location::search),
        part(web_sys::Location::hash),
    )
}

/// Replaces the address (path, query, fragment) without loading anything or adding to history.
pub fn replace_address(path_and_query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(path_and_query));
    }
}

/// Removes the query string from the address bar (and so from history), keeping the path:
/// codes from e-mail links must not linger where a screenshot or a shared URL shows them.
pub fn scrub_query() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if search.is_empty() {
        return;
    }
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&path));
    }
}

/// Removes the element with this id from the document, if there is one.
pub fn remove_element(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.remove();
    }
}

pub fn focus_element(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// A warning for the shop's developers in the console. Never pass a token or a code.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

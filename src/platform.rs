//! The few browser APIs the views need, each in one small function that never panics.
//! Native builds compile them too: for unit tests of other modules, and for
//! `crate::prerender`, which renders the first forms at build time; there every function that
//! reaches the window does nothing (`window()` is `None`), and those that need only
//! JavaScript's built-ins (dates, times) are not called.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The browser's window; `None` outside a browser.
fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Milliseconds since the epoch (0 outside a browser).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// `(iat, exp)`, in seconds, from a JWT's claims (its middle, base64url JSON), if it has them.
/// Read only for its lifetime, never trusted for anything else.
pub fn token_times(jwt: &str) -> Option<(f64, f64)> {
    let payload = jwt.split('.').nth(1)?;
    let mut base64: String = payload
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !base64.len().is_multiple_of(4) {
        base64.push('=');
    }
    let json = window()?.atob(&base64).ok()?;
    let claims = js_sys::JSON::parse(&json).ok()?;
    let number = |key: &str| js_sys::Reflect::get(&claims, &key.into()).ok()?.as_f64();
    Some((number("iat")?, number("exp")?))
}

/// Milliseconds since the epoch of an ISO-8601 time, if it parses.
pub fn parse_time_ms(iso: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(iso);
    (!ms.is_nan()).then_some(ms)
}

/// A time in language `tag` and the shopper's time zone, e.g. "25 Nov 2026, 21:30".
pub fn local_time(iso: &str, tag: &str) -> String {
    match parse_time_ms(iso) {
        Some(ms) => {
            let date = js_sys::Date::new(&JsValue::from_f64(ms));
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            date.to_locale_string(tag, &options).into()
        }
        None => iso.to_owned(),
    }
}

/// localStorage (`device`: this device, across visits) or sessionStorage (this tab only).
fn storage(device: bool) -> Option<web_sys::Storage> {
    let window = window()?;
    let storage = if device {
        window.local_storage()
    } else {
        window.session_storage()
    };
    storage.ok().flatten()
}

fn storage_get(device: bool, key: &str) -> Option<String> {
    storage(device)?.get_item(key).ok().flatten()
}

/// Sets `key` to `value`, or removes it (`None`); a storage the browser refuses is skipped.
fn storage_put(device: bool, key: &str, value: Option<&str>) {
    if let Some(storage) = storage(device) {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

/// localStorage (this device, across visits): for the username a shop asks to remember
/// (`context::USERNAME_KEY`), never a token or a code.
pub fn device_storage_get(key: &str) -> Option<String> {
    storage_get(true, key)
}

pub fn device_storage_set(key: &str, value: &str) {
    storage_put(true, key, Some(value));
}

pub fn device_storage_remove(key: &str) {
    storage_put(true, key, None);
}

/// sessionStorage (this tab only).
pub fn tab_storage_get(key: &str) -> Option<String> {
    storage_get(false, key)
}

pub fn tab_storage_set(key: &str, value: &str) {
    storage_put(false, key, Some(value));
}

pub fn tab_storage_remove(key: &str) {
    storage_put(false, key, None);
}

/// Dispatches `CustomEvent(name, { detail, bubbles: true, composed: true })` on `target`
/// (`window`, or the element); `detail_json` is parsed into an object.
pub fn dispatch_event(target: &web_sys::EventTarget, name: &str, detail_json: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(detail) = js_sys::JSON::parse(detail_json) {
        init.set_detail(&detail);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// `window`, as an event target.
pub fn window_target() -> Option<web_sys::EventTarget> {
    window().map(Into::into)
}

/// Installs the app page's `window.commerceOtp`: `session()`, `signOut()`, and `ready`, a
/// promise web/boot.js created before the app loaded; `resolve` settles it with the object.
pub fn expose_handoff(
    session_json: impl Fn() -> Option<String> + 'static,
    sign_out: impl Fn() + 'static,
    resolve: Option<js_sys::Function>,
) {
    let Some(window) = window() else {
        return;
    };
    let existing = js_sys::Reflect::get(&window, &"commerceOtp".into())
        .ok()
        .filter(JsValue::is_object);
    let api: js_sys::Object = existing.map_or_else(js_sys::Object::new, JsCast::unchecked_into);
    let session = Closure::<dyn Fn() -> JsValue>::new(move || {
        session_json()
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .unwrap_or(JsValue::NULL)
    });
    let sign_out = Closure::<dyn Fn()>::new(sign_out);
    let _ = js_sys::Reflect::set(&api, &"session".into(), session.as_ref());
    let _ = js_sys::Reflect::set(&api, &"signOut".into(), sign_out.as_ref());
    let _ = js_sys::Reflect::set(&window, &"commerceOtp".into(), &api);
    if let Some(resolve) = resolve {
        let _ = resolve.call1(&JsValue::NULL, &api);
    }
    // They live as long as the page.
    session.forget();
    sign_out.forget();
}

/// Whether the page is shown inside a frame of another page.
pub fn is_framed() -> bool {
    let Some(window) = window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// This page's origin, e.g. `https://app.example`.
pub fn own_origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The origin of the page that frames this one, as the browser states it
/// (`location.ancestorOrigins[0]`, Chromium and WebKit), else as the referrer gives it;
/// `None` when neither says.
pub fn parent_origin() -> Option<String> {
    let window = window()?;
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    let first = ancestors
        .filter(|list| !list.is_undefined())
        .map(|list| list.unchecked_into::<web_sys::DomStringList>())
        .and_then(|list| list.item(0));
    first.or_else(|| {
        let referrer = window.document()?.referrer();
        Some(web_sys::Url::new(&referrer).ok()?.origin())
    })
}

/// Posts `message_json` (parsed) to the parent page, delivered only if the parent's origin
/// is `origin` exactly (never `"*"`).
pub fn post_to_parent(origin: &str, message_json: &str) {
    let parent = window().and_then(|w| w.parent().ok().flatten());
    if let (Some(parent), Ok(message)) = (parent, js_sys::JSON::parse(message_json)) {
        let _ = parent.post_message(&message, origin);
    }
}

/// A listener, removed when dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    handler: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.handler.as_ref().unchecked_ref());
    }
}

/// Calls `handler` with the `data` of each message the parent page posts from `origin`;
/// messages from any other window or origin are ignored.
pub fn on_parent_message(origin: String, handler: impl Fn(JsValue) + 'static) -> Option<Listener> {
    let window = window()?;
    let parent = window.parent().ok().flatten()?;
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Ok(event) = event.dyn_into::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = event
            .source()
            .is_some_and(|source| js_sys::Object::is(&source, &parent));
        if from_parent && event.origin() == origin {
            handler(event.data());
        }
    });
    let target: web_sys::EventTarget = window.into();
    target
        .add_event_listener_with_callback("message", handler.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener {
        target,
        kind: "message",
        handler,
    })
}

/// Calls `handler` with the height of the page's content (`<body>`) in CSS pixels, rounded
/// up, now and whenever it changes, for as long as the page lives: what a parent page needs
/// to fit its frame (the document itself is never shorter than the frame).
pub fn observe_page_height(handler: impl Fn(u32) + 'static) {
    let Some(body) = window().and_then(|w| w.document()).and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        handler(height.clamp(0.0, f64::from(u32::MAX)) as u32);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        callback.forget();
    }
}

/// A `BroadcastChannel` between the pages of this origin, closed when dropped. Messages are
/// small JSON objects; never a token.
pub struct Broadcast {
    channel: web_sys::BroadcastChannel,
    _handler: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Broadcast {
    /// Joins the channel `name`; `handler` gets what the others post (not what this one does).
    pub fn join(name: &str, handler: impl Fn(JsValue) + 'static) -> Option<Self> {
        window()?;
        let channel = web_sys::BroadcastChannel::new(name).ok()?;
        let handler =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                handler(event.data())
            });
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _handler: handler,
        })
    }

    pub fn post(&self, message_json: &str) {
        if let Ok(message) = js_sys::JSON::parse(message_json) {
            let _ = self.channel.post_message(&message);
        }
    }
}

impl Drop for Broadcast {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// The string field `key` of a JS object, if it is one.
pub fn string_field(object: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(object, &key.into()).ok()?.as_string()
}

/// `href` resolved against the page's address: `(absolute URL, its origin)`, for `http:`
/// and `https:` addresses only.
pub fn resolve_http_url(href: &str) -> Option<(String, String)> {
    let base = window()?.location().href().ok()?;
    let url = web_sys::Url::new_with_base(href, &base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| (url.href(), url.origin()))
}

/// Leaves for `url` (a full page load; the current page stays in history).
pub fn go_to(url: &str) {
    if let Some(window) = window() {
        let _ = window.location().assign(url);
    }
}

/// The address the page was opened at: `location.pathname`, `.search` and `.hash`, as the
/// browser gives them (still percent-encoded).
pub fn address() -> (String, String, String) {
    let location = window().map(|w| w.location());
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
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(path_and_query));
    }
}

/// Replaces the query string in the address bar (and so in history) with `search`, keeping
/// the path and fragment: codes from e-mail links must not linger where a screenshot or a
/// shared URL shows them.
pub fn replace_query(search: &str) {
    let Some(window) = window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{search}{hash}")));
    }
}

/// Removes the element with this id from the document, if there is one.
pub fn remove_element(id: &str) {
    if let Some(element) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.remove();
    }
}

/// Focuses the element with this id: in `root` (an element's shadow root) when given, else
/// in the document.
/// Focuses the element with this id (in `root`, else the document); `select`: and selects
/// its text, when it is an input.
pub fn focus_element(root: Option<&web_sys::ShadowRoot>, id: &str, select: bool) {
    let found = match root {
        Some(root) => root.get_element_by_id(id),
        None => window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id)),
    };
    let element = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        if select {
            if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                input.select();
            }
        }
    }
}

/// Submits the form an input belongs to as a click on its submit button would
/// (`requestSubmit`: the form's `submit` handler runs).
pub fn submit_form_of(input: &web_sys::EventTarget) {
    let form = input
        .dyn_ref::<web_sys::HtmlInputElement>()
        .and_then(|input| input.form());
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}

/// Whether an `input` event put text in at once rather than typed it: a paste, a drop, or
/// a browser's or keyboard's suggestion (a one-time code from a message, autofill).
pub fn inserted_at_once(event: &web_sys::Event) -> bool {
    match event.dyn_ref::<web_sys::InputEvent>() {
        Some(input) => matches!(
            input.input_type().as_str(),
            "insertFromPaste" | "insertFromDrop" | "insertReplacementText" | ""
        ),
        // Autofill fires a plain `Event`.
        None => true,
    }
}

/// Whether the focused element is inside the element with this id (in `root`, an element's
/// shadow root, when given, else in the document).
pub fn focus_is_inside(root: Option<&web_sys::ShadowRoot>, id: &str) -> bool {
    let document = window().and_then(|w| w.document());
    let (container, active) = match root {
        Some(root) => (root.get_element_by_id(id), root.active_element()),
        None => (
            document.as_ref().and_then(|d| d.get_element_by_id(id)),
            document.as_ref().and_then(|d| d.active_element()),
        ),
    };
    match (container, active) {
        (Some(container), Some(active)) => container.contains(Some(&active)),
        _ => false,
    }
}

/// Sets (`Some`) or removes (`None`) an attribute of the page's root element, `<html>`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// A warning for the shop's developers in the console. Never pass a token or a code.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// The browser's languages in order of preference (`navigator.languages`), BCP 47 tags.
pub fn navigator_languages() -> Vec<String> {
    window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// `Intl` options from `(name, value)` pairs.
fn intl_options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (name, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &(*name).into(), &(*value).into());
    }
    options
}

fn locales(tag: &str) -> js_sys::Array {
    js_sys::Array::of1(&tag.into())
}

/// A wait written out in language `tag` (`Intl.NumberFormat`, unit style, long): "1 second",
/// "45 seconds" up to 90 seconds, then whole minutes rounded up ("2 minutes", "2 Minuten").
/// `tag` is one of the app's languages (`i18n::SHIPPED`): `Intl` throws on a malformed one.
pub fn duration(tag: &str, secs: u32) -> String {
    let (amount, unit) = match secs {
        0..=90 => (secs, "second"),
        _ => (secs.div_ceil(60), "minute"),
    };
    let options = intl_options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "long")]);
    let format = js_sys::Intl::NumberFormat::new(&locales(tag), &options).format();
    format
        .call1(&JsValue::NULL, &amount.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| format!("{amount} {unit}s"))
}

/// Why [`fetch_text`] got no text, in words for the shop's developers.
pub type FetchProblem = String;

/// The text at `url` (a plain GET, so it matches a `<link rel="preload">`; freshness is the
/// host's `Cache-Control`), within the request time limit
/// (`commerce::web::REQUEST_TIMEOUT_MS`); else why not: "the network request failed", "the
/// server answered 404", "the body could not be read", "no answer within 15 s".
pub async fn fetch_text(url: &str) -> Result<String, FetchProblem> {
    use futures::future::{select, Either};
    let get = async {
        let response = gloo_net::http::Request::get(url)
            .send()
            .await
            .map_err(|_| "the network request failed".to_owned())?;
        if !response.ok() {
            return Err(format!("the server answered {}", response.status()));
        }
        response
            .text()
            .await
            .map_err(|_| "the body could not be read".to_owned())
    };
    let limit = crate::commerce::web::REQUEST_TIMEOUT_MS;
    let timeout = gloo_timers::future::TimeoutFuture::new(limit);
    futures::pin_mut!(get);
    match select(get, timeout).await {
        Either::Left((text, _)) => text,
        Either::Right(_) => Err(format!("no answer within {} s", limit / 1000)),
    }
}

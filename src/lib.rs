//! commerce-otp: password reset and passwordless sign-in for Elastic Path Commerce shoppers,
//! with one-time password tokens, as a client-side Leptos app.
//!
//! Layers, each readable alone and using only those before it:
//! `commerce` (typed API client, no views) <- `config` (read once) <- `flows` (the steps and
//! the e-mail link, natively testable), `session` (the signed-in shopper), `handoff` (what the
//! shop hears), `embed` (where the app is shown), `messages` (every sentence about a problem)
//! <- `nav` (moving between steps) and `context` (what pages read from context) <- `hooks`
//! (page behaviour written once) <- `components` <- `pages` <- `app` (the shell).
//! `platform` (the few browser calls) and `routes` (the paths) are leaves any layer may use;
//! `lazy` (split points: code fetched when it is first needed) is one too.
//! Sections cited as `docs/commerce-api.md §N` are the project's notes on the Commerce API.
//!
//! Two entry points, exported to JavaScript: [`start_app`] (the app's own page, from
//! `web/boot.js`, also inside an iframe) and [`mount_widget`] (the `<commerce-otp>` element,
//! from `web/commerce-otp.js`).

pub mod app;
pub mod commerce;
pub mod components;
pub mod config;
pub mod context;
pub mod embed;
pub mod first_form;
pub mod flows;
pub mod handoff;
pub mod hooks;
pub mod i18n;
pub mod lazy;
pub mod messages;
pub mod nav;
pub mod pages;
pub mod platform;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod routes;
pub mod session;

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::Launch;
use crate::embed::{Embedding, Host};
use crate::flows::link::{without_link_params, LinkParams};
use crate::handoff::{Announcement, Channel, SOURCE};
use crate::session::Auth;

/// Mounts the view of `launch` into `parent` in place of the first form shown before the app
/// (if one was: [`first_form`]), with what the shopper did in it, and returns what keeps the
/// view alive (dropping it unmounts the view and ends its timers and listeners) with the
/// session, if the app runs.
fn mount(parent: web_sys::HtmlElement, launch: Launch) -> (Box<dyn Any>, Option<Auth>) {
    let root = launch.host.root.clone();
    let typed = first_form::take(root.as_ref());
    let auth = Rc::new(Cell::new(None));
    let slot = Rc::clone(&auth);
    let handle = leptos::mount::mount_to(parent, move || {
        let (view, session) = app::build(launch);
        slot.set(session);
        view
    });
    if let Some(typed) = typed {
        first_form::restore(typed, root.as_ref());
    }
    (Box::new(handle), auth.get())
}

/// Reads the e-mail link's parameters from the address and removes them from it (the
/// others stay).
fn read_link() -> LinkParams {
    let (_, search, _) = platform::address();
    let link = LinkParams::parse(&search);
    let rest = without_link_params(&search);
    if rest != search {
        platform::replace_query(&rest);
    }
    link
}

/// Starts the app on its own page (`index.html`, through `web/boot.js`), or in an iframe:
/// works out where the app lives (`routes::entry`), reads the e-mail link, reads
/// `config.json` beside the page (`config`, its text as boot.js read it, else fetched here),
/// mounts on `<body>` in place of the first form boot.js showed ([`first_form`]), then
/// installs `window.commerceOtp` (settling the `ready` promise boot.js made, with `resolve`)
/// and announces `ready`.
#[wasm_bindgen(js_name = startApp)]
pub fn start_app(resolve: Option<js_sys::Function>, config: Option<String>) {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(start(resolve, config));
}

async fn start(resolve: Option<js_sys::Function>, config: Option<String>) {
    let (pathname, search, hash) = platform::address();
    let entry = routes::entry(&pathname, &search, &hash);
    if let Some(address) = &entry.replace_with {
        platform::replace_address(address);
    }
    let (pathname, _, _) = platform::address();
    let link = read_link();
    let config = match config {
        Some(text) => config::parse_config(&text),
        None => config::load("config.json").await,
    };

    let own_origin = platform::own_origin();
    let framed = platform::is_framed();
    let channel = match (&config, framed) {
        (_, false) => Channel::Window,
        (Ok(config), true) => handoff::allowed_parent(
            &own_origin,
            platform::parent_origin(),
            &config.embed_origins,
        )
        .map_or(Channel::Nowhere, |origin| Channel::Parent { origin }),
        (Err(_), true) => Channel::Nowhere,
    };
    let base = entry.base;
    let app_url = format!("{own_origin}{base}/");
    let language = i18n::first_language(None, config.as_ref().ok(), &app_url).await;
    let page = pathname.strip_prefix(base.as_str()).unwrap_or(&pathname);
    let host = Host {
        embedding: if framed {
            Embedding::Frame
        } else {
            Embedding::Page
        },
        channel: channel.clone(),
        root: None,
        app_url,
        first: routes::page(page).unwrap_or(routes::START),
        cancel: true,
    };
    // In a frame the link's return address is the parent's business (it hears `signed-in`).
    let return_to = link.return_to.clone().filter(|_| !framed);
    // index.html's "Loading…", shown until now (and for good if the app cannot load).
    platform::remove_element("loading");
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let launch = Launch {
        config,
        language,
        host,
        link,
        return_to,
        base,
    };
    let (handle, auth) = mount(body, launch);
    // The app's page lives as long as the tab.
    std::mem::forget(handle);

    match (&channel, auth) {
        (Channel::Window, auth) => platform::expose_handoff(
            move || auth.and_then(|auth| auth.session_json()),
            move || {
                if let Some(auth) = auth {
                    auth.sign_out();
                }
            },
            resolve,
        ),
        (Channel::Parent { origin }, Some(auth)) => {
            let parent = channel.clone();
            platform::observe_page_height(move |height| {
                parent.announce(Announcement::Resize { height });
            });
            // The parent may sign the shopper out; nobody else may.
            let listener = platform::on_parent_message(origin.clone(), move |message| {
                let from_us = platform::string_field(&message, "source").as_deref() == Some(SOURCE);
                if from_us
                    && platform::string_field(&message, "type").as_deref() == Some("sign-out")
                {
                    auth.sign_out();
                }
            });
            std::mem::forget(listener);
        }
        _ => {}
    }
    if let Some(auth) = auth {
        auth.announce_ready();
    }
}

/// One `<commerce-otp>` element's app, returned by [`mount_widget`] to the element's script.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<Box<dyn Any>>,
    auth: Option<Auth>,
}

#[wasm_bindgen]
impl Widget {
    /// The signed-in session (`{ username, account_member_id, account_id, account_name, token,
    /// expires }`), or `null`.
    pub fn session(&self) -> JsValue {
        self.auth
            .and_then(|auth| auth.session_json())
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Signs the shopper out here and in the app's other tabs and elements of this origin.
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self) {
        if let Some(auth) = self.auth {
            auth.sign_out();
        }
    }

    /// Announces a restored session (`signed-in`, `restored: true`) and `ready`; called by the
    /// element once its `session` reads from this widget.
    #[wasm_bindgen(js_name = announceReady)]
    pub fn announce_ready(&self) {
        if let Some(auth) = self.auth {
            auth.announce_ready();
        }
    }

    /// Removes the app from the element: its view, timers, listeners and channel end.
    pub fn unmount(&mut self) {
        self.auth = None;
        self.handle = None;
    }
}

/// Mounts the app for one `<commerce-otp>` element (called by `web/commerce-otp.js`):
/// `element` is the element (events are dispatched on it), `container` a `<div>` in its
/// shadow root, where the loader may have shown the first form ([`first_form`]). `options`:
/// `{ flow, config, configText, locale, returnTo, readLink, cancel, appUrl }`, strings
/// (absolute URLs for `config` and `appUrl`; `configText`, config.json's text as the loader
/// read it, else it is fetched here) and booleans.
#[wasm_bindgen(js_name = mountWidget)]
pub async fn mount_widget(
    element: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    options: JsValue,
) -> Widget {
    console_error_panic_hook::set_once();
    let option = |key: &str| platform::string_field(&options, key);
    let reads_link = js_sys::Reflect::get(&options, &"readLink".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let link = if reads_link {
        read_link()
    } else {
        LinkParams::default()
    };
    let config = match option("configText") {
        Some(text) => config::parse_config(&text),
        None => config::load(&option("config").unwrap_or_else(|| "config.json".into())).await,
    };
    let flow = option("flow").unwrap_or_default();
    let first = embed::first_step(&flow, link.token.is_some()).unwrap_or_else(|| {
        platform::warn(
            "commerce-otp: flow is one of sign-in, reset, passwordless; showing sign-in",
        );
        routes::SIGN_IN
    });
    let app_url = option("appUrl").unwrap_or_default();
    let language = i18n::first_language(option("locale"), config.as_ref().ok(), &app_url).await;
    let host = Host {
        embedding: Embedding::Element,
        channel: Channel::Element(element),
        root: container
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok(),
        app_url,
        first,
        cancel: js_sys::Reflect::get(&options, &"cancel".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true),
    };
    let launch = Launch {
        config,
        language,
        host,
        link,
        return_to: option("returnTo"),
        base: String::new(),
    };
    let (handle, auth) = mount(container, launch);
    Widget {
        handle: Some(handle),
        auth,
    }
}

//! Moving between the app's steps: through the browser's history on the app's own page
//! (leptos_router), in memory when embedded, where the shop's address bar and history are not
//! the app's to change. Pages only say where to go ([`Nav::go`]) and link with [`Link`].

use std::rc::Rc;

use leptos::prelude::*;
use leptos::web_sys::MouseEvent;
use leptos_router::NavigateOptions;

use crate::embed::ReturnTo;
use crate::platform;
use crate::routes;
use crate::session::Next;

type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

#[derive(Clone, Copy)]
enum How {
    /// leptos_router's `navigate`; paths are relative to the router's base.
    History {
        navigate: StoredValue<Navigate, LocalStorage>,
        base: StoredValue<String>,
    },
    /// The current step in a signal; links point at the app's own page in a new tab.
    Memory {
        current: RwSignal<Option<&'static str>>,
        first: &'static str,
        app_url: StoredValue<String>,
    },
}

/// Where the shopper is, and how to move. `Copy`: take it as a page opens and use it in
/// closures and after `.await`s.
#[derive(Clone, Copy)]
pub struct Nav {
    /// The current step: one of `routes::ALL`, `None` for an unknown address.
    screen: Signal<Option<&'static str>>,
    how: How,
    /// Whether the shopper has moved since the app opened (focus follows only then, when
    /// embedded).
    moved: RwSignal<bool>,
    return_to: StoredValue<ReturnTo>,
}

impl Nav {
    /// History navigation under `base`; call inside leptos_router's `<Router>`.
    pub fn history(base: String, return_to: ReturnTo) -> Self {
        let location = leptos_router::hooks::use_location();
        let navigate: Navigate = Rc::new(leptos_router::hooks::use_navigate());
        let prefix = base.clone();
        let screen = Memo::new(move |_| {
            location
                .pathname
                .with(|path| routes::page(path.strip_prefix(prefix.as_str()).unwrap_or(path)))
        });
        Self {
            screen: screen.into(),
            how: How::History {
                navigate: StoredValue::new_local(navigate),
                base: StoredValue::new(base),
            },
            moved: RwSignal::new(false),
            return_to: StoredValue::new(return_to),
        }
    }

    /// Navigation in memory, starting at `start`; "Cancel" and a sign-out go back to `first`
    /// (the step the shop asked for); `app_url` is the app's folder (for links).
    pub fn memory(
        start: &'static str,
        first: &'static str,
        app_url: String,
        return_to: ReturnTo,
    ) -> Self {
        let current = RwSignal::new(Some(start));
        Self {
            screen: current.into(),
            how: How::Memory {
                current,
                first,
                app_url: StoredValue::new(app_url),
            },
            moved: RwSignal::new(false),
            return_to: StoredValue::new(return_to),
        }
    }

    /// The current step (`routes::ALL`), `None` when the address names no page.
    pub fn screen(&self) -> Signal<Option<&'static str>> {
        self.screen
    }

    /// Whether the shopper has moved to another step since the app opened.
    pub fn moved(&self) -> bool {
        self.moved.try_get_untracked().unwrap_or(false)
    }

    fn to(&self, page: &'static str, replace: bool) {
        self.moved.try_set(true);
        match self.how {
            How::History { navigate, .. } => {
                if let Some(navigate) = navigate.try_get_value() {
                    navigate(
                        page,
                        NavigateOptions {
                            replace,
                            ..Default::default()
                        },
                    );
                }
            }
            How::Memory { current, .. } => {
                current.try_set(Some(page));
            }
        }
    }

    /// Goes to `page` (one of `routes`).
    pub fn go(&self, page: &'static str) {
        self.to(page, false);
    }

    /// Goes to `page` in place of the current entry, so Back does not return to a form whose
    /// code or password has been used.
    pub fn replace(&self, page: &'static str) {
        self.to(page, true);
    }

    /// Back to the first step (embedded, after "Cancel"); the app's own page goes to its start.
    pub fn restart(&self) {
        match self.how {
            How::History { .. } => self.go(routes::START),
            How::Memory { first, .. } => self.replace(first),
        }
    }

    /// The `href` of `page`: under the router's base on the app's own page
    /// (`/account/otp/sign_in`); when embedded, the app's own page for that step
    /// (`https://app.example/otp/#/sign_in`), which a click opening a new tab gets.
    pub fn href(&self, page: &'static str) -> String {
        match self.how {
            How::History { base, .. } => format!("{}{page}", base.get_value()),
            How::Memory { app_url, .. } => format!("{}#{page}", app_url.get_value()),
        }
    }

    /// Where a sign-in leads: the account choice, else back to the shop when a `return_to`
    /// was allowed, else the signed-in page.
    pub fn after_sign_in(&self, next: Next) {
        match (next, self.return_to.try_get_value()) {
            (Next::ChooseAccount, _) => self.replace(routes::CHOOSE_ACCOUNT),
            (Next::SignedIn, Some(ReturnTo::Allowed(url))) => platform::go_to(&url),
            (Next::SignedIn, _) => self.replace(routes::ACCOUNT),
        }
    }

    /// Whether a `return_to` was asked for and refused.
    pub fn return_refused(&self) -> bool {
        self.return_to.try_get_value() == Some(ReturnTo::Refused)
    }
}

/// A link to one of the app's steps. On the app's own page the router follows it; embedded,
/// a plain click moves in memory and a click that opens a new tab gets the app's own page.
#[component]
pub fn Link(
    to: &'static str,
    /// Classes of the `<a>`, e.g. `"button primary"`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let in_memory = matches!(nav.how, How::Memory { .. });
    let on_click = move |ev: MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if in_memory && plain {
            ev.prevent_default();
            nav.go(to);
        }
    };
    view! {
        <a href=nav.href(to) class=(!class.is_empty()).then_some(class) on:click=on_click>
            {children()}
        </a>
    }
}

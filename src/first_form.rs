//! The hand-over from the first form the page showed before the wasm arrived
//! (`web/first-form.js` shows it from `first-forms/<language>.html`, which
//! [`crate::prerender`] renders at build time) to the app: what the shopper typed, where the
//! focus and caret were, and a submit or a press made in the meantime. Nothing typed is lost,
//! and a submit is made once, by the app.
//!
//! first-form.js puts the form in `<div id="first-form">` and keeps what the shopper last did
//! that only the app can do in that element's `data-action`: `submit` (the browser sent
//! nothing), or `press N`, a press of the `N`th (from 0) of its links and buttons other than
//! the submit button. The app's page has the same links, buttons and fields in the same order
//! (it is the same view; the e2e tests compare them).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, NodeList, ShadowRoot};

/// The id of the element web/first-form.js shows the first form in.
pub const ID: &str = "first-form";

/// In the first forms ([`crate::prerender`]), stands for `config.json` `store_name`, which
/// web/first-form.js puts in its place (a test checks that it has the same).
pub const STORE: &str = "\u{E000}store\u{E001}";
/// In the first forms, stands for the e-mail link's `username`: a valid e-mail address, so
/// that the form shows as it does for a good link.
pub const USERNAME: &str = "first-form.username@example.invalid";

/// What can hold the focus in a form, for finding its place again in the app's page: fields,
/// buttons, links and the heading (which takes the focus as the form shows).
const FOCUSABLE: &str = "a, button, input, select, textarea, h1, h2";

/// What the shopper did in the first form.
#[derive(Debug, Default)]
pub struct Typed {
    /// `(id, value, checked)` of each field with an id; `checked` for checkboxes.
    fields: Vec<(String, String, Option<bool>)>,
    /// Where the focus was: the place of the focused element among the form's [`FOCUSABLE`]
    /// ones (the app's page has the same ones in the same order), and the selection of a field
    /// (`start`, `end`, in UTF-16 units) if it has one.
    focus: Option<(u32, Option<(u32, u32)>)>,
    /// What the shopper last did that only the app can do.
    action: Option<Action>,
}

/// A submit, or a press of the `N`th link or button (`data-action`).
#[derive(Debug, PartialEq, Eq)]
enum Action {
    Submit,
    Press(u32),
}

impl Action {
    fn parse(value: &str) -> Option<Self> {
        match value.split_once(' ') {
            None if value == "submit" => Some(Self::Submit),
            Some(("press", index)) => index.parse().ok().map(Self::Press),
            _ => None,
        }
    }
}

/// Where the first form and the app are: the document (the app's own page), or an element's
/// shadow root.
enum Scope {
    // Built only in a browser.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Document(web_sys::Document),
    Shadow(ShadowRoot),
}

impl Scope {
    fn of(root: Option<&ShadowRoot>) -> Option<Self> {
        if let Some(root) = root {
            return Some(Self::Shadow(root.clone()));
        }
        #[cfg(target_arch = "wasm32")]
        return web_sys::window()?.document().map(Self::Document);
        #[cfg(not(target_arch = "wasm32"))]
        None
    }

    fn by_id(&self, id: &str) -> Option<Element> {
        match self {
            Self::Document(document) => document.get_element_by_id(id),
            Self::Shadow(root) => root.get_element_by_id(id),
        }
    }

    fn focused(&self) -> Option<Element> {
        match self {
            Self::Document(document) => document.active_element(),
            Self::Shadow(root) => root.active_element(),
        }
    }

    fn first(&self, selectors: &str) -> Option<Element> {
        match self {
            Self::Document(document) => document.query_selector(selectors),
            Self::Shadow(root) => root.query_selector(selectors),
        }
        .ok()
        .flatten()
    }

    fn all(&self, selectors: &str) -> Option<NodeList> {
        match self {
            Self::Document(document) => document.query_selector_all(selectors),
            Self::Shadow(root) => root.query_selector_all(selectors),
        }
        .ok()
    }
}

/// Takes the first form out of the page (`root`: out of an element's shadow root), with what
/// the shopper did in it; `None` when there is none.
pub fn take(root: Option<&ShadowRoot>) -> Option<Typed> {
    let scope = Scope::of(root)?;
    let shell = scope.by_id(ID)?;
    let mut typed = Typed {
        action: shell
            .get_attribute("data-action")
            .as_deref()
            .and_then(Action::parse),
        ..Typed::default()
    };
    if let Ok(inputs) = shell.query_selector_all("input[id]") {
        for index in 0..inputs.length() {
            let Some(input) = inputs
                .item(index)
                .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            let checked = (input.type_() == "checkbox").then(|| input.checked());
            typed.fields.push((input.id(), input.value(), checked));
        }
    }
    let focused = scope
        .focused()
        .filter(|element| shell.contains(Some(element)));
    if let (Some(element), Ok(all)) = (focused, shell.query_selector_all(FOCUSABLE)) {
        let place = (0..all.length()).find(|&index| {
            all.item(index)
                .is_some_and(|node| node.is_same_node(Some(&element)))
        });
        let selection = element.dyn_ref::<HtmlInputElement>().and_then(|input| {
            let start = input.selection_start().ok().flatten()?;
            let end = input.selection_end().ok().flatten()?;
            Some((start, end))
        });
        typed.focus = place.map(|place| (place, selection));
    }
    shell.remove();
    Some(typed)
}

/// Puts what the shopper did into the app, now in place of the first form (in `root`, an
/// element's shadow root, or the page): each value into the field of the same id as if typed
/// (the `input` or `change` event the views listen to), the focus and caret back, then the
/// submit or the press, if there was one.
pub fn restore(typed: Typed, root: Option<&ShadowRoot>) {
    let Some(scope) = Scope::of(root) else {
        return;
    };
    let field = |id: &str| {
        scope
            .by_id(id)
            .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
    };
    for (id, value, checked) in &typed.fields {
        let Some(input) = field(id) else {
            continue;
        };
        let event = match checked {
            Some(checked) if input.checked() != *checked => {
                input.set_checked(*checked);
                "change"
            }
            None if !value.is_empty() && input.value() != *value => {
                input.set_value(value);
                "input"
            }
            _ => continue,
        };
        if let Ok(event) = web_sys::Event::new(event) {
            let _ = input.dispatch_event(&event);
        }
    }
    if let Some((place, selection)) = &typed.focus {
        if let Some(element) = scope
            .all(FOCUSABLE)
            .and_then(|all| all.item(*place))
            .and_then(|node| node.dyn_into::<HtmlElement>().ok())
        {
            let _ = element.focus();
            if let (Some((start, end)), Some(input)) =
                (selection, element.dyn_ref::<HtmlInputElement>())
            {
                // Not every input type has a selection (email has none): nothing to restore.
                let _ = input.set_selection_range(*start, *end);
            }
        }
    }
    match typed.action {
        Some(Action::Submit) => {
            let form = scope
                .first("form")
                .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
            if let Some(form) = form {
                let _ = form.request_submit();
            }
        }
        Some(Action::Press(index)) => {
            let pressed = scope
                .all("a, button")
                .and_then(|all| all.item(index))
                .and_then(|node| node.dyn_into::<HtmlElement>().ok());
            if let Some(button) = pressed {
                button.click();
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::Action;

    #[test]
    fn actions() {
        assert_eq!(Action::parse("submit"), Some(Action::Submit));
        assert_eq!(Action::parse("press 3"), Some(Action::Press(3)));
        assert_eq!(Action::parse("press -1"), None);
        assert_eq!(Action::parse("press"), None);
        assert_eq!(Action::parse(""), None);
    }
}

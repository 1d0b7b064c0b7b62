//! Component tests in headless Chromium (wasm-bindgen-test): mount a piece of the app, act as
//! a shopper would, and check what the shopper sees. Elements are found by their labels.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use commerce_otp::app::{build, Launch};
use commerce_otp::commerce::http::Transport;
use commerce_otp::commerce::web::WebTransport;
use commerce_otp::commerce::{
    AccountManagementToken, AccountMemberId, AccountToken, AccountTokens, CommerceError, Purpose,
};
use commerce_otp::components::{CodeInput, ErrorMessage, NewCodeLink};
use commerce_otp::config::{parse_config, Config, ConfigError};
use commerce_otp::embed::{Embedding, Host};
use commerce_otp::flows::link::LinkParams;
use commerce_otp::handoff::Channel;
use commerce_otp::hooks::NewCode;
use commerce_otp::i18n::I18n;
use commerce_otp::routes;
use commerce_otp::session::{Auth, Next};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Nothing listens on port 9 of this machine: every call fails as offline.
const OFFLINE_CONFIG: &str = r#"{"client_id":"test","api_base":"http://127.0.0.1:9",
    "authentication_realm_id":"3418c54e-d768-42c1-a9db-d7afd2a18452",
    "password_profile_id":"9a44bb7e-e377-4382-b36e-c8030aad1c2d"}"#;

fn host() -> HtmlElement {
    let document = document();
    let host = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let host = host.expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    host
}

fn query(root: &HtmlElement, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// The input whose `<label>` reads `text`, as a screen reader would find it.
fn input_labelled(root: &HtmlElement, text: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").expect("labels");
    for i in 0..labels.length() {
        let Some(label) = labels.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if label.text_content().as_deref() == Some(text) {
            let id = label.get_attribute("for").expect("label has for");
            return query(root, &format!("#{id}"))
                .expect("labelled input")
                .unchecked_into();
        }
    }
    panic!("no input labelled {text:?}");
}

fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatched");
}

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").expect("buttons");
    for i in 0..buttons.length() {
        let Some(b) = buttons
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        else {
            continue;
        };
        if b.text_content().as_deref() == Some(text) {
            return b;
        }
    }
    panic!("no button {text:?}");
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

/// Waits until `check` holds, for up to 10 s: network answers take real time.
async fn eventually(what: &str, check: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if check() {
            return;
        }
        WebTransport.sleep(50).await;
    }
    panic!("timed out waiting for: {what}");
}

#[wasm_bindgen_test]
async fn code_input_is_labelled_and_keeps_what_is_typed() {
    let root = host();
    let value = RwSignal::new(String::new());
    let _app = mount_to(root.clone(), move || {
        english();
        view! { <CodeInput value=value error=RwSignal::new(None) /> }
    });
    let input = input_labelled(&root, "Code from your e-mail");
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    type_into(&input, "LPR VJ4");
    leptos::task::tick().await;
    assert_eq!(
        value.get_untracked(),
        "LPR VJ4",
        "normalised only when the form is checked"
    );
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

/// Mounts the app as a `<commerce-otp>` element would (in memory, announcing on `root`) at
/// the step `first`; returns the session and what keeps the app mounted.
fn mount_app(
    root: &HtmlElement,
    config: Result<Config, ConfigError>,
    first: &'static str,
) -> (Option<Auth>, impl Sized) {
    let launch = Launch {
        language: None,
        config,
        host: Host {
            embedding: Embedding::Element,
            channel: Channel::Element(root.clone()),
            root: None,
            app_url: "http://127.0.0.1:9/".into(),
            first,
            cancel: true,
        },
        link: LinkParams::default(),
        return_to: None,
        base: String::new(),
    };
    let slot = Rc::new(Cell::new(None));
    let out = Rc::clone(&slot);
    let app = mount_to(root.clone(), move || {
        let (view, auth) = build(launch);
        out.set(auth);
        view
    });
    (slot.get(), app)
}

/// Mounts the change-password page against an offline store and fills in e-mail, code,
/// new password and its confirmation. Dropping the handle unmounts it.
async fn change_password_filled(values: [&str; 4]) -> (HtmlElement, impl Sized) {
    let root = host();
    let config = parse_config(OFFLINE_CONFIG).expect("config");
    let (_, app) = mount_app(&root, Ok(config), routes::CHANGE_PASSWORD);
    leptos::task::tick().await;
    let labels = [
        "E-mail address",
        "Code from your e-mail",
        "New password",
        "New password again",
    ];
    for (label, value) in labels.into_iter().zip(values) {
        type_into(&input_labelled(&root, label), value);
    }
    (root, app)
}

#[wasm_bindgen_test]
async fn change_password_checks_every_field_before_sending_and_keeps_input() {
    let (root, _app) =
        change_password_filled(["John.Doe@Banks.com", "abc", "short", "different"]).await;
    button(&root, "Change password").click();
    leptos::task::tick().await;

    let shown = text(&root);
    assert!(shown.contains("The code has 6 characters."), "{shown}");
    assert!(shown.contains("Use at least 8 characters."), "{shown}");
    assert!(
        shown.contains("The two passwords are not the same."),
        "{shown}"
    );
    let code = input_labelled(&root, "Code from your e-mail");
    assert_eq!(code.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("code")
    );
    assert_eq!(
        input_labelled(&root, "New password again").value(),
        "different"
    );
    // Nothing was sent: no error from the (offline) store.
    assert_eq!(
        query(&root, "[role=alert]")
            .and_then(|a| a.text_content())
            .as_deref(),
        Some("")
    );
}

#[wasm_bindgen_test]
async fn an_unreachable_store_is_explained_and_nothing_typed_is_lost() {
    let (root, _app) = change_password_filled([
        "john.doe@banks.com",
        "LPRVJ4",
        "Blue-Harbour-42",
        "Blue-Harbour-42",
    ])
    .await;
    button(&root, "Change password").click();

    let alert = query(&root, "[role=alert]").expect("a live region");
    eventually("the network error", || {
        alert
            .text_content()
            .unwrap_or_default()
            .contains("We couldn't reach the store")
    })
    .await;
    assert_eq!(
        input_labelled(&root, "New password").value(),
        "Blue-Harbour-42"
    );
    assert_eq!(
        input_labelled(&root, "Code from your e-mail").value(),
        "LPRVJ4"
    );
    // Ready for another try.
    assert_eq!(
        button(&root, "Change password")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn one_new_code_control_counts_down_while_asking_must_wait() {
    let root = host();
    let asked = RwSignal::new(0);
    let wait = RwSignal::new(27_u32);
    let error = RwSignal::new(Some(CommerceError::CodeRejected));
    let _app = mount_to(root.clone(), move || {
        english();
        let new_code = NewCode {
            send: Callback::new(move |()| asked.update(|n| *n += 1)),
            ready: Signal::derive(move || wait.get() == 0),
            sending: Signal::stored(false),
            wait_secs: wait.into(),
        };
        view! {
            <ErrorMessage error=error />
            <NewCodeLink new_code=new_code />
        }
    });
    leptos::task::tick().await;
    assert!(text(&root).contains("That code didn't work"));
    assert!(text(&root).contains("send yourself a new code"));
    let resend = button(&root, "Send a new code in 0:27");
    assert_eq!(
        resend.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    wait.set(0);
    leptos::task::tick().await;
    button(&root, "Send a new code").click();
    assert_eq!(asked.get_untracked(), 1);
    assert_eq!(
        root.query_selector_all("button").map(|b| b.length()).ok(),
        Some(1),
        "one control"
    );
}

#[wasm_bindgen_test]
async fn the_start_page_offers_only_the_configured_flows() {
    let root = host();
    let config = parse_config(
        &OFFLINE_CONFIG.replace("\"test\",", "\"test\",\"flows\":[\"reset_password\"],"),
    )
    .expect("config");
    assert!(!config.offers(Purpose::PasswordlessAuthentication));
    let _app = mount_app(&root, Ok(config), routes::START);
    leptos::task::tick().await;
    let shown = text(&root);
    assert!(shown.contains("Forgot your password?"), "{shown}");
    assert!(!shown.contains("one-time code"), "{shown}");
}

#[wasm_bindgen_test]
async fn a_bad_config_shows_a_page_that_lists_every_problem() {
    let root = host();
    let config = parse_config(r#"{"client_id":"","flows":["sso"]}"#);
    let _app = mount_app(&root, config, routes::START);
    leptos::task::tick().await;
    let shown = text(&root);
    assert!(
        shown.contains("Sign-in is unavailable right now"),
        "{shown}"
    );
    let problems = root.query_selector_all(".problems li").expect("list");
    assert_eq!(problems.length(), 4, "{shown}");
}

fn tokens(accounts: &[(&str, &str)]) -> AccountTokens {
    AccountTokens {
        member_id: AccountMemberId::new("c825bd75-c12a-4918-ad46-11ffbe3ad616"),
        accounts: accounts
            .iter()
            .map(|(id, name)| AccountToken {
                account_id: (*id).into(),
                account_name: (*name).into(),
                token: AccountManagementToken::new(format!("header.{id}.signature")),
                expires: "2999-01-01T00:00:00.000Z".into(),
            })
            .collect(),
    }
}

/// Provides the messages in English, as the app shell does, for a component mounted alone.
fn english() {
    provide_context(I18n::new(
        None,
        vec!["en".into()],
        Vec::new(),
        String::new(),
        false,
    ));
}

/// Mounts the app at the step `page`; returns the `Auth` it uses.
fn mount_page(page: &'static str) -> (HtmlElement, Auth, impl Sized) {
    let root = host();
    let config = parse_config(OFFLINE_CONFIG).expect("config");
    let (auth, app) = mount_app(&root, Ok(config), page);
    (root, auth.expect("auth provided"), app)
}

#[wasm_bindgen_test]
async fn a_member_of_several_accounts_picks_one() {
    let (root, auth, _app) = mount_page(routes::CHOOSE_ACCOUNT);
    let next = auth.complete(
        "jane.smith@example.com",
        tokens(&[("a1", "Personal Account"), ("a2", "Banks Garden Supplies")]),
    );
    assert_eq!(next, Next::ChooseAccount);
    leptos::task::tick().await;
    button(&root, "Personal Account");
    button(&root, "Banks Garden Supplies").click();
    leptos::task::tick().await;
    let session = auth.session().get_untracked().expect("signed in");
    assert_eq!(
        (session.account_id.as_str(), session.token.as_str()),
        ("a2", "header.a2.signature")
    );
    assert!(
        auth.pending_choice().get_untracked().is_none(),
        "the other tokens are dropped"
    );
}

#[wasm_bindgen_test]
async fn the_signed_in_page_shows_the_account_and_signs_out() {
    let (root, auth, _app) = mount_page(routes::ACCOUNT);
    assert_eq!(
        auth.complete("john.doe@banks.com", tokens(&[("a1", "Personal Account")])),
        Next::SignedIn
    );
    leptos::task::tick().await;
    let shown = text(&root);
    assert!(
        shown.contains("Personal Account") && shown.contains("Signed in until"),
        "{shown}"
    );
    let storage = window()
        .session_storage()
        .ok()
        .flatten()
        .expect("sessionStorage");
    assert!(storage
        .get_item("commerce-otp.session")
        .ok()
        .flatten()
        .is_some());
    assert_eq!(
        window()
            .local_storage()
            .ok()
            .flatten()
            .map(|s| s.length().unwrap_or(0)),
        Some(0)
    );

    button(&root, "Sign out").click();
    leptos::task::tick().await;
    assert!(text(&root).contains("You're not signed in"));
    assert!(storage
        .get_item("commerce-otp.session")
        .ok()
        .flatten()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_app_page_shows_the_logo_and_the_configured_theme() {
    let root = host();
    let config = parse_config(&OFFLINE_CONFIG.replace(
        "\"test\",",
        "\"test\",\"logo_url\":\"logo.svg\",\"theme\":\"dark\",\"store_name\":\"Banks & Co\",",
    ))
    .expect("config");
    let launch = Launch {
        language: None,
        config: Ok(config),
        host: Host {
            embedding: Embedding::Page,
            channel: Channel::Nowhere,
            root: None,
            app_url: "http://127.0.0.1:9/".into(),
            first: routes::START,
            cancel: false,
        },
        link: LinkParams::default(),
        return_to: None,
        base: String::new(),
    };
    let _app = mount_to(root.clone(), move || build(launch).0);
    leptos::task::tick().await;
    let logo = query(&root, "header.site img").expect("the logo");
    assert_eq!(logo.get_attribute("src").as_deref(), Some("logo.svg"));
    assert_eq!(
        document()
            .document_element()
            .and_then(|html| html.get_attribute("data-theme"))
            .as_deref(),
        Some("dark")
    );
    assert!(text(&root).contains("Banks & Co"));
}

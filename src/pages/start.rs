use leptos::prelude::*;

use super::SignIn;

/// The first page: the sign-in form, with "E-mail me a code" and "Forgot your password?"
/// beneath it (`SignIn`).
#[component]
pub fn Start() -> impl IntoView {
    view! { <SignIn /> }
}

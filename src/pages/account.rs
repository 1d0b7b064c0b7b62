use leptos::prelude::*;

use crate::components::Page;
use crate::context::{use_auth, use_nav};
use crate::nav::Link;
use crate::platform;
use crate::routes;
use crate::session::Next;

/// Picks the account to act for when the member belongs to several.
#[component]
pub fn ChooseAccount() -> impl IntoView {
    let auth = use_auth();
    let nav = use_nav();
    let choices = move || {
        auth.pending_choice()
            .get()
            .map(|p| p.tokens.accounts)
            .unwrap_or_default()
    };
    view! {
        <Page title="Choose an account">
            <Show
                when=move || auth.pending_choice().with(Option::is_some)
                fallback=|| {
                    view! {
                        <p>"There is no sign-in waiting for a choice."</p>
                        <p><Link to=routes::START>"Start again"</Link></p>
                    }
                }
            >
                <p>"You're a member of several accounts. Which one do you want to use?"</p>
                <ul class="choices">
                    <For each=choices key=|a| a.account_id.clone() let:account>
                        {
                            let id = account.account_id.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="choice"
                                        on:click=move |_| {
                                            if auth.choose(&id) {
                                                nav.after_sign_in(Next::SignedIn);
                                            }
                                        }
                                    >
                                        {account.account_name.clone()}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </Page>
    }
}

/// The signed-in page: which account, until when, and "Sign out".
#[component]
pub fn Account() -> impl IntoView {
    let auth = use_auth();
    let nav = use_nav();
    view! {
        {move || match auth.session().get().filter(|s| !s.is_expired()) {
            Some(session) => {
                view! {
                    <Page title="You're signed in">
                        {nav.return_refused().then(|| view! {
                            <div class="error" role="status">
                                <p>
                                    "We couldn't take you back to where you came from: the link's return address isn't one this store allows."
                                </p>
                            </div>
                        })}
                        <dl class="summary">
                            <dt>"Account"</dt>
                            <dd data-testid="account-name">{session.account_name.clone()}</dd>
                            <dt>"Signed in as"</dt>
                            <dd><bdi>{session.username.clone()}</bdi></dd>
                            <dt>"Signed in until"</dt>
                            <dd>
                                <time datetime=session.expires.clone()>{platform::local_time(&session.expires)}</time>
                            </dd>
                        </dl>
                        <button type="button" class="secondary" on:click=move |_| auth.sign_out()>
                            "Sign out"
                        </button>
                    </Page>
                }
                    .into_any()
            }
            None => {
                view! {
                    <Page title="You're not signed in">
                        <p><Link to=routes::SIGN_IN>"Sign in"</Link></p>
                    </Page>
                }
                    .into_any()
            }
        }}
    }
}

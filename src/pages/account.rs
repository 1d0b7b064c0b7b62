use leptos::prelude::*;

use crate::components::Page;
use crate::context::{use_auth, use_nav};
use crate::i18n::{tr, use_i18n};
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
        <Page title=tr("choose-account-title")>
            <Show
                when=move || auth.pending_choice().with(Option::is_some)
                fallback=|| {
                    view! {
                        <p>{tr("no-choice-waiting")}</p>
                        <p><Link to=routes::START>{tr("start-again")}</Link></p>
                    }
                }
            >
                <p>{tr("choose-account-intro")}</p>
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
    let i18n = use_i18n();
    let auth = use_auth();
    let nav = use_nav();
    view! {
        {move || match auth.session().get().filter(|s| !s.is_expired()) {
            Some(session) => {
                let expires = session.expires.clone();
                view! {
                    <Page title=tr("signed-in-title")>
                        {nav.return_refused().then(|| view! {
                            <div class="error" role="status">
                                <p>{tr("return-refused")}</p>
                            </div>
                        })}
                        <dl class="summary">
                            <dt>{tr("account-label")}</dt>
                            <dd data-testid="account-name">{session.account_name.clone()}</dd>
                            <dt>{tr("signed-in-as-label")}</dt>
                            <dd><bdi>{session.username.clone()}</bdi></dd>
                            <dt>{tr("signed-in-until-label")}</dt>
                            <dd>
                                <time datetime=session.expires.clone()>{move || platform::local_time(&expires, &i18n.tag())}</time>
                            </dd>
                        </dl>
                        <button type="button" class="secondary" on:click=move |_| auth.sign_out()>
                            {tr("sign-out")}
                        </button>
                    </Page>
                }
                    .into_any()
            }
            None => {
                view! {
                    <Page title=tr("not-signed-in-title")>
                        <p><Link to=routes::SIGN_IN>{tr("sign-in-title")}</Link></p>
                    </Page>
                }
                    .into_any()
            }
        }}
    }
}

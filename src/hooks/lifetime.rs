//! A page's calls end with the page: a call still under way when the shopper leaves is
//! dropped, which aborts its request (`commerce::web`), and its answer changes nothing.

use std::future::Future;

use futures::channel::oneshot;
use futures::future::{select, Either, FutureExt, Shared};
use leptos::prelude::on_cleanup;

/// Settles when the page that made it is left. Cheap to clone, for each call.
#[derive(Clone)]
pub struct PageLifetime(Shared<oneshot::Receiver<()>>);

/// The lifetime of the page (the reactive owner) this is called in.
pub fn use_page_lifetime() -> PageLifetime {
    let (alive, left) = oneshot::channel::<()>();
    // Dropping the sender as the page is cleaned up settles every clone of the receiver.
    on_cleanup(move || drop(alive));
    PageLifetime(left.shared())
}

impl PageLifetime {
    /// Runs `call` while the page lives: `Some` with its output, or `None` once the page has
    /// been left (the call is dropped then).
    pub async fn within<F: Future>(&self, call: F) -> Option<F::Output> {
        match select(Box::pin(call), self.0.clone()).await {
            Either::Left((output, _)) => Some(output),
            Either::Right(_) => None,
        }
    }
}

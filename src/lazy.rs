//! Code fetched once a form shows rather than before it, so that every entry's first form
//! needs only the main wasm: each call to Commerce a page makes (`hooks::calls`) and the steps
//! reached only after one (`pages::later_step`). In split builds (the `split` feature, which the build through Trunk turns on)
//! each split point below is cut into a wasm file of its own by `scripts/split.mjs`
//! (wasm-split-cli, from wasm_split_cli_support, at the points `wasm_split_helpers` marks)
//! and fetched, with its Subresource Integrity digest, the first time it runs; without it
//! (the component tests, native tests, `cargo check`) they are plain functions, ready at the
//! first poll.

/// A split part could not be fetched: offline, the app's host unreachable, or a file whose
/// digest did not match. Nothing is remembered of a failure: the next call fetches again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unloaded;

impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// `split_point! { PART, PRELOAD => pub fn name(args) -> T { body } }`: `name(args).await`
/// is `Ok(body)` once the wasm file `PART` is there (fetching it the first time), `Err`
/// ([`Unloaded`]) if it could not be fetched; `PRELOAD().await` (optional: `PART =>` alone
/// has none) fetches it without running anything. `PART` names the file (`scripts/split.mjs`
/// names it `PART-HASH.wasm`) and must be unique in the crate. Arguments and result are
/// concrete types, moved across.
macro_rules! split_point {
    ($part:ident $(, $preload:ident)? => $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        // The preload function the macro writes has this function's visibility.
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $part,
            wasm_split_path = ::leptos::wasm_split,
            fallible
            $(, preload($preload))?
        )]
        $vis fn $part($($arg: $ty),*) -> Result<$ret, $crate::lazy::Unloaded> {
            let value = $body;
            Ok(value)
        }

        $(#[$meta])*
        #[cfg(feature = "split")]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy::Unloaded> {
            $part($($arg),*).await
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy::Unloaded> {
            let value = $body;
            Ok(value)
        }

        $(
            /// Fetches the part without running anything (at once without the `split`
            /// feature). Its error type is the split one's in both builds.
            #[cfg(not(feature = "split"))]
            $vis async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
                Ok(())
            }
        )?
    };
}

/// `split_call! { PART, PRELOAD => pub async fn name(args) -> Result<T, CommerceError> { body } }`:
/// an asynchronous call whose code (the request, reading the answer, the client under it) is
/// in the wasm file `PART`; a part that cannot be fetched is a
/// [`CommerceError::Network`](crate::commerce::CommerceError::Network), the same "we couldn't
/// reach the store" as a call that gets no answer.
macro_rules! split_call {
    ($part:ident, $preload:ident => $(#[$meta:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> Result<$ok:ty, CommerceError> $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $part,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        $vis fn $part($($arg: $ty),*) -> Result<
            ::futures::future::LocalBoxFuture<'static, Result<$ok, $crate::commerce::CommerceError>>,
            $crate::lazy::Unloaded,
        > {
            Ok(Box::pin(async move $body))
        }

        $(#[$meta])*
        #[cfg(feature = "split")]
        $vis async fn $name($($arg: $ty),*) -> Result<$ok, $crate::commerce::CommerceError> {
            match $part($($arg),*).await {
                Ok(call) => call.await,
                Err($crate::lazy::Unloaded) => Err($crate::commerce::CommerceError::Network),
            }
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ok, $crate::commerce::CommerceError> $body

        /// Fetches the call's code without calling (at once without the `split` feature).
        /// Its error type is the split one's in both builds.
        #[cfg(not(feature = "split"))]
        $vis async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}

pub(crate) use {split_call, split_point};

//! The wasm Trunk builds (see Cargo.toml for why a bin): it starts nothing by itself. The
//! page's script calls the exported entry point it needs: `startApp` (web/boot.js, the app's
//! own page) or `mountWidget` (web/commerce-otp.js, the element).

fn main() {
    // Names the library's entry points, so the library (and its exports) is linked in.
    let _entry_points = (commerce_otp::start_app, commerce_otp::mount_widget);
}

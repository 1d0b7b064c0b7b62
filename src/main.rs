fn main() {
    console_error_panic_hook::set_once();
    // Leptos' own task runner starts with the mount, so the config fetch before it uses
    // wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(commerce_otp::start());
}

// Starts the app. An external module, so that a Content-Security-Policy without
// 'unsafe-inline' runs it. The wasm-bindgen glue and the wasm are the files Trunk preloads in
// index.html, each with its Subresource Integrity digest: the glue's <link rel="modulepreload">
// puts the checked module in the module map that import() then uses, and the wasm is fetched
// with the digest scripts/postbuild.mjs put in its preload's data-integrity, so the browser
// checks it; the preloaded response is the one used (one download).
//
// window.commerceOtp.ready exists from here on, before the app loads: it settles with
// window.commerceOtp once the session of this tab is restored (README, "Embedding").
let resolve;
window.commerceOtp = { ready: new Promise((settle) => { resolve = settle; }) };
const glue = document.querySelector('link[rel="modulepreload"]');
const wasm = document.querySelector('link[rel="preload"][type="application/wasm"]');
const { default: init, startApp } = await import(glue.href);
await init({ module_or_path: fetch(wasm.href, { integrity: wasm.dataset.integrity }) });
startApp(resolve);

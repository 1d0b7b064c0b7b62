// Starts the app on its own page. An external module, so that a Content-Security-Policy
// without 'unsafe-inline' runs it.
//
// First the page's first form (web/first-form.js), so that the shopper can type before the
// wasm has arrived: on the app's folder (the sign-in form) and on the e-mail link's
// `change_password` and `passwordless` pages (either form of the link), not in a frame.
// Elsewhere, "Loading…" shows until the app does.
//
// Then the app, whose files are fetched only now, so that they do not share the network with
// the first form's few: the wasm-bindgen glue and the split parts' link module, each by its
// <link rel="modulepreload"> with its Subresource Integrity digest (which puts the checked
// module in the module map that import() then uses), kept in index.html's <template
// id="app-files"> until now; and the wasm, with the digest scripts/postbuild.mjs put in
// index.html's <meta name="commerce-otp-wasm">, so the browser checks it.
//
// window.commerceOtp.ready exists from here on, before the app loads: it settles with
// window.commerceOtp once the session of this tab is restored (README, "Embedding").
let resolve;
window.commerceOtp = { ready: new Promise((settle) => { resolve = settle; }) };

// config.json's text, read once (the <link rel="preload"> in index.html) for the first form and
// the app; `undefined` when it cannot be read, and the app then says why.
const configText = fetch('config.json')
  .then((response) => (response.ok ? response.text() : undefined))
  .catch(() => undefined);

// Set once the app starts: a first form that arrives later is not shown.
let started = false;
// The page and the e-mail link's parameters; in the link's fragment form
// (APP/#/change_password?…) the page is the one the fragment names (src/routes.rs `entry`).
// A `+` stays a `+` (src/flows/link.rs).
const { pathname, search, hash } = window.location;
const folder = pathname.slice(0, pathname.lastIndexOf('/') + 1);
const [page, query] = hash.startsWith('#/')
  ? [hash.slice(2).split('?')[0], hash.slice(2).split('?').slice(1).join('?')]
  : [pathname.slice(folder.length), search];
const entry = { '': 'start', 'index.html': 'start', change_password: 'reset-link', passwordless: 'passwordless-link' }[page];
// web/first-form.js (content-hashed and preloaded with its digest by scripts/postbuild.mjs,
// which names it here); the app starts without it if it cannot be had. None in a frame, whose
// steps the app lays out as the shop's (src/app.rs).
const shown = (entry && window.parent === window ? import('./first-form.js') : Promise.resolve({})).then(({ showFirstForm }) => showFirstForm?.({
  entry,
  folder: new URL(folder, window.location.origin),
  configText,
  link: new URLSearchParams(query.replaceAll('+', '%2B')),
  place(shell, template, { tag, store, theme }) {
    const loading = document.getElementById('loading');
    if (!loading || started) return false;
    const root = document.documentElement;
    root.lang = tag;
    root.dir = template.dataset.dir;
    if (theme) root.dataset.theme = theme;
    document.title = store ? `${template.dataset.title} · ${store}` : template.dataset.title;
    loading.replaceWith(shell);
    // As the app does on its own page: the heading takes focus, so a screen reader starts there.
    shell.querySelector('h1')?.focus();
    return true;
  },
}) ?? null).catch(() => null);
// The wasm waits for the first form, for 2 s at most (a file that never comes holds nothing up).
await Promise.race([shown, new Promise((settle) => { setTimeout(settle, 2000); })]);

try {
  const preloads = [...document.getElementById('app-files').content.querySelectorAll('link')];
  const loaded = preloads.map((preload) => new Promise((settle) => { preload.onload = settle; preload.onerror = settle; }));
  document.head.append(...preloads);
  const wasm = document.querySelector('meta[name="commerce-otp-wasm"]');
  const fetched = fetch(wasm.content, { integrity: wasm.dataset.integrity });
  // Its failure is init's below (not an unhandled rejection while the glue loads).
  fetched.catch(() => {});
  await Promise.all(loaded);
  const { default: init, startApp } = await import(preloads[0].href);
  await init({ module_or_path: fetched });
  started = true;
  startApp(resolve, await configText);
} catch (error) {
  // "Loading…" says to reload, or the first form does.
  started = true;
  (await shown)?.failed();
  console.error('commerce-otp: the app could not be loaded', error);
}

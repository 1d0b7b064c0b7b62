// <commerce-otp>: the app as an element of the shop's own page (README, "Embedding").
// One module script from where the bundle is hosted, then the element anywhere:
//   <script type="module" src="https://APP/commerce-otp.js"></script>
//   <commerce-otp flow="sign-in"></commerce-otp>
// This loader is all that loads with the page. When an element is connected, its first form
// shows as soon as the stylesheet, config.json and the form's file are there
// (web/first-form.js), so that the shopper can type; the wasm and its glue are fetched after
// that, once for all elements, and the app takes the form over with what was typed. The app
// renders into the element's shadow root and tells the shop through events on the element.
// scripts/postbuild.mjs fills in the build's file names and the wasm's integrity digest.
const files = { glue: '__GLUE__', wasm: '__WASM__', integrity: '__WASM_INTEGRITY__', css: '__CSS__', firstForm: '__FIRST_FORM__' };
const here = new URL('./', import.meta.url);
const at = (name) => new URL(name, here).href;
let app;
let loaded = false;
const load = () => (app ??= import(at(files.glue)).then(async (glue) => {
  await glue.default({ module_or_path: fetch(at(files.wasm), { integrity: files.integrity }) });
  loaded = true;
  return glue;
}));
let firstForm;
const showFirstForm = (options) => (firstForm ??= import(at(files.firstForm)).catch(() => ({})))
  .then((module) => module.showFirstForm?.(options) ?? null)
  .catch(() => null);
// config.json's text by address, read once for the first forms and the app (`undefined`
// when it cannot be read; the app then says why).
const configs = new Map();
// No Referer: with `read-link`, the shop's address holds the e-mail link's code.
const configText = (url) => {
  if (!configs.has(url)) {
    configs.set(url, fetch(url, { referrerPolicy: 'no-referrer' }).then((r) => (r.ok ? r.text() : undefined)).catch(() => undefined));
  }
  return configs.get(url);
};
// The step each `flow` opens on (src/embed.rs first_step), without and with a link's code.
const ENTRIES = { '': ['sign-in', 'sign-in'], 'sign-in': ['sign-in', 'sign-in'], reset: ['reset', 'reset-link'], passwordless: ['passwordless', 'passwordless-link'] };

class CommerceOtp extends HTMLElement {
  #widget = null;
  #mounting = 0;
  // Set as the app starts on this element: a first form that comes later is not shown.
  #starting = false;
  #resolve;
  #ready = new Promise((resolve) => { this.#resolve = resolve; });

  // Settles with the element once it shows its first step and has restored the session.
  get ready() { return this.#ready; }
  // The signed-in session ({ username, account_member_id, account_id, account_name, token,
  // expires }), or null.
  get session() { return this.#widget ? this.#widget.session() : null; }
  signOut() { this.#widget?.signOut(); }

  async connectedCallback() {
    const mounting = ++this.#mounting;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: at(files.css), referrerPolicy: 'no-referrer' });
    const styled = new Promise((done) => { style.onload = style.onerror = done; });
    const container = document.createElement('div');
    root.replaceChildren(style, container);
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    const config = new URL(attribute('config') ?? at('config.json'), document.baseURI).href;
    const text = configText(config);
    // A `+` stays a `+` (src/flows/link.rs).
    const link = this.hasAttribute('read-link') ? new URLSearchParams(window.location.search.replaceAll('+', '%2B')) : null;
    const entry = ENTRIES[(attribute('flow') ?? '').trim()]?.[link?.get('token') ? 1 : 0];
    this.#starting = false;
    // Once the app is here (another element loaded it), it shows the step itself at once.
    const shown = entry && !loaded ? showFirstForm({
      entry,
      element: true,
      folder: here,
      configText: text,
      link,
      locale: attribute('locale'),
      cancel: !this.hasAttribute('no-cancel'),
      styled,
      place: (shell) => {
        if (mounting !== this.#mounting || this.#starting) return false;
        container.append(shell);
        return true;
      },
    }) : Promise.resolve(null);
    try {
      // The app waits for the first form, for 2 s at most.
      await Promise.race([shown, new Promise((settle) => { setTimeout(settle, 2000); })]);
      const glue = await load();
      await styled;
      if (mounting !== this.#mounting) return;
      this.#starting = true;
      const widget = await glue.mountWidget(this, container, {
        flow: attribute('flow'),
        config,
        configText: await text,
        locale: attribute('locale'),
        returnTo: attribute('return-to'),
        readLink: this.hasAttribute('read-link'),
        cancel: !this.hasAttribute('no-cancel'),
        appUrl: here.href,
      });
      if (mounting !== this.#mounting) {
        widget.unmount();
        widget.free();
        return;
      }
      this.#widget = widget;
      widget.announceReady();
      this.#resolve(this);
    } catch (error) {
      if (mounting !== this.#mounting) return;
      console.error('commerce-otp: could not load', error);
      const form = await shown;
      if (form) {
        form.failed();
        return;
      }
      container.setAttribute('role', 'alert');
      container.textContent = 'Sign-in could not load. Reload the page to try again.';
    }
  }

  disconnectedCallback() {
    this.#mounting++;
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      widget.unmount();
      widget.free();
    }
  }
}

if (!customElements.get('commerce-otp')) customElements.define('commerce-otp', CommerceOtp);

// <commerce-otp>: the app as an element of the shop's own page (README, "Embedding").
// One module script from where the bundle is hosted, then the element anywhere:
//   <script type="module" src="https://APP/commerce-otp.js"></script>
//   <commerce-otp flow="sign-in"></commerce-otp>
// This loader is all that loads with the page; the wasm, its glue and the stylesheet are
// fetched when the first element is connected, once for all elements. The app renders into
// the element's shadow root and tells the shop through events on the element.
// scripts/postbuild.mjs fills in the build's file names and the wasm's integrity digest.
const files = { glue: '__GLUE__', wasm: '__WASM__', integrity: '__WASM_INTEGRITY__', css: '__CSS__' };
const here = new URL('./', import.meta.url);
const at = (name) => new URL(name, here).href;
let app;
const load = () => (app ??= import(at(files.glue)).then(async (glue) => {
  await glue.default({ module_or_path: fetch(at(files.wasm), { integrity: files.integrity }) });
  return glue;
}));

class CommerceOtp extends HTMLElement {
  #widget = null;
  #mounting = 0;
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
    const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: at(files.css) });
    const styled = new Promise((done) => { style.onload = style.onerror = done; });
    const container = document.createElement('div');
    root.replaceChildren(style, container);
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    try {
      const glue = await load();
      await styled;
      if (mounting !== this.#mounting) return;
      const widget = await glue.mountWidget(this, container, {
        flow: attribute('flow'),
        config: new URL(attribute('config') ?? at('config.json'), document.baseURI).href,
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
      container.setAttribute('role', 'alert');
      container.textContent = 'Sign-in could not load. Reload the page to try again.';
      console.error('commerce-otp: could not load', error);
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

// The first form, shown before the app's wasm has arrived, so that the shopper can type at
// once: by web/boot.js on the app's own page, by web/commerce-otp.js in each <commerce-otp>
// element. The forms are the app's own views rendered at build time (src/prerender.rs: the
// files, their templates, variants and placeholders); the app takes the form over with what
// was typed, and a submit or a press made meanwhile (src/first_form.rs). Where the form would
// not be the app's (a tab with the app's state, config.json `messages`, a value it does not
// know), nothing shows, and the app shows its page when it comes, as it would anyway.

// The languages first-forms/ has files for: src/i18n/mod.rs SHIPPED (a test compares them).
const SHIPPED = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'pl', 'sv', 'ja', 'ar', 'he'];
// config.json `flows`, in the order of the templates' variants.
const FLOWS = ['reset_password', 'passwordless_authentication'];
// The templates' placeholders (src/prerender.rs STORE, USERNAME).
const STORE = '\uE000store\uE001';
const USERNAME = 'first-form.username@example.invalid';

const files = new Map();

/**
 * The text of the templates of `name` (`en`, `element-de`: src/prerender.rs), fetched from
 * `folder` once per page; `null` when there is no such file. English's page forms are in
 * index.html itself, as a data block (scripts/postbuild.mjs): text, which the browser does not
 * build into elements while it reads the page.
 */
function templates(folder, name) {
  const inline = name.startsWith('element-') ? null : document.getElementById('first-forms');
  if (inline?.dataset.lang === name) return Promise.resolve(inline.textContent);
  if (!files.has(name)) {
    files.set(name, fetch(new URL(`first-forms/${name}.html`, folder), { referrerPolicy: 'no-referrer' })
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => null));
  }
  return files.get(name);
}

let policy;

/**
 * The one `<template>` of `entry` and `variant` in `text`, read into elements; or `null`.
 * Where the page enforces Trusted Types, through the policy `commerce-otp` (which the page's
 * `trusted-types` directive must then allow; else this throws and no form shows).
 */
function pick(text, entry, variant) {
  const start = text?.indexOf(`<template data-entry="${entry}" data-variant="${variant}"`) ?? -1;
  const end = text?.indexOf('</template>', start);
  if (start < 0 || end < 0) return null;
  const html = text.slice(start, end + '</template>'.length);
  if (window.trustedTypes) policy ??= window.trustedTypes.createPolicy('commerce-otp', { createHTML: (ours) => ours });
  const holder = document.createElement('div');
  holder.innerHTML = policy ? policy.createHTML(html) : html;
  return holder.firstElementChild;
}

/** As src/i18n/mod.rs `negotiate`: the same tag (any case), else the same language. */
function negotiate(requested, offered) {
  for (const wanted of requested.filter(Boolean)) {
    const language = wanted.split('-')[0].toLowerCase();
    const found = offered.find((tag) => tag.toLowerCase() === wanted.toLowerCase())
      ?? offered.find((tag) => tag.split('-')[0].toLowerCase() === language);
    if (found) return found;
  }
  return undefined;
}

/**
 * The username of an e-mail link as the app shows it (src/flows/link.rs, src/flows/validate.rs
 * and src/commerce/compat.rs: a `+` stays a `+`, trimmed, an address in lower case), or `null`
 * when the link is one whose form the app shows otherwise: no username, a code that is not six
 * letters and digits as sent, or a username with control or invisible formatting characters.
 */
function linkUsername(link) {
  const raw = link?.get('username')?.trim();
  const code = link?.get('token')?.trim() ?? '';
  if (!raw || !/^[A-Za-z0-9]{6}$/.test(code) || /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u.test(raw)) {
    return null;
  }
  return raw.includes('@') ? raw.toLowerCase() : raw;
}

/**
 * Whether this tab has the app's state (a session, a code just sent, a remembered username),
 * so that the app's first page differs from the template.
 */
function tabHasState() {
  try {
    return Object.keys(sessionStorage).some((key) => key.startsWith('commerce-otp.'))
      || localStorage.getItem('commerce-otp.username') !== null;
  } catch {
    return true;
  }
}

/**
 * Shows the first form of `entry` (`data-entry` of src/prerender.rs: a `…-link` entry needs
 * a good `link`) and returns `{ shell, failed() }`, its `<div id="first-form">` and what tells
 * the shopper that the app could not be loaded, or `null` when it shows none:
 * - `element`: the <commerce-otp> element's form (else the app's page);
 * - `folder`: the app's folder (a URL), where first-forms/ is;
 * - `configText`: a promise of config.json's text (`undefined` when it could not be read);
 * - `link`: the e-mail link's parameters (URLSearchParams), for the link's forms;
 * - `locale`: the element's `locale` attribute, if any;
 * - `cancel`: whether the element offers "Cancel" (not `no-cancel`);
 * - `styled`: a promise settled once the form's stylesheet is there (the form waits for it);
 * - `place(shell, template, { tag, store, theme })`: puts the form on the page (the chosen
 *   language, the store's name, `light`/`dark`/null), or returns false when it is too late (the
 *   app is there).
 */
export async function showFirstForm({ entry, element = false, folder, configText, link, locale, cancel = true, styled, place }) {
  const username = entry.endsWith('-link') ? linkUsername(link) : '';
  if (username === null || tabHasState()) return null;
  const prefix = element ? 'element-' : '';
  // The file of the language asked for (the element's `locale`, else the browser's) is fetched
  // beside config.json, whose `locale` and `locales` may choose another, fetched then.
  const guess = negotiate([locale, ...navigator.languages], SHIPPED) ?? 'en';
  const guessed = templates(folder, prefix + guess);
  const config = JSON.parse(await configText);
  const text = (key) => (typeof config[key] === 'string' ? config[key].trim() : '');
  const offered = config.locales ?? SHIPPED;
  const flows = config.flows ?? FLOWS;
  const format = config.username_format === undefined ? 'any' : text('username_format');
  if (!Array.isArray(offered) || !Array.isArray(flows) || !flows.every((f) => FLOWS.includes(f))
    || (config.messages && Object.keys(config.messages).length)) {
    return null;
  }
  const tag = negotiate([locale, text('locale'), ...navigator.languages], offered)
    ?? (offered.includes('en') ? 'en' : offered[0]);
  if (!SHIPPED.includes(tag)) return null;
  const variant = `${FLOWS.filter((f) => flows.includes(f)).join('+')}/${format}`;
  const template = pick(await (tag === guess ? guessed : templates(folder, prefix + tag)), entry, variant);
  if (!template) return null;
  await styled;

  const form = document.importNode(template.content, true);
  const store = text('store_name');
  const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Functions, so that a `$` in a name is only a `$`.
    node.data = node.data.replace(STORE, () => store || template.dataset.store).replaceAll(USERNAME, () => username);
  }
  // Links name the app's pages from its folder (`/forgot_password`, the element's `/#/…`).
  for (const a of form.querySelectorAll('a[href^="/"]')) {
    a.href = new URL(`.${a.getAttribute('href')}`, folder).href;
  }
  // The language switcher depends on config.json `locales`: it comes with the app.
  form.querySelector('footer, .language')?.remove();
  const theme = ['light', 'dark'].includes(text('theme')) ? text('theme') : null;
  if (element) {
    if (!cancel) form.querySelector('.cancel')?.remove();
    if (theme) form.querySelector('.embedded')?.setAttribute('data-theme', theme);
  } else if (text('logo_url')) {
    const logo = document.createElement('img');
    logo.src = text('logo_url');
    logo.alt = '';
    form.querySelector('header')?.prepend(logo);
  }

  const shell = document.createElement('div');
  shell.id = 'first-form';
  shell.append(form);
  // What the shopper does before the app is there, kept for the app (src/first_form.rs),
  // which does it: a submit (the button says it is under way), or a press of one of the
  // form's other buttons or links ("Not you?", "Forgot your password?"), by its place among
  // the links and buttons: the app moves to that step itself, as it would have (no page load,
  // which a host that only serves files would answer with a 404). A link opened in a new tab
  // (a modifier key) stays the browser's.
  const button = shell.querySelector('button[type="submit"]');
  const label = [...(button?.childNodes ?? [])];
  let failed = false;
  shell.addEventListener('submit', (event) => {
    event.preventDefault();
    if (failed) return;
    shell.dataset.action = 'submit';
    if (button?.dataset.busy) {
      button.textContent = button.dataset.busy;
      button.ariaBusy = 'true';
      button.ariaDisabled = 'true';
    }
  });
  shell.addEventListener('click', (event) => {
    const pressed = event.target.closest('button[type="button"], a:not([href^="#"])');
    if (!pressed || (pressed.tagName === 'A' && (event.ctrlKey || event.metaKey || event.shiftKey))) return;
    event.preventDefault();
    shell.dataset.action = `press ${[...shell.querySelectorAll('a, button')].indexOf(pressed)}`;
  });
  if (!place(shell, template, { tag, store, theme })) return null;
  return {
    shell,
    /** The rest of the page could not be loaded: the form says so, and that a reload helps. */
    failed() {
      failed = true;
      const error = document.createElement('div');
      error.className = 'error';
      error.append(
        Object.assign(document.createElement('h2'), { textContent: template.dataset.failedTitle }),
        Object.assign(document.createElement('p'), { textContent: template.dataset.failed }),
      );
      shell.querySelector('[role="alert"]')?.replaceChildren(error);
      if (button) {
        button.replaceChildren(...label);
        button.ariaBusy = 'false';
        button.ariaDisabled = 'false';
      }
    },
  };
}
